import { DomainError } from '../domain/errors.js';
import { isAdmin, isHr, refNames, type Actor, type PlatformUserRef, type Role } from '../domain/roles.js';
import type { PersonDoc, PersonKey } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

export interface ActorInfo extends Actor {
  readonly key: PersonKey;
  readonly person: PersonDoc | null;
}

/** Who is acting: their stored roles plus any given to them in PULSE_ADMINS / PULSE_HR. */
export async function loadActor(deps: ServiceDeps, key: PersonKey): Promise<ActorInfo> {
  const person = await deps.store.people.get(key);
  const { admins, hr } = deps.settings.bootstrapRoles;
  const named = (list: readonly PlatformUserRef[]) => list.some((r) => refNames(r, key));
  const roles = new Set<Role>(person?.roles ?? []);
  if (named(admins)) roles.add('admin');
  if (named(hr)) roles.add('hr');
  return { key, person, roles: [...roles], leads: person?.leads ?? [] };
}

export function requireHr(actor: ActorInfo): void {
  if (!isHr(actor)) throw new DomainError('NOT_AUTHORIZED', `${actor.key} is not HR or admin`);
}

export function requireAdmin(actor: ActorInfo): void {
  if (!isAdmin(actor)) throw new DomainError('NOT_AUTHORIZED', `${actor.key} is not an admin`);
}
