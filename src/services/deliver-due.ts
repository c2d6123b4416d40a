import type { Question } from '../domain/question.js';
import { questionById } from '../domain/templates/catalog.js';
import type { ChatPlatform, PlatformName } from '../ports/chat-platform.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { recipientOf } from './recipient.js';
import { claimLeaseMs } from './claim-lease.js';
import { newResponseToken } from './response-id.js';

export type PlatformRegistry = ReadonlyMap<PlatformName, ChatPlatform>;

export interface DeliveryReport {
  /** Due deliveries this pass looked at. */
  readonly examined: number;
  /** Of those, left as they were: claimed by another process, or locked by a dead one. */
  readonly skipped: number;
  readonly sent: number;
  readonly failed: number;
  readonly retrying: number;
}

const MAX_ATTEMPTS = 5;

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && signal?.aborted !== true) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/**
 * Sends every prompt that is due: claim → send → record. A claimed delivery is never claimed
 * again by this function, so a prompt goes out at most once from here; a crash between send and
 * record leaves it `claimed` for the scheduler's reconciliation. Errors are recorded per person
 * and retried with backoff, never fatal to the batch.
 */
export async function deliverDue(
  deps: ServiceDeps,
  platforms: PlatformRegistry,
  options: { readonly batch?: number; readonly concurrency?: number; readonly signal?: AbortSignal } = {},
): Promise<DeliveryReport> {
  const { store, clock } = deps;
  const now = clock.now().toJSDate();
  const due = await store.deliveries.due(now, options.batch ?? 500);
  const rounds = new Map<string, RoundDoc | null>();
  const report = { examined: due.length, skipped: 0, sent: 0, failed: 0, retrying: 0 };

  // On shutdown (signal) no new send starts; the ones under way finish and are recorded.
  await eachLimited(due, options.concurrency ?? 8, async (delivery) => {
    if (!rounds.has(delivery.roundId)) rounds.set(delivery.roundId, await store.rounds.get(delivery.roundId));
    const round = rounds.get(delivery.roundId) ?? null;
    if (round === null || round.state !== 'open' || round.closesAt <= now) {
      await store.deliveries.markClosed(delivery._id);
      return;
    }
    const platform = platforms.get(delivery.platform);
    const person = await store.people.get(delivery.personKey);
    if (platform === undefined || person === null || !person.active) {
      await store.deliveries.markFailed(delivery._id, platform === undefined ? 'platform_not_configured' : 'person_not_found');
      report.failed++;
      return;
    }
    if (!(await store.deliveries.claim(delivery, now, claimLeaseMs(deps)))) {
      report.skipped++;
      return;
    }
    const recipient = recipientOf(deps, person, delivery);
    try {
      const ref = await platform.sendPrompt(recipient, {
        roundId: round._id,
        deliveryId: delivery._id,
        surveyKind: round.kind,
        questions: round.questionIds.map((id) => questionById(id)).filter((q): q is Question => q !== undefined),
        responseToken: newResponseToken(),
        minGroupSize: round.anonymity.minGroupSize,
        orgName: deps.settings.orgName,
      });
      await store.deliveries.markSent(delivery._id, ref.channel, ref.messageId);
      if (round.kind === 'exit') await store.database.collections.exitRequests.updateOne({ _id: person._id, roundId: round._id, state: 'scheduled' }, { $set: { state: 'sent' } });
      report.sent++;
    } catch (error) {
      const code = error instanceof Error ? error.message.slice(0, 200) : 'unknown_error';
      deps.logger.warn({ roundId: delivery.roundId, attempts: delivery.attempts + 1, code }, 'prompt not sent');
      if (delivery.attempts + 1 >= MAX_ATTEMPTS) {
        await store.deliveries.markFailed(delivery._id, code);
        report.failed++;
      } else {
        const backoffMs = 60_000 * 2 ** delivery.attempts;
        await store.deliveries.retryLater(delivery._id, new Date(clock.now().toMillis() + backoffMs), code);
        report.retrying++;
      }
    }
  }, options.signal);
  return report;
}

