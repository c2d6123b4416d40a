import { safeAttributeValues, valuesWithinAttribute } from '../../domain/anonymity/attribute-cuts.js';
import { visibleSegments } from '../../domain/anonymity/suppression.js';
import { COUNTER_ANSWERED } from '../../store/documents/answers.js';
import type { RoundCounts } from '../results-counts.js';
import { combinationsOf, keptValues, OTHER_VALUE, RESPONDENTS_KEY, SEP, type AttributeCount, type CellsDoc } from './cuts-docs.js';

/**
 * One round's results cut by one attribute (issue #20), with what may be shown: judged per count
 * (respondents, then each question's answers) by the rule within the attribute and by the rule
 * across the tree and every other attribute (domain/anonymity/attribute-cuts.ts), at the round's
 * effective k (the stricter of the round's and today's, as `countRound` judges the tree).
 */
export interface AttributeSlices {
  readonly attribute: string;
  /** Every value invited in the round (kept ones by name, then OTHER_VALUE when anyone was folded into it). */
  readonly values: readonly string[];
  /** Values whose respondents pass both rules. */
  readonly shown: ReadonlySet<string>;
  /** Values whose answers to `questionId` may be shown (a subset of `shown`). */
  shownFor(questionId: string): ReadonlySet<string>;
  /** How many answers to `questionId` in `value` were `answer`. */
  count(value: string, questionId: string, answer: string): number;
}

/** The tree's shown groups at threshold `k`, as `countSlices` judges them (respondents, then each question). */
function treeAt(c: RoundCounts, k: number): { shown: ReadonlySet<string>; shownFor: (questionId: string) => ReadonlySet<string> } {
  const segments = c.tree.subtree(c.tree.root);
  const shown = visibleSegments(c.tree, c.respondents(), k);
  return {
    shown,
    shownFor: (questionId) => {
      const answered = new Map(segments.map((segment) => [segment, c.count(segment, questionId, COUNTER_ANSWERED)]));
      return new Set([...visibleSegments(c.tree, answered, k)].filter((segment) => shown.has(segment)));
    },
  };
}

const union = (a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> => new Set([...a, ...b]);
const intersect = (a: ReadonlyMap<string, ReadonlySet<string>>, b: ReadonlyMap<string, ReadonlySet<string>>): Map<string, Set<string>> =>
  new Map([...a].map(([attribute, values]) => [attribute, new Set([...values].filter((v) => b.get(attribute)?.has(v) === true))]));

/**
 * Every attribute of one round, sliced; empty when the round was not cut by attribute.
 *
 * Raising k must only ever hide (as it does for the tree): hiding a team would otherwise let an
 * attribute value through that the team's figure, read before k was raised, makes unsafe. So the
 * values are first judged at the round's own k, and a reading at a higher k shows only those, judged
 * again at its k against the atoms of both trees (finer atoms make the combination rule stricter).
 */
export function attributeSlices(c: RoundCounts, cells: CellsDoc, counts: readonly AttributeCount[]): Map<string, AttributeSlices> {
  const k = c.thresholds.minGroupSize;
  const promised = Math.min(k, c.round.anonymity.minGroupSize);
  const index = new Map(counts.map((x) => [[x.attribute, x.value, x.questionId, x.answer].join(SEP), x.n]));
  const count = (attribute: string, value: string, questionId: string, answer: string): number =>
    index.get([attribute, value, questionId, answer].join(SEP)) ?? 0;
  // The values are the directory's, from the fan-out (kept values, and "other" when anyone was
  // folded into it), never the answers': a row that appears once someone answered would say so.
  const combos = combinationsOf(cells);
  const kept = keptValues(cells);
  const valuesOf = new Map<string, string[]>(
    cells.attributes.map((attribute, i) => {
      const folded = combos.some((combo) => combo[i + 1] === OTHER_VALUE);
      return [attribute, [...(kept.get(attribute) ?? [])].sort((a, b) => a.localeCompare(b)).concat(folded ? [OTHER_VALUE] : [])];
    }),
  );
  const byCount = (attribute: string, questionId: string, answer: string): Map<string, number> =>
    new Map(['', ...(valuesOf.get(attribute) ?? [])].map((value) => [value, count(attribute, value, questionId, answer)]));

  const judge = (
    [questionId, answer]: readonly [string, string],
    treeShown: ReadonlySet<string>,
    at: number,
    allowed?: ReadonlyMap<string, ReadonlySet<string>>,
  ): Map<string, Set<string>> => {
    const candidates = new Map(
      cells.attributes.map((attribute) => {
        const values = byCount(attribute, questionId, answer);
        const total = [...values.values()].reduce((a, b) => a + b, 0);
        return [attribute, valuesWithinAttribute(values, total, at, allowed?.get(attribute))] as const;
      }),
    );
    return safeAttributeValues({
      tree: c.tree,
      treeShown,
      attributes: cells.attributes,
      combos,
      candidates,
      count: (attribute, value) => count(attribute, value, questionId, answer),
    });
  };
  const first = treeAt(c, promised);
  const baseRespondents = judge(RESPONDENTS_KEY, first.shown, promised);
  const respondents = k === promised ? baseRespondents : judge(RESPONDENTS_KEY, union(first.shown, c.shown), k, baseRespondents);
  const perQuestion = new Map<string, Map<string, Set<string>>>();
  const shownFor = (questionId: string): Map<string, Set<string>> => {
    let found = perQuestion.get(questionId);
    if (found === undefined) {
      const key = [questionId, COUNTER_ANSWERED] as const;
      const base = judge(key, first.shownFor(questionId), promised, baseRespondents);
      found = k === promised ? base : judge(key, union(first.shownFor(questionId), c.shownFor(questionId)), k, intersect(base, respondents));
      perQuestion.set(questionId, found);
    }
    return found;
  };

  return new Map(
    cells.attributes.map((attribute) => {
      // In the order of their names, "other" last: an order by size would rank the hidden ones.
      const values = valuesOf.get(attribute) ?? [];
      const slices: AttributeSlices = {
        attribute,
        values,
        shown: respondents.get(attribute) ?? new Set(),
        shownFor: (questionId) => shownFor(questionId).get(attribute) ?? new Set(),
        count: (value, questionId, answer) => count(attribute, value, questionId, answer),
      };
      return [attribute, slices] as const;
    }),
  );
}
