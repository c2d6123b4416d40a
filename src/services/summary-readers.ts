import { isHr, refNames, type PlatformUserRef, type Role } from '../domain/roles.js';
import { personDocSchema, type PersonDoc } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

/** Someone who gets a weekly summary, and of what. */
export interface SummaryReader {
  readonly person: PersonDoc;
  readonly audience: 'leader' | 'org';
  readonly scope: 'all' | readonly string[];
}

/**
 * Everyone who gets a weekly summary: HR and admins (stored roles, or named in PULSE_HR /
 * PULSE_ADMINS) the organisation's; leaders the segments they lead. Active people only.
 */
export async function summaryReaders(deps: ServiceDeps): Promise<SummaryReader[]> {
  const { admins, hr } = deps.settings.bootstrapRoles;
  const named = [...admins, ...hr].map((ref) => ({
    platform: ref.platform as PersonDoc['platform'],
    userId: ref.userId,
    ...(ref.tenant === undefined ? {} : { tenant: ref.tenant }),
  }));
  const docs = await deps.store.database.collections.people
    .find({ active: true, $or: [{ roles: { $in: ['leader', 'hr', 'admin'] } }, ...named] })
    .sort({ _id: 1 })
    .toArray();
  const readers: SummaryReader[] = [];
  for (const raw of docs) {
    const person = personDocSchema.parse(raw);
    const roles = new Set<Role>(person.roles);
    const is = (list: readonly PlatformUserRef[]) => list.some((r) => refNames(r, person._id));
    if (is(admins)) roles.add('admin');
    if (is(hr)) roles.add('hr');
    const actor = { roles: [...roles], leads: person.leads };
    if (isHr(actor)) readers.push({ person, audience: 'org', scope: 'all' });
    else if (roles.has('leader') && person.leads.length > 0) readers.push({ person, audience: 'leader', scope: person.leads });
  }
  return readers;
}
