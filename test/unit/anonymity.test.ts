import { describe, expect, it } from 'vitest';
import { poolExitQuarters, quarterOf } from '../../src/domain/anonymity/exit-pooling.js';
import { buildSegmentTree, ORG_ROOT } from '../../src/domain/anonymity/segment-tree.js';
import { reportingSegment, rollUp, visibleSegments } from '../../src/domain/anonymity/suppression.js';
import { anonymitySettingsSchema } from '../../src/domain/anonymity/thresholds.js';

// org ── sales ── sales-a, sales-b, sales-c
//     └─ tech  ── tech-a, tech-b
const tree = buildSegmentTree([
  { id: 'sales', parentId: null },
  { id: 'tech', parentId: null },
  { id: 'sales-a', parentId: 'sales' },
  { id: 'sales-b', parentId: 'sales' },
  { id: 'sales-c', parentId: 'sales' },
  { id: 'tech-a', parentId: 'tech' },
  { id: 'tech-b', parentId: 'tech' },
]);

const visible = (own: Record<string, number>, k = 5): string[] => [...visibleSegments(tree, rollUp(tree, new Map(Object.entries(own))), k)].sort();

describe('threshold suppression', () => {
  it('shows every group of at least k and nothing below', () => {
    expect(visible({ 'sales-a': 5, 'sales-b': 6, 'sales-c': 7, 'tech-a': 5, 'tech-b': 9 })).toEqual(
      [ORG_ROOT, 'sales', 'sales-a', 'sales-b', 'sales-c', 'tech', 'tech-a', 'tech-b'].sort(),
    );
  });

  it('subtraction: a hidden team is not revealed as department minus its visible sibling', () => {
    // tech = 10, tech-a = 6 visible, tech-b = 4 hidden: tech − tech-a would give tech-b.
    const shown = visible({ 'tech-a': 6, 'tech-b': 4, 'sales-a': 5, 'sales-b': 5, 'sales-c': 5 });
    expect(shown).toContain('tech');
    expect(shown).not.toContain('tech-b');
    expect(shown).not.toContain('tech-a');
  });

  it('subtraction: hides the smallest sibling, and only as many as needed', () => {
    // sales-b (3) hidden; hiding sales-c (5) makes the unaccounted 8 ≥ 5; sales-a stays.
    const shown = visible({ 'sales-a': 9, 'sales-b': 3, 'sales-c': 5, 'tech-a': 5, 'tech-b': 5 });
    expect(shown).toEqual([ORG_ROOT, 'sales', 'sales-a', 'tech', 'tech-a', 'tech-b'].sort());
  });

  it('subtraction: people directly in a department count as a hidden group of their own', () => {
    // 3 people sit in "tech" itself, not in a team: tech − tech-a − tech-b would single them out.
    const shown = visible({ tech: 3, 'tech-a': 5, 'tech-b': 6, 'sales-a': 5, 'sales-b': 5, 'sales-c': 5 });
    expect(shown).toContain('tech');
    expect(shown).not.toContain('tech-a');
    expect(shown).toContain('tech-b');
  });

  it('subtraction works up the tree: a hidden department is not org minus the other department', () => {
    const shown = visible({ 'sales-a': 2, 'sales-b': 1, 'tech-a': 6, 'tech-b': 6 });
    expect(shown).toEqual([ORG_ROOT]);
  });

  it('hiding a group hides everything below it, so it cannot be summed back', () => {
    const shown = visible({ 'sales-a': 5, 'sales-b': 2, 'sales-c': 6, 'tech-a': 2, 'tech-b': 1 }, 5);
    expect(shown).not.toContain('tech');
    expect(shown).not.toContain('tech-a');
    // tech (3) is hidden; org − sales would reveal it, so sales goes too, and every team under it
    // (sales-c alone has 6, but showing it under a hidden sales would let sales be summed back).
    expect(shown).toEqual([ORG_ROOT]);
  });

  it('below k overall, nothing at all', () => {
    expect(visible({ 'sales-a': 2, 'tech-a': 2 })).toEqual([]);
  });
});

describe('reporting segment', () => {
  it('files answers under the team when the team was invited in full strength, else its parent, else org', () => {
    const invited = rollUp(
      tree,
      new Map([
        ['sales-a', 6],
        ['sales-b', 2],
        ['tech-a', 1],
        ['tech-b', 1],
      ]),
    );
    expect(reportingSegment(tree, 'sales-a', invited, 5)).toBe('sales-a');
    expect(reportingSegment(tree, 'sales-b', invited, 5)).toBe('sales');
    expect(reportingSegment(tree, 'tech-a', invited, 5)).toBe(ORG_ROOT);
    expect(reportingSegment(tree, null, invited, 5)).toBe(ORG_ROOT);
    expect(reportingSegment(tree, 'unknown-team', invited, 5)).toBe(ORG_ROOT);
  });
});

describe('segment tree', () => {
  it('hangs orphans under the root and refuses cycles', () => {
    const orphan = buildSegmentTree([{ id: 'x', parentId: 'missing' }]);
    expect(orphan.parent('x')).toBe(ORG_ROOT);
    expect(() =>
      buildSegmentTree([
        { id: 'a', parentId: 'b' },
        { id: 'b', parentId: 'a' },
      ]),
    ).toThrow(/cycle/);
  });
});

describe('thresholds', () => {
  it('defaults to 5, refuses below 3, and comments at least as strict as scores', () => {
    expect(anonymitySettingsSchema.parse({})).toEqual({ minGroupSize: 5, minCommentGroupSize: 5 });
    expect(anonymitySettingsSchema.safeParse({ minGroupSize: 2 }).success).toBe(false);
    expect(anonymitySettingsSchema.safeParse({ minGroupSize: 3, minCommentGroupSize: 3 }).success).toBe(true);
    expect(anonymitySettingsSchema.safeParse({ minGroupSize: 6, minCommentGroupSize: 5 }).success).toBe(false);
  });
});

describe('exit pooling', () => {
  it('rolls quarters below k into the next until the pool passes', () => {
    const pools = poolExitQuarters(
      [
        { quarter: '2026-Q2', respondents: 3 },
        { quarter: '2026-Q1', respondents: 1 },
        { quarter: '2026-Q3', respondents: 6 },
        { quarter: '2026-Q4', respondents: 2 },
      ],
      5,
    );
    expect(pools).toEqual([
      { quarters: ['2026-Q1', '2026-Q2', '2026-Q3'], respondents: 10, visible: true },
      { quarters: ['2026-Q4'], respondents: 2, visible: false },
    ]);
  });

  it('quarter of a date', () => {
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-11-22')).toBe('2026-Q4');
    expect(() => quarterOf('nonsense')).toThrow(RangeError);
  });
});
