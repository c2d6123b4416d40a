import { questionsFor } from './round-questions.js';
import type { ChatPlatform, MessageRef, PlatformName } from '../ports/chat-platform.js';
import type { DeliveryDoc, PersonDoc } from '../store/documents/identity.js';
import type { RoundDoc } from '../store/documents/rounds.js';
import type { ServiceDeps } from './deps.js';
import { sendFailureOf } from './send-failure.js';
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
/**
 * Deliveries claimed together. Few: a process killed holding claims it has not sent leaves them
 * to reconciliation (resent once the platform's silence proves them unsent).
 */
const CHUNK = 25;

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

/** `size` items at a time from `source`. */
async function* chunksOf<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A due delivery, with its person when the caller has just read them (else they are read here). */
export type DueDelivery = { readonly delivery: DeliveryDoc; readonly person?: PersonDoc };

async function* withoutPeople(deliveries: AsyncIterable<DeliveryDoc>): AsyncGenerator<DueDelivery> {
  for await (const delivery of deliveries) yield { delivery };
}

type Claimed = { readonly delivery: DeliveryDoc; readonly person: PersonDoc; readonly round: RoundDoc; readonly platform: ChatPlatform };
type Report = { examined: number; skipped: number; sent: number; failed: number; retrying: number };

/**
 * Sends every prompt that is due: claim → send → record. A claimed delivery is never claimed
 * again by this function, so a prompt goes out at most once from here; a crash between send and
 * record leaves it `claimed` for the scheduler's reconciliation. Errors are recorded per person
 * and retried with backoff, never fatal to the batch.
 *
 * The due deliveries are read as one query and taken `CHUNK` at a time: one claim per chunk
 * (DeliveriesRepo.claimMany: one insert of all its locks). The next chunk is claimed while this
 * one is being sent, so a paced platform is never kept waiting by the database. Each send is
 * recorded as soon as it returns.
 */
