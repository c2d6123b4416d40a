import type { Audience } from '../domain/survey-definition.js';
import type { Database } from './database.js';
import { personDocSchema, type PersonDoc, type PersonKey, type Role } from './documents/identity.js';

export function personKey(platform: string, tenant: string, userId: string): PersonKey {
  return `${platform}:${tenant}:${userId}`;
}

export type PersonInput = Omit<PersonDoc, '_id' | 'roles' | 'leads' | 'active' | 'segmentSource' | 'syncId'> &
  Partial<Pick<PersonDoc, 'roles' | 'leads' | 'active' | 'segmentSource' | 'syncId'>>;

/** The directory: people as the platforms and the HR system describe them. */
export class PeopleRepo {
  constructor(private readonly database: Database) {}

  private get people() {
    return this.database.collections.people;
  }

  /** Inserts or updates a person by platform id; roles and leads are kept unless given. Idempotent. */
  async upsert(input: PersonInput): Promise<PersonKey> {
    const _id = personKey(input.platform, input.tenant, input.userId);
    const { roles, leads, _id: _key, ...fields } = personDocSchema.parse({ _id, ...input, email: input.email?.trim().toLowerCase() ?? null });
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

  /**
   * Upserts a person as a platform directory lists them. Their segment follows the platform's
   * groups unless it came from an HR import; roles and leads are never touched here.
   */
  async upsertFromPlatform(input: {
    platform: PersonDoc['platform'];
    tenant: string;
    userId: string;
    email: string | null;
    timezone: string | null;
    locale: PersonDoc['locale'];
    segment: string | null;
    syncId: string;
  }): Promise<void> {
    const _id = personKey(input.platform, input.tenant, input.userId);
    const email = input.email?.trim().toLowerCase() ?? null;
    // One read and one write, both by _id alone (the filter every MongoDB-protocol server answers
    // from an index): an HR import's segment is kept, a platform-derived one follows the platform.
    const existing = await this.people.findOne({ _id }, { projection: { segmentSource: 1 } });
    const segment = existing?.segmentSource === 'import' ? {} : { segment: input.segment, segmentSource: input.segment === null ? null : ('platform' as const) };
    await this.people.updateOne(
      { _id },
      {
        $set: { platform: input.platform, tenant: input.tenant, userId: input.userId, email, timezone: input.timezone, locale: input.locale, syncId: input.syncId, active: true, ...segment },
        $setOnInsert: { roles: [], leads: [] },
      },
      { upsert: true },
    );
  }

  /** Marks people of a tenant that sync `syncId` did not see as inactive. */
  async deactivateUnseen(platform: string, tenant: string, syncId: string): Promise<number> {
    const result = await this.people.updateMany({ platform: platform as PersonDoc['platform'], tenant, active: true, syncId: { $ne: syncId } }, { $set: { active: false } });
    return result.modifiedCount;
  }

  async deactivate(key: PersonKey): Promise<void> {
    await this.people.updateOne({ _id: key }, { $set: { active: false } });
  }

  async setRoles(key: PersonKey, roles: readonly Role[], leads: readonly string[]): Promise<void> {
    await this.people.updateOne({ _id: key }, { $set: { roles: [...roles], leads: [...leads] } });
  }

  async byPlatformUser(platform: string, tenant: string, userId: string): Promise<PersonDoc | null> {
    return this.get(personKey(platform, tenant, userId));
  }

  async byEmail(email: string): Promise<PersonDoc | null> {
    const doc = await this.people.findOne({ email: email.trim().toLowerCase() });
    return doc === null ? null : personDocSchema.parse(doc);
  }

  async count(): Promise<number> {
    return this.people.countDocuments({});
  }

  async get(key: PersonKey): Promise<PersonDoc | null> {
    const doc = await this.people.findOne({ _id: key });
    return doc === null ? null : personDocSchema.parse(doc);
  }

  /** Active people in an audience, streamed in pages so a directory of any size fits in memory. */
  async *stream(audience: Audience, segmentsInScope: readonly string[] | null): AsyncGenerator<PersonDoc> {
    const cursor = this.people.find(audienceFilter(audience, segmentsInScope)).sort({ _id: 1 }).batchSize(500);
    for await (const doc of cursor) yield personDocSchema.parse(doc);
  }

  /** How many active people of an audience each segment holds (null: no segment), counted by the server. */
  async countBySegment(audience: Audience, segmentsInScope: readonly string[] | null): Promise<Map<string | null, number>> {
    const rows = this.people.aggregate<{ _id: string | null; n: number }>([
      { $match: audienceFilter(audience, segmentsInScope) },
      { $group: { _id: '$segment', n: { $sum: 1 } } },
    ]);
    const out = new Map<string | null, number>();
    for await (const row of rows) out.set(row._id ?? null, (out.get(row._id ?? null) ?? 0) + row.n);
    return out;
  }
}

function audienceFilter(audience: Audience, segmentsInScope: readonly string[] | null) {
  return audience.type === 'everyone' || segmentsInScope === null ? { active: true } : { active: true, segment: { $in: [...segmentsInScope] } };
}
