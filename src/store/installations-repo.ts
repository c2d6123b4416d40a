import type { InstallationRecords } from '../ports/platform-state.js';
import type { Database } from './database.js';

/** Slack OAuth installations (`installations`): they hold bot tokens, so protect the database like a secret store. */
export function installationsRepo(database: Database, now: () => Date): InstallationRecords {
  const installations = database.collections.installations;
  return {
    async save(key, installation) {
      await installations.updateOne({ _id: key }, { $set: { installation, updatedAt: now() } }, { upsert: true });
    },
    async get(key) {
      return (await installations.findOne({ _id: key }))?.installation ?? null;
    },
    async remove(key) {
      await installations.deleteOne({ _id: key });
    },
    async withPrefix(prefix) {
      const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const docs = await installations.find({ _id: { $regex: `^${escaped}` } }).toArray();
      return docs.map((doc) => ({ key: doc._id, installation: doc.installation }));
    },
  };
}
