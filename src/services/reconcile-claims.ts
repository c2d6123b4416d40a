import type { ChatPlatform } from '../ports/chat-platform.js';
import type { DeliveryDoc } from '../store/documents/identity.js';
import { claimLeaseMs } from './claim-lease.js';
import type { PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';

export type ClaimVerdict = 'found' | 'resend' | 'given_up';

/** Time for a platform's last report to arrive and be recorded after it is sent. */
const REPORT_SETTLE_MS = 2_000;

/**
 * Whether the platform's silence about `delivery` proves its prompt was never posted. The
 * platform makes its last attempt to report a post at most `window` after posting, and posting
 * came after the claim, so a process listening since no later than `claimedAt + window` was up
 * for that last attempt whenever the post happened. The dead sender posted (if at all) before
 * this process came up, so the last attempt is over by `listeningSince + window`. Both hold, and
 * no report came: nothing was posted. Otherwise this process may have missed it, and cannot tell.
 */
function silenceProvesUnsent(deps: ServiceDeps, platform: ChatPlatform, delivery: DeliveryDoc): boolean {
  const window = platform.sendConfirmationWindowMs;
  const since = deps.listeningSince?.() ?? null;
  if (window === undefined || since === null || delivery.claimedAt === null) return false;
  const heardLastAttempt = since.getTime() <= delivery.claimedAt.getTime() + window;
  const attemptsOver = deps.clock.now().toMillis() >= since.getTime() + window + REPORT_SETTLE_MS;
  return heardLastAttempt && attemptsOver;
}

/** Whether a report of `delivery` could still arrive at this process (it is starting, or up and the last attempt is not over). */
function awaitingReports(deps: ServiceDeps, platform: ChatPlatform, delivery: DeliveryDoc): boolean {
  const window = platform.sendConfirmationWindowMs;
  if (window === undefined || delivery.claimedAt === null || deps.listeningSince === undefined) return false;
  const since = deps.listeningSince();
  // Not listening yet (starting up): nothing can be judged until reports can reach this process.
  if (since === null) return true;
  return since.getTime() <= delivery.claimedAt.getTime() + window && deps.clock.now().toMillis() < since.getTime() + window + REPORT_SETTLE_MS;
}

/**
 * Settles deliveries left `claimed` by a process that died mid-send, before anything can send them
 * again (a claim whose instance still sends its heartbeat is not judged: it is slow, not dead). In order: the platform finds the prompt (recorded as sent); or its silence proves the
 * prompt was never posted (sent again: still one prompt per person); or nobody can tell, and it is
 * given up as `unknown_after_crash` rather than risk a second prompt to the same person. A prompt
 * the platform reported after its sender died was already recorded by `confirmPromptPosted`.
 */
export async function reconcileStaleClaims(deps: ServiceDeps, platforms: PlatformRegistry): Promise<Record<ClaimVerdict | 'waiting', number>> {
  const { store, clock } = deps;
  const before = new Date(clock.now().toMillis() - claimLeaseMs(deps));
  const counts: Record<ClaimVerdict | 'waiting', number> = { found: 0, resend: 0, given_up: 0, waiting: 0 };
  const stale = await store.deliveries.staleClaims(before);
  // A claim whose instance still beats is a slow send (a long paced batch, a loaded machine), not a dead one: left to it.
  const live = stale.some((d) => d.claimedBy !== null) && deps.instances ? new Set(await deps.instances.live(clock.now().toJSDate())) : new Set<string>();
  for (const delivery of stale) {
    if (delivery.claimedBy !== null && live.has(delivery.claimedBy)) {
      counts.waiting++;
      continue;
    }
    const person = await store.people.get(delivery.personKey);
    const platform = platforms.get(delivery.platform);
    const ref = person && platform ? await platform.findPrompt(recipientOf(deps, person, delivery), delivery.roundId).catch(() => null) : null;
    if (ref) {
      await store.deliveries.confirmPosted(delivery._id, ref.channel, ref.messageId);
      counts.found++;
    } else if (platform && awaitingReports(deps, platform, delivery)) {
      counts.waiting++; // the platform may still report it: judged at a later tick
      continue;
    } else if (platform && silenceProvesUnsent(deps, platform, delivery)) {
      await store.deliveries.releaseClaim(delivery._id, clock.now().toJSDate());
      deps.logger.info({ roundId: delivery.roundId }, 'a prompt claimed by a process that died was never posted; sending it now');
      counts.resend++;
    } else {
      await store.deliveries.markFailed(delivery._id, 'unknown_after_crash');
      deps.logger.warn({ roundId: delivery.roundId }, 'a prompt was being sent when a process died and cannot be confirmed; it is not resent');
      counts.given_up++;
    }
  }
  return counts;
}
