import { DomainError } from '../domain/errors.js';
import type { Role } from '../domain/roles.js';
import type { PersonKey } from '../store/documents/identity.js';
import { loadActor, requireAdmin } from './actors.js';
import type { ServiceDeps } from './deps.js';

export interface RoleChange {
  readonly action: 'add' | 'remove';
  readonly target: PersonKey;
  readonly role: Extract<Role, 'hr' | 'leader'>;
  /** For leaders: the segment they lead (with everything below it). */
  readonly segment?: string;
}

/** Grants or removes HR or leader roles. Admins only. */
export async function changeRole(deps: ServiceDeps, actorKey: PersonKey, change: RoleChange): Promise<void> {
  requireAdmin(await loadActor(deps, actorKey));
  const target = await deps.store.people.get(change.target);
  if (target === null) throw new DomainError('UNKNOWN_PERSON', `no person ${change.target}`);
  if (change.role === 'leader' && change.action === 'add') {
    if (change.segment === undefined) throw new DomainError('INVALID_INPUT', 'a leader needs a segment');
    const tree = await deps.store.segments.tree();
    if (!tree.has(change.segment)) throw new DomainError('UNKNOWN_SEGMENT', `no segment ${change.segment}`);
  }
  const roles = new Set(target.roles);
  let leads = new Set(target.leads);
  if (change.action === 'add') {
    roles.add(change.role);
    if (change.role === 'leader' && change.segment !== undefined) leads.add(change.segment);
  } else if (change.role === 'leader' && change.segment !== undefined) {
    leads.delete(change.segment);
    if (leads.size === 0) roles.delete('leader');
  } else {
    roles.delete(change.role);
    if (change.role === 'leader') leads = new Set();
  }
  await deps.store.people.setRoles(change.target, [...roles], [...leads]);
}
