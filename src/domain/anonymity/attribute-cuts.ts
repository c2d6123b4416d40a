import type { SegmentTree } from './segment-tree.js';

/**
 * Which values of HR's attributes (location, tenure, …) may show a figure next to the team tree
 * (issue #20, docs/attribute-cuts.md). Two rules, applied per count (respondents, each question):
 *
 * 1. Within one attribute, as among sibling teams: a value is shown only with at least `k` people,
 *    and what the shown values leave over (people with another value or none) is 0 or at least `k`.
 * 2. Across families (the tree and every attribute shown): every combination of their atoms holds
 *    at least one invited person. An atom is what a family cannot split further: for the tree, a
 *    shown group minus its shown subgroups; for an attribute, one shown value, or all the rest.
 *    When a combination is empty (team A has nobody in Bergen), "Oslo − A" would be exactly the
 *    other teams' people in Oslo, however large each figure is. With every combination present,
 *    the only sets an attacker can count are unions of one family's atoms (the proof is in the
 *    doc), which rule 1 and the tree's own rule keep at 0 or at least `k`.
 *
 * Attributes are taken in HR's order; an attribute that breaks rule 2 loses its smallest shown
 * value (it joins the rest) until it holds, or shows nothing.
 */

/** One invited person's place: their reporting group and their value of each attribute ('' for none). */
export type Combination = readonly [segment: string, ...values: string[]];

const REST = '\u0000rest';

/** Rule 1: the values of one attribute that may be shown, from their counts and the attribute's total. */
export function valuesWithinAttribute(counts: ReadonlyMap<string, number>, total: number, k: number, allowed?: ReadonlySet<string>): Set<string> {
  if (total < k) return new Set();
  const shown = [...counts]
    .filter(([value, n]) => value !== '' && n >= k && (allowed === undefined || allowed.has(value)))
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b));
  let rest = total - shown.reduce((sum, [, n]) => sum + n, 0);
  while (rest > 0 && rest < k && shown.length > 0) rest += (shown.shift() as [string, number])[1];
  return new Set(shown.map(([value]) => value));
}

/** The tree atom a reporting group falls in: its nearest shown group, or null when nothing above it is shown. */
function treeAtom(tree: SegmentTree, shown: ReadonlySet<string>, segment: string): string | null {
  for (let at: string | null = tree.has(segment) ? segment : tree.root; at !== null; at = tree.parent(at)) if (shown.has(at)) return at;
  return null;
}

/** Whether every combination of the families' atoms (each a function of a combination) holds someone. */
function everyCombinationHeld(combos: readonly Combination[], families: readonly ((c: Combination) => string)[]): boolean {
  const atoms = families.map(() => new Set<string>());
  const tuples = new Set<string>();
  for (const combo of combos) {
    const tuple = families.map((atomOf, i) => {
      const atom = atomOf(combo);
      atoms[i]?.add(atom);
      return atom;
    });
    tuples.add(tuple.join('\u001f'));
  }
  const product = atoms.reduce((p, set) => p * set.size, 1);
  return tuples.size === product;
}

export interface AttributeFamilyInput {
  readonly tree: SegmentTree;
  /** The tree's shown groups for this count. */
  readonly treeShown: ReadonlySet<string>;
  /** Attribute names, in HR's order; combinations hold their values in this order. */
  readonly attributes: readonly string[];
  /** Every (reporting group, values…) combination that holds an invited person. */
  readonly combos: readonly Combination[];
  /** Per attribute, the values that pass rule 1 for this count. */
  readonly candidates: ReadonlyMap<string, ReadonlySet<string>>;
  /** The count of one attribute value (the smallest shown value goes first). */
  readonly count: (attribute: string, value: string) => number;
}

/** Rule 2 on top of rule 1: per attribute, the values that may be shown for this count. */
export function safeAttributeValues(input: AttributeFamilyInput): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>(input.attributes.map((a) => [a, new Set<string>()]));
  if (input.treeShown.size === 0) return out;
  const families: ((c: Combination) => string)[] = [(c) => treeAtom(input.tree, input.treeShown, c[0]) ?? REST];
  input.attributes.forEach((attribute, index) => {
    const shown = [...(input.candidates.get(attribute) ?? [])].sort((a, b) => input.count(attribute, a) - input.count(attribute, b) || a.localeCompare(b));
    const atomOf = (c: Combination): string => {
      const value = c[index + 1] ?? '';
      return shown.includes(value) ? value : REST;
    };
    while (shown.length > 0 && !everyCombinationHeld(input.combos, [...families, atomOf])) shown.shift();
    if (shown.length === 0) return;
    out.set(attribute, new Set(shown));
    const kept = [...shown];
    families.push((c) => {
      const value = c[index + 1] ?? '';
      return kept.includes(value) ? value : REST;
    });
  });
  return out;
}
