import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import type { Database } from './database.js';
import { segmentDocSchema, type SegmentDoc } from './documents/identity.js';

/** The segment tree (department → team …). */
export class SegmentsRepo {
  constructor(private readonly database: Database) {}

  async upsert(segment: SegmentDoc): Promise<void> {
    const doc = segmentDocSchema.parse(segment);
    await this.database.collections.segments.updateOne({ _id: doc._id }, { $set: { name: doc.name, parentId: doc.parentId } }, { upsert: true });
  }

  /** Adds a segment a platform defines, or renames it; an existing one keeps its place in the tree. */
  async ensure(id: string, name: string): Promise<void> {
    await this.database.collections.segments.updateOne({ _id: id }, { $set: { name }, $setOnInsert: { parentId: null } }, { upsert: true });
  }

  /** The tree as a plain segment → parent map, for a round to keep. */
  async parents(): Promise<Record<string, string | null>> {
    return Object.fromEntries((await this.all()).map((s) => [s._id, s.parentId]));
  }

  async all(): Promise<SegmentDoc[]> {
    const docs = await this.database.collections.segments.find({}).toArray();
    return docs.map((doc) => segmentDocSchema.parse(doc));
  }

  async tree(): Promise<SegmentTree> {
    return buildSegmentTree((await this.all()).map((s) => ({ id: s._id, parentId: s.parentId })));
  }
}
