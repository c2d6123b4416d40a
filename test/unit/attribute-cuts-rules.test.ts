import { describe, expect, it } from 'vitest';
import { safeAttributeValues, valuesWithinAttribute, type Combination } from '../../src/domain/anonymity/attribute-cuts.js';
import { buildSegmentTree } from '../../src/domain/anonymity/segment-tree.js';

/* The two rules of cutting results by attribute (docs/attribute-cuts.md), on the doc's own examples. */
describe('attribute cuts: which values may be shown', () => {
  it('within an attribute, values below k are hidden and so is a value that would leave fewer than k over', () => {
    const counts = new Map([
      ['Oslo', 9],
      ['Bergen', 6],
      ['Tromsø', 2],
    ]);
    // 17 in all: Tromsø's 2 are below k; Oslo + Bergen would leave exactly those 2, so Bergen goes too.
    expect(valuesWithinAttribute(counts, 17, 5)).toEqual(new Set(['Oslo']));
    // With 4 more people who have no location, the rest is 6 and both may be shown.
    expect(valuesWithinAttribute(new Map([...counts, ['', 4]]), 21, 5)).toEqual(new Set(['Oslo', 'Bergen']));
    expect(valuesWithinAttribute(counts, 4, 5)).toEqual(new Set());
  });

  const tree = buildSegmentTree([
    { id: 'a', parentId: null },
    { id: 'b', parentId: null },
  ]);
  const bothLocations = new Set(['Oslo', 'Bergen']);

  it('a team all in Oslo next to a mixed one hides the locations: Oslo − A would be B’s people in Oslo', () => {
    const combos: Combination[] = [
      ['a', 'Oslo'],
      ['b', 'Oslo'],
      ['b', 'Bergen'],
    ];
    const safe = safeAttributeValues({
      tree,
      treeShown: new Set(['org', 'a', 'b']),
      attributes: ['location'],
      combos,
      candidates: new Map([['location', bothLocations]]),
      count: () => 7,
    });
    expect(safe.get('location')).toEqual(new Set());
    // With only the organisation shown, the tree has one atom and the locations may be shown.
    const orgOnly = safeAttributeValues({
      tree,
      treeShown: new Set(['org']),
      attributes: ['location'],
      combos,
      candidates: new Map([['location', bothLocations]]),
      count: () => 7,
    });
    expect(orgOnly.get('location')).toEqual(new Set(['Oslo', 'Bergen']));
    // And with someone of team A in Bergen too, every combination is held: both may be shown with the teams.
    const mixed = safeAttributeValues({
      tree,
      treeShown: new Set(['org', 'a', 'b']),
      attributes: ['location'],
      combos: [...combos, ['a', 'Bergen']],
      candidates: new Map([['location', bothLocations]]),
      count: () => 7,
    });
    expect(mixed.get('location')).toEqual(new Set(['Oslo', 'Bergen']));
  });

  it('across two attributes: nobody new works in Bergen, so tenure loses its smallest value until it holds', () => {
    const combos: Combination[] = [
      ['org', 'Oslo', 'new'],
      ['org', 'Oslo', 'long'],
      ['org', 'Bergen', 'long'],
    ];
    const safe = safeAttributeValues({
      tree,
      treeShown: new Set(['org']),
      attributes: ['location', 'tenure'],
      combos,
      candidates: new Map([
        ['location', new Set(['Oslo', 'Bergen'])],
        ['tenure', new Set(['new', 'long'])],
      ]),
      count: (attribute, value) => (attribute === 'tenure' && value === 'new' ? 6 : 10),
    });
    // Location comes first (HR's order) and stays; tenure's "new" (smallest) goes, then "long"
    // (with "new" in the rest, Bergen × rest is still empty): tenure shows nothing.
    expect(safe.get('location')).toEqual(new Set(['Oslo', 'Bergen']));
    expect(safe.get('tenure')).toEqual(new Set());
  });
});
