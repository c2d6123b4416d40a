import type { Audience } from '../domain/survey-definition.js';
import type { Database } from './database.js';
import { personDocSchema, type PersonDoc, type PersonKey } from './documents/identity.js';

export function personKey(platform: string, tenant: string, userId: string): PersonKey {
  return `${platform}:${tenant}:${userId}`;
}

export type PersonInput = Omit<PersonDoc, '_id' | 'roles' | 'leads' | 'active'> &
  Partial<Pick<PersonDoc, 'roles' | 'leads' | 'active'>>;

/** The directory: people as the platforms and the HR system describe them. */
export class PeopleRepo {
  constructor(private readonly database: Database) {}

  private get people() {
    return this.database.collections.people;
  }

  /** Inserts or updates a person by platform id; roles and leads are kept unless given. Idempotent. */
  async upsert(input: PersonInput): Promise<PersonKey> {
    const _id = personKey(input.platform, input.tenant, input.userId);
    const { roles, leads, _id: _key, ...fields } = personDocSchema.parse({ _id, ...input });
    const given = { roles: input.roles !== undefined, leads: input.leads !== undefined };
    await this.people.updateOne(
      { _id },
      {
        $set: { ...fields, ...(given.roles ? { roles } : {}), ...(given.leads ? { leads } : {}) },
        $setOnInsert: { ...(given.roles ? {} : { roles }), ...(given.leads ? {} : { leads }) },
      },
      { upsert: true },
    );
    return _id;
  }

  async get(key: PersonKey): Promise<PersonDoc | null> {
    const doc = await this.people.findOne({ _id: key });
    return doc === null ? null : personDocSchema.parse(doc);
  }

  /** Active people in an audience, streamed in pages so a directory of any size fits in memory. */
  async *stream(audience: Audience, segmentsInScope: readonly string[] | null): AsyncGenerator<PersonDoc> {
    const filter =
      audience.type === 'everyone' || segmentsInScope === null
        ? { active: true }
        : { active: true, segment: { $in: [...segmentsInScope] } };
    const cursor = this.people.find(filter).sort({ _id: 1 }).batchSize(500);
    for await (const doc of cursor) yield personDocSchema.parse(doc);
  }
}
