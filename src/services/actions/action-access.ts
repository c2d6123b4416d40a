import { DomainError } from '../../domain/errors.js';
import { isHr, resultScope } from '../../domain/roles.js';
import type { ActorInfo } from '../actors.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Whether `actor` may plan for `segment`: HR and admins for any group, a leader for the groups
 * they lead and those under them. Roles are read on every call, so a leader who loses the role
 * loses the group's actions at once.
 */
export async function mayPlanFor(deps: ServiceDeps, actor: ActorInfo, segment: string): Promise<boolean> {
  const scope = resultScope(actor);
  if (scope === 'all') return (await deps.store.segments.tree()).has(segment);
  if (scope.length === 0) return false;
  const tree = await deps.store.segments.tree();
  return tree.has(segment) && scope.some((root) => tree.has(root) && tree.subtree(root).includes(segment));
}

/** Throws NOT_AUTHORIZED unless `actor` may plan for `segment`. */
export async function assertMayPlan(deps: ServiceDeps, actor: ActorInfo, segment: string): Promise<void> {
  if (!(await mayPlanFor(deps, actor, segment))) throw new DomainError('NOT_AUTHORIZED', `not allowed to plan for ${segment}`);
}

/** Throws NOT_AUTHORIZED unless `actor` may change the action: its owner while they still lead the group, or HR. */
export async function assertMayChange(deps: ServiceDeps, actor: ActorInfo, action: { readonly owner: string; readonly segment: string }): Promise<void> {
  if (action.owner !== actor.key && !isHr(actor)) throw new DomainError('NOT_AUTHORIZED', 'only the owner or HR may change an action');
  await assertMayPlan(deps, actor, action.segment);
}
