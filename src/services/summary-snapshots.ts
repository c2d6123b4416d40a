import { z } from 'zod';
import { isDuplicateKey } from '../store/database.js';
import type { CounterDoc } from '../store/documents/answers.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';

/**
 * A closed round's final counters in one document (`summary_snapshots`, id = round id), so a
 * summary reads twelve small documents instead of searching the whole counters collection
 * (FerretDB scans a collection for every query; MongoDB would use the round_segment index).
 * Counters of a closed round never change, so a snapshot never goes stale. Answer side: counts per
 * segment, question and value, nothing about people.
 */
const SEP = '\u001f';
/** Parallel arrays (FerretDB stores no nested arrays): `segment␟question␟value` and its count. */
const snapshotSchema = z
  .object({ _id: z.string(), keys: z.array(z.string()), counts: z.array(z.number().int().min(0)) })
  .refine((doc) => doc.keys.length === doc.counts.length, 'keys and counts differ in length');
type SnapshotDoc = z.infer<typeof snapshotSchema>;

const collection = (deps: ServiceDeps) => deps.store.database.db.collection<SnapshotDoc>('summary_snapshots');

function toCounters(roundId: string, doc: Pick<SnapshotDoc, 'keys' | 'counts'>): CounterDoc[] {
  return doc.keys.map((key, i) => {
    const [segment = '', questionId = '', value = ''] = key.split(SEP);
    return { _id: `${roundId}|${segment}|${questionId}|${value}`, roundId, segment, questionId, value, n: doc.counts[i] ?? 0 };
  });
}

/** Final counters of closed rounds, by round id: from snapshots, making those still missing. */
export async function closedRoundCounters(deps: ServiceDeps, rounds: readonly RoundDoc[]): Promise<Map<string, CounterDoc[]>> {
  const out = new Map<string, CounterDoc[]>();
  const final = rounds.filter((r) => r.state === 'closed' && r.countsFinal);
  if (final.length === 0) return out;
  for (const raw of await collection(deps)
    .find({ _id: { $in: final.map((r) => r._id) } })
    .toArray()) {
    const doc = snapshotSchema.parse(raw);
    out.set(doc._id, toCounters(doc._id, doc));
  }
  const missing = final.filter((r) => !out.has(r._id));
  if (missing.length === 0) return out;
  const counters = await deps.store.counters.forRounds(missing.map((r) => r._id));
  for (const round of missing) {
    const own = counters.filter((c) => c.roundId === round._id);
    const snapshot = { keys: own.map((c) => [c.segment, c.questionId, c.value].join(SEP)), counts: own.map((c) => c.n) };
    // Idempotent: two processes writing the same round's snapshot write the same content, and
    // the one whose upsert loses the race to create it finds it there.
    try {
      await collection(deps).replaceOne({ _id: round._id }, snapshot, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    out.set(round._id, toCounters(round._id, snapshot));
  }
  return out;
}
