import { DomainError } from '../domain/errors.js';
import type { Role } from '../domain/roles.js';
import type { PersonKey } from '../store/documents/identity.js';
import { loadActor, requireAdmin, type Caller } from './actors.js';
import type { ServiceDeps } from './deps.js';
import { resolveSegment } from './segment-ids.js';

export interface RoleChange {
  readonly action: 'add' | 'remove';
  readonly target: PersonKey;
  readonly role: Extract<Role, 'hr' | 'leader'>;
  /** For leaders: the segment they lead (with everything below it). */
  readonly segment?: string;
}

/** Grants or removes HR or leader roles. Admins only. */
export async function changeRole(deps: ServiceDeps, actorKey: Caller, change: RoleChange): Promise<void> {
  requireAdmin(await loadActor(deps, actorKey));
  const target = await deps.store.people.get(change.target);
  if (target === null) throw new DomainError('UNKNOWN_PERSON', `no person ${change.target}`);
  if (change.role === 'leader' && change.action === 'add' && change.segment === undefined) throw new DomainError('INVALID_INPUT', 'a leader needs a segment');
  // What an admin types is a handle or a name; a leader's scope holds the segment's id.
  const typed = change.segment;
  const segment = typed === undefined ? undefined : ((await resolveSegment(deps, typed)) ?? (change.action === 'add' ? null : typed));
  if (segment === null) throw new DomainError('UNKNOWN_SEGMENT', `no segment ${typed ?? ''}`);
  const roles = new Set(target.roles);
  let leads = new Set(target.leads);
  if (change.action === 'add') {
    roles.add(change.role);
    if (change.role === 'leader' && segment !== undefined) leads.add(segment);
  } else if (change.role === 'leader' && segment !== undefined) {
    leads.delete(segment);
    if (leads.size === 0) roles.delete('leader');
  } else {
    roles.delete(change.role);
    if (change.role === 'leader') leads = new Set();
  }
  await deps.store.people.setRoles(change.target, [...roles], [...leads]);
}
