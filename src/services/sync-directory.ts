import { raiseLifecycleEvents } from './events/lifecycle-events.js';
import { randomUUID } from 'node:crypto';
import type { Locale } from '../domain/i18n/locale.js';
import type { PlatformName } from '../ports/chat-platform.js';
import type { ServiceDeps } from './deps.js';
import { adoptLegacySegment, platformSegmentId } from './segment-ids.js';

/** One person as a platform's directory describes them. */
export interface DirectoryEntry {
  readonly userId: string;
  readonly email: string | null;
  readonly timezone: string | null;
  readonly locale: Locale | null;
  /** The platform group that makes their segment, if any. */
  readonly segment: string | null;
  /** Their display name: kept in memory only (see DirectoryNames), never stored. */
  readonly name?: string | null;
}

export interface DirectorySource {
  readonly platform: PlatformName;
  readonly tenant: string;
  /** Segments the platform defines (user groups), flat. */
  segments(): Promise<readonly { id: string; name: string }[]>;
  /** Everyone, page by page, already filtered (no bots, deleted or unwanted guests). */
  pages(segmentOf: (userId: string) => string | null): AsyncIterable<readonly DirectoryEntry[]>;
  /** Members of each segment id. */
  members(segmentId: string): Promise<readonly string[]>;
}

export interface SyncReport {
  readonly people: number;
  readonly deactivated: number;
  readonly segments: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Brings the directory in line with a platform: upserts everyone it lists (page by page),
 * takes their segment from the platform's groups unless HR imported one, and marks people it no
 * longer lists inactive (they get no more prompts; nothing is deleted).
 * A person in several groups gets the first in the source's order, so segments stay a partition.
 */
export async function syncDirectory(deps: ServiceDeps, source: DirectorySource): Promise<SyncReport> {
  const syncId = randomUUID();
  const segments = await source.segments();
  const membership = new Map<string, string>();
  for (const segment of segments) {
    const id = platformSegmentId(source.platform, source.tenant, segment.id);
    await adoptLegacySegment(deps, id, segment.id, segment.name);
    await deps.store.segments.ensure(id, segment.name);
    for (const userId of await source.members(segment.id)) if (!membership.has(userId)) membership.set(userId, id);
  }
  let people = 0;
  const names: string[] = [];
  // Someone new in a directory read before has joined; everyone in the first read was there already.
  const firstSeen = (await deps.store.meta.get(`directory-sync:${source.platform}:${source.tenant}`)) === null ? null : today(deps);
  for await (const page of source.pages((userId) => membership.get(userId) ?? null)) {
    for (const entry of page) {
      if (entry.name) names.push(entry.name);
      await deps.store.people.upsertFromPlatform({
        platform: source.platform,
        tenant: source.tenant,
        userId: entry.userId,
        email: entry.email,
        timezone: entry.timezone,
        locale: entry.locale,
        segment: entry.segment,
        syncId,
        firstSeen,
      });
      people++;
    }
  }
  deps.names?.replace(source.platform, source.tenant, names);
  const deactivated = await deps.store.people.deactivateUnseen(source.platform, source.tenant, syncId);
  await deps.store.people.linkAccounts();
  if (firstSeen !== null) {
    // New joiners get the surveys HR turned on for `person.joined` (the onboarding check-ins).
    const joined = await deps.store.database.collections.people
      .find({ platform: source.platform, tenant: source.tenant, firstSeen, active: true }, { projection: { _id: 1 } })
      .toArray();
    await raiseLifecycleEvents(
      deps,
      joined.map((p) => ({ event: 'person.joined', person: p._id, on: firstSeen })),
    );
  }
  await deps.store.meta.set(`directory-sync:${source.platform}:${source.tenant}`, deps.clock.now().toJSDate());
  deps.logger.info({ tenant: source.tenant, people, deactivated, segments: segments.length }, 'directory synced');
  return { people, deactivated, segments: segments.length };
}

function today(deps: ServiceDeps): string {
  return deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() ?? '';
}

/** Whether a tenant's directory should be synced now: never synced, or last synced a day ago or more. */
export async function directorySyncDue(deps: ServiceDeps, platform: PlatformName, tenant: string): Promise<boolean> {
  const last = await deps.store.meta.get(`directory-sync:${platform}:${tenant}`);
  return last === null || deps.clock.now().toMillis() - last.getTime() >= DAY_MS;
}
