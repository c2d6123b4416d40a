import type { Locale } from '../domain/i18n/locale.js';
import type { Question } from '../domain/question.js';
import type { ChartImage, Summary } from '../domain/summary/summary-model.js';
import type { SummaryText } from '../domain/summary/summary-text.js';

export type PlatformName = 'slack' | 'teams' | 'web';

/** Why a send failed, as the core records and counts it (never parsed out of a message). */
export type DeliveryFailure = 'unreachable' | 'rate_limited' | 'error';

/**
 * Thrown by a platform that cannot reach a person at all (Teams: the app is not installed for
 * them, no 1:1 chat and no team lists them). `status` counts these for admins.
 */
export class UnreachableError extends Error {
  override readonly name: string = 'UnreachableError';
  readonly failure = 'unreachable' as const;
}

/** The prefix of messages stored before failures were typed (read for old deliveries only). */
export const UNREACHABLE = 'teams_unreachable';

/** Who a message goes to, as the platform knows them. */
export interface Recipient {
  readonly platform: PlatformName;
  /** Slack team id, Teams tenant id, or `local` for the web playground. */
  readonly tenant: string;
  readonly userId: string;
  readonly locale: Locale;
}

/** One survey prompt as the platform must render it. */
export interface SurveyPrompt {
  readonly roundId: string;
  /**
   * The delivery this prompt fulfils (identity side, like the recipient). A platform that reports
   * posted messages by itself (Slack's metadata events) echoes it back, so a prompt whose sender
   * died before recording it can still be recorded. Absent when a prompt is only re-rendered
   * (updated in place).
   */
  readonly deliveryId?: string;
  readonly surveyKind: 'pulse' | 'exit' | 'event';
  /** The name HR gave the survey (the prompt's title); absent or null: the built-in title of its kind. */
  readonly surveyName?: string | null;
  readonly questions: readonly Question[];
  /**
   * Scored questions whose follow-up is asked in place under them: known only from the click that
   * answered low and from the message itself (its blocks, its card data), never stored anywhere.
   */
  readonly followUps?: ReadonlySet<string>;
  /**
   * The random token that links this prompt's answers to one another's idempotency keys. It
   * travels only inside the message (button values), never in our database.
   */
  readonly responseToken: string;
  /**
   * The token's tag for this recipient (store/answer-id.ts promptTag): every action that carries
   * the token carries it too, and a click whose tag does not match the clicking person is refused.
   * Empty for a prompt shown closed, which takes no clicks.
   */
  readonly binding: string;
  readonly minGroupSize: number;
  /** The organisation's name for the eNPS question; null uses the catalog's 'org.fallback'. */
  readonly orgName: string | null;
}

export interface Reminder {
  readonly roundId: string;
  readonly surveyKind: SurveyPrompt['surveyKind'];
  /** The name HR gave the survey; null: the built-in title of its kind. */
  readonly surveyName: string | null;
  /** When answers stop being taken (the round's close, or an exit prompt's expiry). */
  readonly openUntil: Date;
}

/** Where a sent message lives, so it can be updated ("recorded", "closed") or found after a crash. */
export interface MessageRef {
  readonly channel: string;
  readonly messageId: string;
}

/**
 * A results summary for one reader (the weekly summary to a leader or HR, in their DM). Everything
 * in it may be shown: the anonymity rules were applied when it was built.
 * - `summary`: the numbers, for surfaces that lay them out themselves (cards, tables);
 * - `text`: the same content as plain text in the recipient's language (`recipient.locale`):
 *   a title, sections (bold heading + lines; `•` bullets are in the text) and a footer. Escape it
 *   for the surface's markup: comments are free text people typed;
 * - `chart`: a PNG of eNPS and participation over the last rounds, or null for none. Slack uploads
 *   it into the DM (files.getUploadURLExternal + files.completeUploadExternal); Teams can put it
 *   in the Adaptive Card as an Image (a `data:image/png;base64,…` URL; keep the card under 40 KB,
 *   or send it as an attachment).
 */
export interface SummaryMessage {
  readonly summary: Summary;
  readonly text: SummaryText;
  readonly chart: ChartImage | null;
}

/**
 * What the core asks of a chat surface. Adapters (Slack, Teams, web) implement it; the core
 * never imports a chat SDK.
 */
export interface ChatPlatform {
  readonly name: PlatformName;
  /**
   * How long after posting a prompt the platform may still report it by itself (Slack: the
   * `message_metadata_posted` event, retried for about five minutes). A claimed prompt nobody
   * reported within this window, while pulsebot was up to hear it, was never posted and is sent
   * again. Absent: the platform never reports, and an unconfirmed prompt is given up, not resent.
   */
  readonly sendConfirmationWindowMs?: number;
  sendPrompt(recipient: Recipient, prompt: SurveyPrompt): Promise<MessageRef>;
  /** Finds a prompt sent before a crash by its round id, or null if it never went out. */
  findPrompt(recipient: Recipient, roundId: string): Promise<MessageRef | null>;
  markClosed(recipient: Recipient, ref: MessageRef, surveyKind: SurveyPrompt['surveyKind']): Promise<void>;
  /** A neutral nudge about an open survey; it never says who has or has not answered. */
  sendReminder(recipient: Recipient, reminder: Reminder): Promise<void>;
  /**
   * A plain message to one person, already written in their language by the core: the neutral
   * "some comments got replies" notice, results shared back (issue #19).
   */
  sendNotice(recipient: Recipient, text: string): Promise<void>;
  /**
   * Sends a results summary (text + chart) to the recipient's DM and returns where the message
   * lives. Called once per reader per ISO week (claim → send → record): a throw marks the send
   * failed and it is retried on a later tick, so throw only when nothing was delivered.
   * Optional while an adapter does not have it yet: its readers get no weekly summary (and are
   * not claimed, so they get it once it is there).
   */
  sendSummary?(recipient: Recipient, message: SummaryMessage): Promise<MessageRef>;
}