export async function deliverDue(
  deps: ServiceDeps,
  platforms: PlatformRegistry,
  options: {
    readonly batch?: number;
    readonly concurrency?: number;
    readonly signal?: AbortSignal;
    /** Where the due deliveries come from; by default one query for them (`batch` at most). */
    readonly source?: AsyncIterable<DueDelivery>;
  } = {},
): Promise<DeliveryReport> {
  const { store, clock } = deps;
  const now = clock.now().toJSDate();
  const rounds = new Map<string, RoundDoc | null>();
  const report: Report = { examined: 0, skipped: 0, sent: 0, failed: 0, retrying: 0 };
  const signal = options.signal;

  /** Sorts a chunk out: closed rounds and missing people are settled here, the rest claimed. */
  const prepare = async (due: readonly DueDelivery[]): Promise<Claimed[]> => {
    report.examined += due.length;
    const chunk = due.map((d) => d.delivery);
    const known = new Map(due.flatMap((d) => (d.person === undefined ? [] : [[d.delivery._id, d.person] as const])));
    const candidates = new Map<string, Omit<Claimed, 'delivery'>>();
    for (const delivery of chunk) {
      if (!rounds.has(delivery.roundId)) rounds.set(delivery.roundId, await store.rounds.get(delivery.roundId));
    }
    // People not handed in are read by `_id` (the server's indexed lookup), a few at a time.
    await eachLimited(chunk, options.concurrency ?? 8, async (delivery) => {
      const round = rounds.get(delivery.roundId) ?? null;
      if (round === null || round.state !== 'open' || round.closesAt <= now) {
        await store.deliveries.markClosed(delivery._id);
        return;
      }
      const platform = platforms.get(delivery.platform);
      const person = known.get(delivery._id) ?? (await store.people.get(delivery.personKey));
      if (platform === undefined || person === null || !person.active) {
        await store.deliveries.markFailed(delivery._id, platform === undefined ? 'platform_not_configured' : 'person_not_found');
        report.failed++;
        return;
      }
      candidates.set(delivery._id, { person, round, platform });
    });
    // Only the instance holding a workspace's send lease sends to it (so the pace holds across
    // instances); the others leave its prompts pending for the holder.
    for (const [id, { person }] of candidates) {
      if (!(await mayDeliver(deps, person))) {
        candidates.delete(id);
        report.skipped++;
      }
    }
    const copies = chunk.filter((delivery) => candidates.has(delivery._id));
    if (signal?.aborted === true) return [];
    // Claimed at the time of the claim, not the pass's start: reconciliation after a crash
    // reasons from `claimedAt` to when the prompt can have been posted.
    const won = await store.deliveries.claimMany(copies, clock.now().toJSDate(), claimLeaseMs(deps), deps.instances?.id ?? null);
    report.skipped += copies.length - won.length;
    return won.flatMap((delivery) => {
      const found = candidates.get(delivery._id);
      return found === undefined ? [] : [{ delivery, ...found }];
    });
  };

  type Sent = { delivery: DeliveryDoc; ref: MessageRef; round: RoundDoc };
  const send = async ({ delivery, person, round, platform }: Claimed): Promise<Sent | null> => {
    if (!(await mayDeliver(deps, person))) {
      // The lease went to another instance during this pass: it sends this one.
      await store.deliveries.unclaim([delivery._id]);
      report.skipped++;
      return null;
    }
    try {
      const responseToken = newResponseToken();
      const ref = await platform.sendPrompt(recipientOf(deps, person, delivery), {
        roundId: round._id,
        deliveryId: delivery._id,
        surveyKind: round.kind,
        surveyName: round.surveyName,
        questions: questionsFor(round, delivery.reportingSegment),
        responseToken,
        binding: store.ledger.promptTag(responseToken, delivery.personKey),
        minGroupSize: round.anonymity.minGroupSize,
        orgName: deps.settings.orgName,
      });
      deps.metrics?.promptSent(platform.name);
      return { delivery, ref, round };
    } catch (error) {
      deps.metrics?.promptFailed(platform.name, sendFailureOf(error));
      await recordFailure(deps, report, delivery, error);
      return null;
    }
  };

  const record = async ({ delivery, ref, round }: Sent): Promise<void> => {
    try {
      await store.deliveries.markSent(delivery._id, ref.channel, ref.messageId);
      // A prompt to one person (an event survey) marks its request sent, for HR's cancel and the expiry.
      if (delivery.expiresAt !== null)
        await store.database.collections.eventRequests.updateOne(
          { personKey: delivery.personKey, roundId: round._id, state: 'scheduled' },
          { $set: { state: 'sent' } },
        );
      report.sent++;
    } catch (error) {
      // Posted but not recorded: left `claimed`, settled by reconciliation (the platform's reports), never resent blindly.
      deps.logger.error({ err: error }, 'a prompt was sent but not recorded; left for reconciliation');
    }
  };

  // Claimed deliveries wait in `queue`; the send lanes take from it without pause, and it is
  // refilled (the next chunk claimed) as soon as it holds less than a chunk and one per lane, so
  // a chunk's claim (a quarter of a second while a fan-out is writing on the test server) has a
  // whole chunk's sends to hide behind. A slow send (a retried 429) holds up its own lane only.
  const chunks = chunksOf(options.source ?? withoutPeople(store.deliveries.dueStream(now, options.batch ?? 500, CHUNK * 2)), CHUNK);
  const queue: Claimed[] = [];
  const lanesCount = Math.max(1, options.concurrency ?? 8);
  let exhausted = false;
  let failure: unknown = null;
  let refilling: Promise<void> | null = null;
  const refill = (): Promise<void> =>
    (refilling ??= (async () => {
      try {
        const next = await chunks.next();
        if (next.done === true) exhausted = true;
        else queue.push(...(await prepare(next.value)));
      } catch (error) {
        failure = error;
        exhausted = true;
      } finally {
        refilling = null;
      }
    })());

  const lanes = Array.from({ length: lanesCount }, async () => {
    for (;;) {
      if (signal?.aborted === true || failure !== null) return;
      // Claim ahead about one chunk: what the lanes will send while the next claim is made.
      if (queue.length < lanesCount + CHUNK && !exhausted) void refill();
      const item = queue.shift();
      if (item === undefined) {
        if (exhausted && refilling === null) return;
        await (refilling ?? refill());
        continue;
      }
      // On shutdown (signal) no new send starts; the ones under way finish and are recorded.
      // Recorded at once, not in batches: a process killed after posting leaves the prompt to
      // the platform's report of the post, and the fewer left to reports, the fewer at risk.
      const sent = await send(item);
      if (sent !== null) await record(sent);
    }
  });
  try {
    await Promise.all(lanes);
    await (refilling ?? Promise.resolve());
    // Claimed ahead but never sent (shutting down): let go, so they go out at once next time.
    if (queue.length > 0) await store.deliveries.unclaim(queue.splice(0).map((c) => c.delivery._id));
  } finally {
    await chunks.return(undefined);
  }
  if (failure !== null) throw failure instanceof Error ? failure : new Error('claiming due deliveries failed', { cause: failure });
  return report;
}

/** Whether this process holds the send lease of the person's workspace or tenant (the web chat needs none). */
export async function mayDeliver(deps: ServiceDeps, person: { readonly platform: string; readonly tenant: string }): Promise<boolean> {
  if (deps.leases === undefined || person.platform === 'web') return true;
  return deps.leases.hold(`${person.platform}:${person.tenant}`);
}

async function recordFailure(deps: ServiceDeps, report: Report, delivery: DeliveryDoc, error: unknown): Promise<void> {
  const { store, clock } = deps;
  const code = error instanceof Error ? error.message.slice(0, 200) : 'unknown_error';
  // `delivery` is the claimed copy: its attempts already count this one.
  deps.logger.warn({ roundId: delivery.roundId, attempts: delivery.attempts, code }, 'prompt not sent');
  const failure = sendFailureOf(error);
  if (delivery.attempts >= MAX_ATTEMPTS) {
    await store.deliveries.markFailed(delivery._id, code, failure);
    report.failed++;
  } else {
    const backoffMs = 60_000 * 2 ** (delivery.attempts - 1);
    await store.deliveries.retryLater(delivery._id, new Date(clock.now().toMillis() + backoffMs), code, failure);
    report.retrying++;
  }
}
