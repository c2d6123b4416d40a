import { SLACK_CONFIRMATION_WINDOW_MS } from '../adapters/slack/handlers/prompt-posted.js';
import { DOOR_SHEDDING, type SheddingLimits } from '../adapters/cards/load-monitor.js';
import type { AdmissionOptions } from '../src/services/answer-admission.js';
import { CLAIM_LEASE_MS } from '../src/services/claim-lease.js';
import { CLOSE_GRACE_MS } from '../src/services/close-round.js';

/**
 * Every timing the app runs by, in one object: production's values below; tests and benchmarks
 * pass the few they shorten (`createApp(…, { timings: { closeGraceMs: 0 } })`).
 */
export interface Timings {
  /** Run agenda's jobs; without it an in-process timer ticks every `deliveryEveryMs`. */
  readonly scheduler: boolean;
  /** How often agenda looks for due jobs (ms). */
  readonly schedulerPollMs: number;
  /** Without agenda: how often the schedule is ticked (ms). */
  readonly deliveryEveryMs: number;
  /** How long closing a round waits for answers already in flight (ms); see close-round.ts. */
  readonly closeGraceMs: number;
  /** After how long a claimed, unrecorded send counts as abandoned by a dead process (ms); see claim-lease.ts. */
  readonly claimLeaseMs: number;
  /** Slack Web API retries on rate limits and network errors. */
  readonly slackRetries: number;
  /** How long Slack may still report a posted prompt (ms; Slack retries events for about 6 minutes). */
  readonly slackConfirmationWindowMs: number;
  /** How long `/pulse results` may take before its reply follows through response_url (ms; within Slack's 3 s). */
  readonly slackResultsBudgetMs: number;
  /** Teams: retries of one send on 429/412/502/504, and the first back-off (ms, doubled each time). */
  readonly teamsRetries: number;
  readonly teamsRetryBaseMs: number;
  /** How long a Teams `results` reply may take in the turn before it follows as its own message (ms). */
  readonly teamsResultsBudgetMs: number;
  /**
   * The answer path: how many answers are written at once (far more than a healthy database needs
   * for hundreds of clicks a second), and how long a click may wait for a slot before it is told to
   * try again, so that with the writes it never comes near Slack's 3 seconds.
   */
  readonly answerAdmission: AdmissionOptions;
  /**
   * Shedding at Slack's door, before Bolt (adapters/slack/overload-gate.ts): with this many Slack
   * requests in hand, the event loop this late, or the oldest request in hand this old (ms), a
   * click is told at once to try again.
   */
  readonly slackDoor: SheddingLimits;
  /** When Teams answer clicks are shed at the door (adapters/teams/overload-door.ts). */
  readonly teamsDoor: SheddingLimits;
}

export const PRODUCTION_TIMINGS: Timings = {
  scheduler: true,
  schedulerPollMs: 10_000,
  deliveryEveryMs: 15_000,
  closeGraceMs: CLOSE_GRACE_MS,
  claimLeaseMs: CLAIM_LEASE_MS,
  slackRetries: 10,
  slackConfirmationWindowMs: SLACK_CONFIRMATION_WINDOW_MS,
  slackResultsBudgetMs: 2_000,
  teamsRetries: 6,
  teamsRetryBaseMs: 1_000,
  teamsResultsBudgetMs: 2_000,
  answerAdmission: { concurrency: 64, maxWaitMs: 1_000 },
  slackDoor: DOOR_SHEDDING,
  teamsDoor: DOOR_SHEDDING,
};

/**
 * The playground's: no agenda (the fast-forward control moves time), no grace (one process).
 * The playground's clock moves only when fast-forwarded, so the schedule runs then (and when an
 * action asks for a send); the timer is a slow safety net that also stays clear of the demo seed.
 */
export const PLAYGROUND_TIMINGS: Partial<Timings> = { scheduler: false, closeGraceMs: 0, deliveryEveryMs: 10 * 60_000 };
