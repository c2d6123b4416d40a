import type { Database } from './database.js';

/** Small facts the app keeps about itself (when a directory was last synced, …). */
export class MetaRepo {
  constructor(private readonly database: Database) {}

  async get(key: string): Promise<Date | null> {
    const doc = await this.database.collections.meta.findOne({ _id: key });
    return doc?.at instanceof Date ? doc.at : null;
  }

  async set(key: string, at: Date): Promise<void> {
    await this.database.collections.meta.updateOne({ _id: key }, { $set: { at } }, { upsert: true });
  }

  /** A small list of names kept under `key` (empty when never set). */
  async list(key: string): Promise<string[]> {
    const doc = await this.database.collections.meta.findOne({ _id: key });
    return Array.isArray(doc?.values) ? doc.values : [];
  }

  async setList(key: string, values: readonly string[]): Promise<void> {
    await this.database.collections.meta.updateOne({ _id: key }, { $set: { values: [...values] } }, { upsert: true });
  }
}
