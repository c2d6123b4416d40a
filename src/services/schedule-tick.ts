import { closeDueRounds } from './close-due-rounds.js';
import { deliverDue, type PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { sendRepliesNotices } from './conversations/replies-notices.js';
import { sendSharedResults } from './share-results.js';
import { sendActionAnnouncements } from './actions/announce-actions.js';
import { expireEventPrompts } from './events/expire-event-prompts.js';
import { nextRoundOpening, openDueRounds } from './open-due-rounds.js';
import { reconcileStaleClaims } from './reconcile-claims.js';
import { sendDueReminders } from './send-reminders.js';

export interface TickReport {
  readonly opened: number;
  readonly closed: number;
  readonly expired: number;
  readonly reminded: number;
  readonly sent: number;
}

/**
 * Everything time-driven, in the order that keeps it correct: open rounds whose day has come,
 * close those whose time is up (before any send or reminder could reach a closed round), expire
 * event-survey prompts (exit among them), settle sends a dead process left unrecorded, send due reminders, then send due
 * prompts until none is left.
 */
export async function runScheduleTick(
  deps: ServiceDeps,
  platforms: PlatformRegistry,
  batch = 500,
  signal?: AbortSignal,
  /** Prompts per send query (streamed, so this bounds the server's work per query, not memory). */
  sendBatch = batch,
): Promise<TickReport> {
  const timed = await runTimedWork(deps, platforms, batch);
  const sent = await sendAllDue(deps, platforms, sendBatch, signal);
  return { ...timed, sent };
}

/** The schedule tick without its last step, sending the due prompts. */
export async function runTimedWork(deps: ServiceDeps, platforms: PlatformRegistry, batch = 500): Promise<Omit<TickReport, 'sent'>> {
  const opened = await openDueRounds(deps);
  const closed = await closeDueRounds(deps, platforms);
  const expired = await expireEventPrompts(deps, platforms);
  await reconcileStaleClaims(deps, platforms);
  const reminded = await sendDueReminders(deps, platforms, batch);
  await sendRepliesNotices(deps, platforms);
  await sendSharedResults(deps, platforms);
  await sendActionAnnouncements(deps, platforms);
  return { opened, closed, expired, reminded };
}

/** Sends due prompts, `batch` per query, until none is left (or only ones others hold). */
export async function sendAllDue(deps: ServiceDeps, platforms: PlatformRegistry, batch: number, signal?: AbortSignal): Promise<number> {
  let sent = 0;
  for (;;) {
    const report = await deliverDue(deps, platforms, { batch, ...(signal ? { signal } : {}) });
    sent += report.sent;
    // Go on while a full batch was due and some of it moved: a few deliveries another process
    // holds (or a dead one locked) must not stall the rest until the next tick.
    if (report.examined < batch || report.skipped === report.examined || signal?.aborted === true) return sent;
  }
}

/** The next moment a tick has work to do (a round opens or closes, a prompt or reminder is due). */
export async function nextWakeAt(deps: ServiceDeps): Promise<Date | null> {
  const candidates: Date[] = [];
  const opening = await nextRoundOpening(deps);
  if (opening) candidates.push(opening.toJSDate());
  const due = await deps.store.deliveries.nextDueAt();
  if (due) candidates.push(due);
  for (const round of await deps.store.rounds.openRounds()) candidates.push(round.closesAt);
  const [expiring] = await deps.store.database.collections.eventRequests.find({ state: 'sent' }).sort({ expiresAt: 1 }).limit(1).toArray();
  if (expiring) candidates.push(expiring.expiresAt);
  return candidates.length === 0 ? null : new Date(Math.min(...candidates.map((d) => d.getTime())));
}
