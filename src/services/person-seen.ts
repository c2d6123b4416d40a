import { raiseLifecycleEvents } from './events/lifecycle-events.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { PersonDoc } from '../store/documents/identity.js';
import { personKey } from '../store/people-repo.js';
import type { ServiceDeps } from './deps.js';

/**
 * A person a chat platform told us about between directory syncs: Slack's `team_join` and
 * `user_change`, a Teams message or install. The one way such news reaches the directory, with
 * one merge rule (the sync's, in PeopleRepo.upsertFromPlatform): what the platform says now
 * replaces what it said before, a field it does not say keeps what is stored, a segment from an
 * HR import stays, and the person keeps the sync that last listed them.
 */
export interface PersonSeen {
  readonly platform: PersonDoc['platform'];
  readonly tenant: string;
  readonly userId: string;
  /** undefined or null: not said now (what is stored stays). */
  readonly email?: string | null;
  /** Reads an address from elsewhere (a team roster), asked only when none is said now or stored. */
  readonly rosterEmail?: () => Promise<string | null>;
  readonly timezone?: string | null;
  readonly locale?: Locale | null;
  /**
   * `member`: someone to survey (created if new); `guest`: updated if already known, never added;
   * `gone` (deleted, a bot): made inactive if known.
   */
  readonly standing: 'member' | 'guest' | 'gone';
}

/** True when writing `next` would leave `stored` as it is. */
function unchanged(
  stored: PersonDoc,
  next: { email: string | null; timezone: string | null; locale: PersonDoc['locale']; segment: string | null; syncId: string },
): boolean {
  const segmentKept =
    stored.segmentSource === 'import' || (stored.segment === next.segment && stored.segmentSource === (next.segment === null ? null : 'platform'));
  return (
    stored.active &&
    stored.email === (next.email?.trim().toLowerCase() ?? null) &&
    stored.timezone === next.timezone &&
    stored.locale === next.locale &&
    stored.syncId === next.syncId &&
    segmentKept
  );
}

export async function personSeen(deps: ServiceDeps, seen: PersonSeen): Promise<void> {
  const key = personKey(seen.platform, seen.tenant, seen.userId);
  const existing = await deps.store.people.get(key);
  if (existing === null && seen.standing !== 'member') return;
  const person = {
    platform: seen.platform,
    tenant: seen.tenant,
    userId: seen.userId,
    email: seen.email ?? existing?.email ?? (seen.rosterEmail ? await seen.rosterEmail() : null),
    timezone: seen.timezone ?? existing?.timezone ?? null,
    locale: seen.locale ?? existing?.locale ?? null,
    segment: existing?.segmentSource === 'platform' ? existing.segment : null,
    syncId: existing?.syncId ?? 'event',
    // Someone new seen between directory reads has joined since the last one.
    ...(existing === null ? { firstSeen: deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() } : {}),
  };
  if (existing === null || !unchanged(existing, person) || seen.standing === 'gone') await deps.store.people.upsertFromPlatform(person);
  if (existing === null && person.firstSeen !== undefined) await raiseLifecycleEvents(deps, [{ event: 'person.joined', person: key, on: person.firstSeen }]);
  if (seen.standing === 'gone') await deps.store.people.deactivate(key);
}
