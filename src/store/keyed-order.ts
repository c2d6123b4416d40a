import type { Collection, Document } from 'mongodb';
import { insertOnce, isDuplicateKey, isOnlyDuplicateKeys, type Database } from './database.js';

/** The answer-side collections whose documents carry a round: what rewriteRoundInKeyedOrder rewrites. */
export const ROUND_ANSWER_COLLECTIONS = ['responses', 'comments', 'counters'] as const;
type RoundAnswerCollection = (typeof ROUND_ANSWER_COLLECTIONS)[number];

/** One document of a round being rewritten, kept here until it is back in its collection. */
interface StagedDoc {
  /** `<collection>|<document id>`, or `<collection>|<roundId>|complete` for the marker. */
  readonly _id: string;
  readonly collection: RoundAnswerCollection;
  readonly roundId: string;
  readonly doc?: Document;
}

const STAGING = 'answer_reorder_staging';
const completeId = (collection: string, roundId: string) => `${collection}|${roundId}|complete`;

/**
 * Rewrites a closed round's answers, comments or counters so that their stored (natural) order
 * is the order of their ids. Answers are stored as they arrive, so the natural order of a round
 * groups each respondent's answers and lines them up with when each person was prompted or
 * reminded; ids are keyed HMACs (answers, comments) or `round|segment|question|value` (counters),
 * and their order says nothing about time.
 *
 * Without transactions, safe against a crash at any point: the round's documents are first copied
 * to a staging collection and a marker says the copy is whole; only then are they deleted and
 * inserted again in id order; the staging copy goes last. Run again after a crash, it finishes
 * from the marker (or starts over when the copy was not whole: the originals were not touched).
 */
export async function rewriteRoundInKeyedOrder(database: Database, collection: RoundAnswerCollection, roundId: string): Promise<number> {
  const staging = database.db.collection<StagedDoc>(STAGING);
  const target = database.db.collection<Document>(collection);
  if ((await staging.countDocuments({ _id: completeId(collection, roundId) })) === 0) {
    await staging.deleteMany({ collection, roundId });
    // A response's prompt link and attribute values (issue #20) live only while its round is open: the copy goes without them.
    const docs = (await target.find({ roundId }).sort({ _id: 1 }).toArray()).map((doc) => withoutOpenRoundFields(collection, doc));
    await insertIgnoringDuplicates(
      staging,
      docs.map((doc) => ({ _id: `${collection}|${String(doc._id)}`, collection, roundId, doc })),
    );
    await staging.insertOne({ _id: completeId(collection, roundId), collection, roundId });
  }
  const staged = (await staging.find({ collection, roundId, doc: { $exists: true } }).toArray())
    .map((s) => s.doc as Document)
    .sort((a, b) => (String(a._id) < String(b._id) ? -1 : 1));
  await target.deleteMany({ roundId });
  await insertIgnoringDuplicates(target, staged);
  await staging.deleteMany({ collection, roundId });
  return staged.length;
}

/** Fields an answer may carry only while its round is open. */
const OPEN_ROUND_FIELDS: Readonly<Partial<Record<RoundAnswerCollection, readonly string[]>>> = { responses: ['link', 'cut'] };

function withoutOpenRoundFields(collection: RoundAnswerCollection, doc: Document): Document {
  const drop = OPEN_ROUND_FIELDS[collection] ?? [];
  if (!drop.some((field) => field in doc)) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([field]) => !drop.includes(field)));
}

const INSERT_CHUNK = 200;

/** Inserts in the given order (ordered commands), in chunks; documents already there (a rerun) are left as they are. */
async function insertIgnoringDuplicates<T extends Document>(collection: Collection<T>, docs: readonly T[]): Promise<void> {
  for (let i = 0; i < docs.length; i += INSERT_CHUNK) {
    const chunk = docs.slice(i, i + INSERT_CHUNK);
    try {
      await collection.insertMany(chunk as never, { ordered: true });
    } catch (error) {
      if (!isDuplicateKey(error) && !isOnlyDuplicateKeys(error)) throw error;
      // An ordered insert stops at the first document already there: the rest one by one.
      for (const doc of chunk) await insertOnce(collection as never, doc as never);
    }
  }
}
