import type { Audience } from '../domain/survey-definition.js';
import type { Database } from './database.js';
import { personDocSchema, type PersonDoc, type PersonKey, type Role } from './documents/identity.js';

export function personKey(platform: string, tenant: string, userId: string): PersonKey {
  return `${platform}:${tenant}:${userId}`;
}

export type PersonInput = Omit<PersonDoc, '_id' | 'roles' | 'leads' | 'active' | 'segmentSource' | 'syncId' | 'linkedTo' | 'firstSeen' | 'manager'> &
  Partial<Pick<PersonDoc, 'roles' | 'leads' | 'active' | 'segmentSource' | 'syncId' | 'linkedTo' | 'firstSeen' | 'manager'>>;

/** The directory: people as the platforms and the HR system describe them. */
export class PeopleRepo {
  constructor(private readonly database: Database) {}

  private get people() {
    return this.database.collections.people;
  }

  /** Inserts or updates a person by platform id; roles and leads are kept unless given. Idempotent. */
  async upsert(input: PersonInput): Promise<PersonKey> {
    const _id = personKey(input.platform, input.tenant, input.userId);
    const {
      roles,
      leads,
      linkedTo,
      firstSeen,
      manager,
      _id: _key,
      ...fields
    } = personDocSchema.parse({ _id, ...input, email: input.email?.trim().toLowerCase() ?? null });
    const kept = { roles, leads, linkedTo, firstSeen, manager };
    // Fields not given are kept as stored (and set to their defaults on insert).
    const given = Object.fromEntries(Object.entries(kept).filter(([name]) => input[name as keyof typeof kept] !== undefined));
    const defaults = Object.fromEntries(Object.entries(kept).filter(([name]) => input[name as keyof typeof kept] === undefined));
    await this.people.updateOne(
      { _id },
      {
        $set: { ...fields, ...given },
        $setOnInsert: defaults,
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
    /** Stored only when the person is new (see PersonDoc.firstSeen). */
    firstSeen?: string | null;
  }): Promise<void> {
    const _id = personKey(input.platform, input.tenant, input.userId);
    const email = input.email?.trim().toLowerCase() ?? null;
    // One read and one write, both by _id alone (the filter every MongoDB-protocol server answers
    // from an index): an HR import's segment is kept, a platform-derived one follows the platform.
    const existing = await this.people.findOne({ _id }, { projection: { segmentSource: 1 } });
    const segment =
      existing?.segmentSource === 'import' ? {} : { segment: input.segment, segmentSource: input.segment === null ? null : ('platform' as const) };
    await this.people.updateOne(
      { _id },
      {
        $set: {
          platform: input.platform,
          tenant: input.tenant,
          userId: input.userId,
          email,
          timezone: input.timezone,
          locale: input.locale,
          syncId: input.syncId,
          active: true,
          ...segment,
        },
        $setOnInsert: { roles: [], leads: [], firstSeen: input.firstSeen ?? null },
      },
      { upsert: true },
    );
  }

  /** Marks people of a tenant that sync `syncId` did not see as inactive. */
  async deactivateUnseen(platform: string, tenant: string, syncId: string): Promise<number> {
    const result = await this.people.updateMany(
      { platform: platform as PersonDoc['platform'], tenant, active: true, syncId: { $ne: syncId } },
      { $set: { active: false } },
    );
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

  /** The account with `email` in one workspace or tenant (the invited one, when linked accounts share it). */
  async byEmailIn(email: string, platform: PersonDoc['platform'], tenant: string): Promise<PersonDoc | null> {
    const docs = await this.people.find({ email: email.trim().toLowerCase(), platform, tenant }).toArray();
    const doc = docs.find((d) => (d.linkedTo ?? null) === null) ?? docs[0];
    return doc === undefined ? null : personDocSchema.parse(doc);
  }

  async count(): Promise<number> {
    return this.people.countDocuments({});
  }

  async get(key: PersonKey): Promise<PersonDoc | null> {
    const doc = await this.people.findOne({ _id: key });
    return doc === null ? null : personDocSchema.parse(doc);
  }

  /**
   * Links the accounts of one person so they are invited and counted once: active accounts that
   * share an e-mail address (which Slack and Entra ID verify) form one person, whose invited
   * account is the first by key (Slack before Teams, then by workspace). Accounts no longer
   * sharing an address are unlinked. Run before each round's fan-out and after each sync.
   * Returns how many accounts are linked to another.
   */
  async linkAccounts(): Promise<number> {
    // The server finds the shared addresses (most have none); only their accounts are read.
    const shared = this.people.aggregate<{ _id: string; n: number }>([
      { $match: { active: true, email: { $type: 'string' } } },
      { $group: { _id: '$email', n: { $sum: 1 } } },
      { $match: { n: { $gt: 1 } } },
    ]);
    const emails: string[] = [];
    for await (const row of shared) emails.push(row._id);
    const keysByEmail = new Map<string, string[]>();
    for (const doc of emails.length === 0
      ? []
      : await this.people.find({ active: true, email: { $in: emails } }, { projection: { _id: 1, email: 1 } }).toArray()) {
      if (doc.email !== null && doc.email !== undefined) keysByEmail.set(doc.email, [...(keysByEmail.get(doc.email) ?? []), doc._id]);
    }
    const linked = new Map<string, string>();
    for (const keys of keysByEmail.values()) {
      const [primary, ...others] = [...keys].sort();
      for (const other of others) if (primary !== undefined) linked.set(other, primary);
    }
    const byPrimary = new Map<string, string[]>();
    for (const [other, primary] of linked) byPrimary.set(primary, [...(byPrimary.get(primary) ?? []), other]);
    for (const [primary, others] of byPrimary) {
      await this.people.updateMany({ _id: { $in: others }, linkedTo: { $ne: primary } }, { $set: { linkedTo: primary } });
    }
    await this.people.updateMany({ linkedTo: { $ne: null }, _id: { $nin: [...linked.keys()] } }, { $set: { linkedTo: null } });
    return linked.size;
  }

  /** Active people in an audience, streamed in pages so a directory of any size fits in memory. */
  async *stream(audience: Audience, segmentsInScope: readonly string[] | null, joinedBy: string | null = null): AsyncGenerator<PersonDoc> {
    const cursor = this.people
      .find(audienceFilter(audience, segmentsInScope, joinedBy))
      .sort({ _id: 1 })
      .batchSize(500);
    for await (const doc of cursor) yield personDocSchema.parse(doc);
  }

  /** How many active people of an audience each segment holds (null: no segment), counted by the server. */
  countBySegment(audience: Audience, segmentsInScope: readonly string[] | null, joinedBy: string | null = null): Promise<Map<string | null, number>> {
    return this.countBy('segment', audience, segmentsInScope, joinedBy);
  }

  /** The time zones of an audience (null: people whose zone is unknown), counted by the server. */
  zonesOf(audience: Audience, segmentsInScope: readonly string[] | null, joinedBy: string | null = null): Promise<Map<string | null, number>> {
    return this.countBy('timezone', audience, segmentsInScope, joinedBy);
  }

  private async countBy(
    field: 'segment' | 'timezone',
    audience: Audience,
    segmentsInScope: readonly string[] | null,
    joinedBy: string | null,
  ): Promise<Map<string | null, number>> {
    const rows = this.people.aggregate<{ _id: string | null; n: number }>([
      { $match: audienceFilter(audience, segmentsInScope, joinedBy) },
      { $group: { _id: `$${field}`, n: { $sum: 1 } } },
    ]);
    const out = new Map<string | null, number>();
    for await (const row of rows) out.set(row._id ?? null, (out.get(row._id ?? null) ?? 0) + row.n);
    return out;
  }
}

/**
 * Active, invitable people of an audience; with `joinedBy`, only those first seen on or before
 * that day (or there from the first directory read: `firstSeen` null, which also matches
 * documents stored before the field existed, as `linkedTo: null` does).
 */
function audienceFilter(audience: Audience, segmentsInScope: readonly string[] | null, joinedBy: string | null) {
  const invitable = { active: true, linkedTo: null, ...(joinedBy === null ? {} : { $or: [{ firstSeen: null }, { firstSeen: { $lte: joinedBy } }] }) };
  return audience.type === 'everyone' || segmentsInScope === null ? invitable : { ...invitable, segment: { $in: [...segmentsInScope] } };
}
