import { buildSegmentTree, type SegmentTree } from '../domain/anonymity/segment-tree.js';
import type { Database } from './database.js';
import { segmentDocSchema, type SegmentDoc } from './documents/identity.js';

/** The segment tree (department → team …). */
export class SegmentsRepo {
  constructor(private readonly database: Database) {}

  async upsert(segment: SegmentDoc): Promise<void> {
    const doc = segmentDocSchema.parse(segment);
    await this.database.collections.segments.updateOne(
      { _id: doc._id },
      { $set: { name: doc.name, parentId: doc.parentId } },
      { upsert: true },
    );
  }

  async all(): Promise<SegmentDoc[]> {
    const docs = await this.database.collections.segments.find({}).toArray();
    return docs.map((doc) => segmentDocSchema.parse(doc));
  }

  async tree(): Promise<SegmentTree> {
    return buildSegmentTree((await this.all()).map((s) => ({ id: s._id, parentId: s.parentId })));
  }
}
