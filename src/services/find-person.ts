import { personDocSchema, type PersonDoc } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

/** The active person with this e-mail address or platform user id (the first by key when several accounts match). */
export async function findActivePerson(deps: ServiceDeps, by: { email?: string | undefined; platformUserId?: string | undefined }): Promise<PersonDoc | null> {
  const filter = by.email !== undefined ? { email: by.email.trim().toLowerCase() } : { userId: by.platformUserId ?? '' };
  const doc = await deps.store.database.collections.people
    .find({ ...filter, active: true })
    .sort({ _id: 1 })
    .limit(1)
    .next();
  return doc === null ? null : personDocSchema.parse(doc);
}

/** The active people of one platform tenant, by segment then user id (the playground's people list). */
export async function activePeopleOf(deps: ServiceDeps, platform: PersonDoc['platform'], tenant: string): Promise<PersonDoc[]> {
  const docs = await deps.store.database.collections.people.find({ platform, tenant, active: true }).sort({ segment: 1, userId: 1 }).toArray();
  return docs.map((doc) => personDocSchema.parse(doc));
}

/**
 * The chat accounts an operator means by `ref`: every account with that e-mail address (a person
 * in Slack and Teams has two), or the one account with that key (`platform:tenant:user`).
 */
export async function accountsOf(deps: ServiceDeps, ref: string): Promise<string[]> {
  const { people } = deps.store.database.collections;
  const wanted = ref.trim();
  if (wanted.includes('@')) return (await people.find({ email: wanted.toLowerCase() }, { projection: { _id: 1 } }).toArray()).map((p) => p._id);
  return (await people.countDocuments({ _id: wanted })) === 1 ? [wanted] : [];
}
