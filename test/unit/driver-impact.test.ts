import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_IMPACT_PAIRS, rankImpact, topPriority } from '../../src/domain/insight/driver-impact.js';
import { addSums, correlationOf, NO_PAIRS, pairOf, type PairSums } from '../../src/domain/insight/pair-sums.js';

function sumsOf(pairs: readonly (readonly [number, number])[]): PairSums {
  return pairs.reduce((total, [x, y]) => addSums(total, pairOf(x, y)), NO_PAIRS);
}

/** Pearson's r the textbook way (two passes over the data), to check the sums against. */
function pearson(pairs: readonly (readonly [number, number])[]): number {
  const n = pairs.length;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / n;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

const pairArb = fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 5 }));

describe('pair sums and their correlation', () => {
  it('give the same r as the data itself, however the pairs are split and pooled', () => {
    fc.assert(
      fc.property(fc.array(pairArb, { minLength: 4, maxLength: 200 }), fc.nat(), (pairs, cut) => {
        const at = cut % pairs.length;
        const pooled = addSums(sumsOf(pairs.slice(0, at)), sumsOf(pairs.slice(at)));
        const c = correlationOf(pooled);
        const expected = pearson(pairs);
        if (!Number.isFinite(expected)) return c === null;
        return c !== null && Math.abs(c.r - expected) < 1e-9 && c.low <= c.r && c.r <= c.high;
      }),
    );
  });

  it("puts Fisher's 90 % interval where the tables do (r 0.5, n 28: 0.217 to 0.706)", () => {
    // 28 pairs with r = 0.5 exactly is hard to build; the interval depends only on r and n.
    const base = correlationOf({ n: 28, sx: 0, sy: 0, sxy: 14, sxx: 28, syy: 28 });
    expect(base?.r).toBeCloseTo(0.5, 12);
    expect(base?.low).toBeCloseTo(0.2169, 3);
    expect(base?.high).toBeCloseTo(0.7056, 3);
  });

  it('has no correlation with fewer than 4 pairs, or when one side never varies', () => {
    expect(
      correlationOf(
        sumsOf([
          [1, 2],
          [3, 4],
          [5, 5],
        ]),
      ),
    ).toBeNull();
    expect(
      correlationOf(
        sumsOf([
          [7, 1],
          [7, 2],
          [7, 3],
          [7, 5],
        ]),
      ),
    ).toBeNull();
  });
});

describe('the driver ranking', () => {
  const related = (n: number): PairSums => sumsOf(Array.from({ length: n }, (_, i) => [i % 11, 1 + Math.round(((i % 11) * 4) / 10)] as const));
  const unrelated = (n: number): PairSums => sumsOf(Array.from({ length: n }, (_, i) => [i % 11, ((i * 7) % 5) + 1] as const));

  it('ranks strongest first and marks as priority only what is both weak and clearly related', () => {
    const items = rankImpact([
      { subject: { driver: 'workload' }, sums: unrelated(60), favourable: 40 },
      { subject: { driver: 'growth' }, sums: related(60), favourable: 55 },
      { subject: { driver: 'peers' }, sums: related(60), favourable: 85 },
      { subject: { questionId: 'own-q' }, sums: related(40), favourable: null },
    ]);
    expect(items.map((i) => ('driver' in i.subject ? i.subject.driver : i.subject.questionId))).toEqual(['growth', 'peers', 'own-q', 'workload']);
    expect(items.filter((i) => i.priority).map((i) => i.subject)).toEqual([{ driver: 'growth' }]);
    expect(topPriority(items)?.subject).toEqual({ driver: 'growth' });
  });

  it(`leaves out what has fewer than ${MIN_IMPACT_PAIRS} pairs`, () => {
    const items = rankImpact([{ subject: { driver: 'growth' }, sums: related(MIN_IMPACT_PAIRS - 1), favourable: 10 }]);
    expect(items).toEqual([]);
    expect(topPriority(items)).toBeNull();
  });
});
