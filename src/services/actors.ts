import { DomainError } from '../domain/errors.js';
import { isAdmin, isHr, refNames, type Actor, type PlatformUserRef, type Role } from '../domain/roles.js';
import type { PersonDoc, PersonKey } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

export interface ActorInfo extends Actor {
  readonly key: PersonKey;
  readonly person: PersonDoc | null;
}

/**
 * Someone acting outside chat with the operator's rights: an HR system holding an API key, or a
 * person holding the server's configuration at the CLI. Not a person: it has no account, and its
 * rights come from where it acts, not from PULSE_ADMINS.
 */
export interface Operator {
  readonly kind: 'operator';
  readonly via: 'api' | 'cli' | 'web';
  /** The API key's id, or `operator` at the CLI: recorded where services record who asked. */
  readonly id: string;
}

/** Who asks a use case: a person (their key), or an operator. */
export type Caller = PersonKey | Operator;

export const operator = (via: Operator['via'], id: string): Operator => ({ kind: 'operator', via, id });

/** The key a caller is recorded under (`requestedBy`…): a person's key, or `api:operator:<key id>`. */
export const callerKey = (caller: Caller): string => (typeof caller === 'string' ? caller : `${caller.via}:operator:${caller.id}`);

/** Who is acting: an operator (HR and admin rights), or a person with their stored roles plus any given in PULSE_ADMINS / PULSE_HR. */
export async function loadActor(deps: ServiceDeps, caller: Caller): Promise<ActorInfo> {
  if (typeof caller !== 'string') return { key: callerKey(caller), person: null, roles: ['admin', 'hr'], leads: [] };
  const key = caller;
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
