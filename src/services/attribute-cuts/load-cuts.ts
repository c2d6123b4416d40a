import type { ServiceDeps } from '../deps.js';
import type { RoundCounts } from '../results-counts.js';
import { attributeSlices, type AttributeSlices } from './attribute-slices.js';
import { cellsCollection, cellsDocSchema, countsCollection, countsDocSchema, fromCountsDoc } from './cuts-docs.js';

/** Round id → attribute → its slices, for the rounds (closed, counted) that were cut by attribute. */
export type RoundCuts = ReadonlyMap<string, ReadonlyMap<string, AttributeSlices>>;

/** Reads the attribute cuts of `rounds` (two reads by id) and judges them against each round's tree. */
export async function loadAttributeCuts(deps: ServiceDeps, rounds: readonly RoundCounts[]): Promise<RoundCuts> {
  const ids = rounds.map((c) => c.round._id);
  if (ids.length === 0) return new Map();
  const database = deps.store.database;
  const [cells, counts] = await Promise.all([
    cellsCollection(database)
      .find({ _id: { $in: ids } })
      .toArray(),
    countsCollection(database)
      .find({ _id: { $in: ids } })
      .toArray(),
  ]);
  const countsOf = new Map(counts.map((doc) => [doc._id, fromCountsDoc(countsDocSchema.parse(doc))]));
  const out = new Map<string, ReadonlyMap<string, AttributeSlices>>();
  for (const doc of cells) {
    const round = rounds.find((c) => c.round._id === doc._id);
    const found = countsOf.get(doc._id);
    if (round === undefined || found === undefined) continue;
    out.set(doc._id, attributeSlices(round, cellsDocSchema.parse(doc), found));
  }
  return out;
}
