/**
 * The differencing attacker of the anonymity property test, written apart from the code it
 * attacks (it shares no suppression code with `src/`).
 *
 * Within one round and one count (respondents, one question's answers, comments), every figure a
 * surface shows for a segment is the sum of the round's "cells" (the people filed directly under
 * each segment) in that segment's subtree. An attacker who may add and subtract any shown figures
 * learns the count of a set of cells exactly when that set's indicator vector lies in the span of
 * the shown figures' vectors. The attack succeeds when such a set holds more than 0 and fewer than
 * k people.
 */

export const ATTACK_ROOT = 'org';

export interface Isolation {
  /** The cells the attacker isolated (segments whose directly filed people they are). */
  readonly cells: readonly string[];
  /** How many people they hold. */
  readonly n: number;
}

/** Every segment of a round's tree, the root included; a missing parent hangs under the root. */
export function cellsOf(parents: Readonly<Record<string, string | null>>): string[] {
  return [ATTACK_ROOT, ...Object.keys(parents).filter((id) => id !== ATTACK_ROOT)];
}

function parentOf(parents: Readonly<Record<string, string | null>>, id: string): string | null {
  if (id === ATTACK_ROOT) return null;
  const parent = parents[id] ?? null;
  return parent !== null && parent in parents ? parent : ATTACK_ROOT;
}

/** Whether `cell` lies in `segment`'s subtree. */
export function inSubtree(parents: Readonly<Record<string, string | null>>, cell: string, segment: string): boolean {
  for (let at: string | null = cell; at !== null; at = parentOf(parents, at)) if (at === segment) return true;
  return false;
}

/** The count a figure for `segment` must show: the sum of the cells in its subtree. */
export function subtreeCount(parents: Readonly<Record<string, string | null>>, own: ReadonlyMap<string, number>, segment: string): number {
  return cellsOf(parents).reduce((sum, cell) => sum + (inSubtree(parents, cell, segment) ? (own.get(cell) ?? 0) : 0), 0);
}

const EPSILON = 1e-9;

/** Row-reduces `rows` into a basis: each kept row has a pivot column where the others are 0. */
function basisOf(rows: readonly number[][]): { row: number[]; pivot: number }[] {
  const basis: { row: number[]; pivot: number }[] = [];
  for (const input of rows) {
    const row = reduce(basis, [...input]);
    const pivot = row.findIndex((x) => Math.abs(x) > EPSILON);
    if (pivot === -1) continue;
    const scale = row[pivot] as number;
    const normal = row.map((x) => x / scale);
    for (const b of basis) {
      const factor = b.row[pivot] as number;
      if (Math.abs(factor) > EPSILON) b.row = b.row.map((x, i) => x - factor * (normal[i] as number));
    }
    basis.push({ row: normal, pivot });
  }
  return basis;
}

function reduce(basis: readonly { row: number[]; pivot: number }[], vector: number[]): number[] {
  for (const { row, pivot } of basis) {
    const factor = vector[pivot] as number;
    if (Math.abs(factor) > EPSILON) for (let i = 0; i < vector.length; i++) vector[i] = (vector[i] as number) - factor * (row[i] as number);
  }
  return vector;
}

/**
 * The attack: given the segments whose figures were shown, the smallest nonempty set of cells
 * below `k` whose count the attacker can compute, or null when there is none.
 */
export function isolate(
  parents: Readonly<Record<string, string | null>>,
  own: ReadonlyMap<string, number>,
  shown: ReadonlySet<string>,
  k: number,
): Isolation | null {
  const cells = cellsOf(parents);
  const vectors = [...shown].map((segment) => cells.map((cell) => (inSubtree(parents, cell, segment) ? 1 : 0)));
  return isolateCells(cells, own, vectors, k);
}

/**
 * The same attack over any cells and figures: `vectors` holds one 0/1 row per shown figure (which
 * cells it adds up). Cells that cannot hold anyone (a team with nobody in Bergen) must be left out
 * of `cells`: the attacker knows they are empty.
 */
export function isolateCells(cells: readonly string[], own: ReadonlyMap<string, number>, vectors: readonly number[][], k: number): Isolation | null {
  if (cells.length > 16) throw new Error('the attacker enumerates cell sets: keep it under 16 cells');
  const basis = basisOf(vectors);
  let best: Isolation | null = null;
  for (let mask = 1; mask < 1 << cells.length; mask++) {
    const picked = cells.filter((_, i) => (mask & (1 << i)) !== 0);
    const n = picked.reduce((sum, cell) => sum + (own.get(cell) ?? 0), 0);
    if (n === 0 || n >= k || (best !== null && n >= best.n)) continue;
    const rest = reduce(
      basis,
      cells.map((_, i) => ((mask & (1 << i)) !== 0 ? 1 : 0)),
    );
    if (rest.every((x) => Math.abs(x) < EPSILON)) best = { cells: picked.filter((cell) => (own.get(cell) ?? 0) > 0), n };
  }
  return best;
}
