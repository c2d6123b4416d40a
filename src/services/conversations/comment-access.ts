import { resultScope } from '../../domain/roles.js';
import type { CommentDoc } from '../../store/documents/answers.js';
import type { ActorInfo } from '../actors.js';
import type { ServiceDeps } from '../deps.js';
import { countRound } from '../results-counts.js';

/**
 * Whether `actor` may read a comment, and so acknowledge or reply to it: its round is closed, and
 * some group the actor may see (HR: any; a leader: what they lead) holds the comment and passes
 * the comment threshold and the subtraction rule, judged by the one slicer as every surface
 * that shows comments does. A leader who loses the role loses access at once: roles are read
 * on every call.
 */
export async function mayReadComment(deps: ServiceDeps, actor: ActorInfo, comment: Pick<CommentDoc, 'roundId' | 'segment'>): Promise<boolean> {
  return (await readableGroup(deps, actor, comment)) !== null;
}

/**
 * The smallest group the actor may see that holds the comment and shows comments (null: none):
 * the group whose members a reply is announced to, so the notice never narrows below k.
 */
export async function readableGroup(deps: ServiceDeps, actor: ActorInfo, comment: Pick<CommentDoc, 'roundId' | 'segment'>): Promise<string | null> {
  const scope = resultScope(actor);
  if (scope !== 'all' && scope.length === 0) return null;
  const round = await deps.store.rounds.get(comment.roundId);
  if (round === null || round.state !== 'closed') return null;
  const counts = countRound(round, await deps.store.counters.forRounds([round._id]), deps.settings.anonymity);
  const tree = counts.tree;
  if (!tree.has(comment.segment)) return null;
  const shown = counts.commentsShown();
  const within = scope === 'all' ? null : new Set(scope.flatMap((root) => (tree.has(root) ? tree.subtree(root) : [])));
  for (let group: string | null = comment.segment; group !== null; group = tree.parent(group)) {
    if (within !== null && !within.has(group)) continue;
    if (shown.has(group)) return group;
  }
  return null;
}
