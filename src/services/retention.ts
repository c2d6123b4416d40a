import { isoWeekKey } from '../domain/summary/summary-schedule.js';
import { SummaryDeliveriesRepo } from '../store/summary-deliveries-repo.js';
import { deleteEndedSessions } from '../store/web-sessions-repo.js';
import type { ServiceDeps } from './deps.js';

export interface RetentionReport {
  readonly responses: number;
  readonly comments: number;
  readonly conversations: number;
  /** Done actions due before the cutoff. */
  readonly actions: number;
  readonly deliveries: number;
  readonly repliesNotices: number;
  readonly eventRequests: number;
  readonly eventReceipts: number;
  readonly webhookDeliveries: number;
  readonly summaryDeliveries: number;
  readonly webSessions: number;
}

/** Closed rounds' deliveries are kept this long (for App Home and support), then deleted. */
const DELIVERY_DAYS = 30;
/** Event receipts (hashes that stop a repeated idempotency key) are kept this long. */
const RECEIPT_DAYS = 90;
/** Webhook messages delivered or given up are kept this long (the delivery log HR reads). */
const WEBHOOK_LOG_DAYS = 30;
/** Weekly summaries' delivery records are kept this long, then deleted (they only stop doubles). */
const SUMMARY_WEEKS = 12;

/**
 * Deletes raw answers (responses, comments) of rounds dated more than `months` ago, while the
 * counters, which summaries read, stay; deletes deliveries of rounds closed a month ago and
 * finished event-survey requests past the same window, event receipts after 90 days and webhook
 * messages 30 days after they were delivered or given up, weekly-summary records after 12 weeks, and ended
 * dashboard sessions after a day. A job, because TTL indexes are not portable. Every collection's
 * rule is listed in src/store/collection-registry.ts.
 */
export async function applyRetention(deps: ServiceDeps, months: number): Promise<RetentionReport> {
  const { responses, comments, deliveries, eventRequests } = deps.store.database.collections;
  const now = deps.clock.now();
  const cutoff = now.minus({ months }).toISODate() as string;
  const deliveryCutoff = now.minus({ days: DELIVERY_DAYS }).toJSDate();
  const closedRounds = (await deps.store.rounds.closedBefore(deliveryCutoff)).map((r) => r._id);
  const report = {
    responses: (await responses.deleteMany({ roundDate: { $lt: cutoff } })).deletedCount,
    comments: (await comments.deleteMany({ roundDate: { $lt: cutoff } })).deletedCount,
    conversations: (await deps.store.database.collections.conversations.deleteMany({ roundDate: { $lt: cutoff } })).deletedCount,
    actions: (await deps.store.database.collections.actions.deleteMany({ status: 'done', dueDate: { $lt: cutoff } })).deletedCount,
    deliveries: closedRounds.length === 0 ? 0 : (await deliveries.deleteMany({ roundId: { $in: closedRounds } })).deletedCount,
    repliesNotices:
      closedRounds.length === 0
        ? 0
        : (await deps.store.database.collections.repliesNotices.deleteMany({ roundId: { $in: closedRounds }, state: 'sent' })).deletedCount,
    eventRequests: (await eventRequests.deleteMany({ state: { $in: ['expired', 'cancelled', 'sent'] }, expiresAt: { $lt: now.minus({ months }).toJSDate() } }))
      .deletedCount,
    eventReceipts: (await deps.store.database.collections.eventReceipts.deleteMany({ receivedAt: { $lt: now.minus({ days: RECEIPT_DAYS }).toJSDate() } }))
      .deletedCount,
    webhookDeliveries: (
      await deps.store.database.collections.webhookDeliveries.deleteMany({
        state: { $in: ['delivered', 'failed'] },
        createdAt: { $lt: now.minus({ days: WEBHOOK_LOG_DAYS }).toJSDate() },
      })
    ).deletedCount,
    summaryDeliveries: await new SummaryDeliveriesRepo(deps.store.database).deleteBefore(isoWeekKey(now.minus({ weeks: SUMMARY_WEEKS }))),
    webSessions: await deleteEndedSessions(deps.store.database, now.toJSDate()),
  };
  deps.logger.info({ ...report, months }, 'retention applied');
  return report;
}
