import { z } from 'zod';
import { DRIVERS, type Driver } from './drivers.js';
import type { MessageKey } from './i18n/en.js';
import { LOCALES, type Locale } from './i18n/locale.js';
import { t } from './i18n/translate.js';
import type { QuestionSnapshot } from './question-snapshot.js';

/**
 * Action plans (issue #19): a leader commits to doing something about a driver in a group they
 * lead; it has an owner, a due date and a status; the group hears of it ("You said, we're
 * doing"), and the group's next two rounds ask whether it made a difference.
 */

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The longest action a leader may write. */
export const MAX_ACTION_CHARS = 300;
/** Days from today a new action is due unless the leader picks another day (the forms' default). */
export const DEFAULT_DUE_DAYS = 30;
/** How many rounds of the survey ask the follow-up question after an action is committed. */
export const FOLLOW_UP_ROUNDS = 2;

const isoDate = z.iso.date('a date as YYYY-MM-DD');

/** What an action says: a suggestion from the catalog (shown in each reader's language) or the leader's own words. */
export const actionWordsSchema = z.union([
  z.object({ catalogKey: z.string().regex(/^action\.[a-z]+\.\d+$/, 'an action of the catalog') }),
  z.object({ text: z.string().trim().min(1, 'write what you will do').max(MAX_ACTION_CHARS, `at most ${MAX_ACTION_CHARS} characters`) }),
]);
export type ActionWords = z.infer<typeof actionWordsSchema>;

/** A new action, as any surface submits it. */
export const newActionSchema = z.object({
  /** The group it is for: one the committer leads (or any, for HR and admins). */
  segment: z.string().min(1, 'the group the action is for'),
  driver: z.enum(DRIVERS).nullable().default(null),
  words: actionWordsSchema,
  dueDate: isoDate,
  surveyId: z.string().min(1).optional(),
});
export type NewAction = z.input<typeof newActionSchema>;

/** A change to an action: any of its status, due date or words. */
export const actionChangeSchema = z
  .object({ status: z.enum(ACTION_STATUSES).optional(), dueDate: isoDate.optional(), words: actionWordsSchema.optional() })
  .refine((c) => c.status !== undefined || c.dueDate !== undefined || c.words !== undefined, 'change the status, the due date or the words');
export type ActionChange = z.input<typeof actionChangeSchema>;

/** An action's words in one language. */
export function actionText(words: ActionWords, locale: Locale): string {
  return 'text' in words ? words.text : t(locale, words.catalogKey as MessageKey);
}

/** The id of an action's follow-up question in a round. */
export function actionQuestionId(actionId: string): string {
  return `action-${actionId}`;
}

export const ACTION_FOLLOW_UP_VALUES = ['yes', 'somewhat', 'not_yet'] as const;

/** "Has <action> made a difference?" (Yes / Somewhat / Not yet), written out in every language. */
/** No driver on it: it is about the action, and must not move the driver's own score. */
export function actionFollowUpQuestion(actionId: string, words: ActionWords): QuestionSnapshot {
  const texts = (key: MessageKey, params: Record<string, string> = {}) =>
    Object.fromEntries(LOCALES.map((l) => [l, t(l, key, params)])) as Record<Locale, string>;
  const text = Object.fromEntries(LOCALES.map((l) => [l, t(l, 'plan.followUp.question', { action: actionText(words, l) })])) as Record<Locale, string>;
  return {
    id: actionQuestionId(actionId),
    kind: 'choice',
    text,
    options: ACTION_FOLLOW_UP_VALUES.map((value) => ({ value, label: texts(`plan.followUp.${value}`) })),
  };
}

/** Whether an open action's due date has passed on `today` (YYYY-MM-DD). */
export function isOverdue(action: { readonly status: ActionStatus; readonly dueDate: string }, today: string): boolean {
  return action.status !== 'done' && action.dueDate < today;
}

/** A driver's score in a group at one round: what "before" and "now" show. */
export const actionScoreSchema = z.object({ roundDate: z.iso.date(), mean: z.number(), favourable: z.number() });
export type ActionScore = z.infer<typeof actionScoreSchema>;

/** What the follow-up question's answers said in one round (shown only where the thresholds let it be). */
export interface FollowUpTally {
  readonly roundDate: string;
  readonly yes: number;
  readonly somewhat: number;
  readonly notYet: number;
  readonly n: number;
}

/** An action as the summaries, the chat and the action board show it (a view model). */
export interface ActionView {
  readonly id: string;
  readonly surveyId: string;
  readonly segment: string;
  readonly segmentName: string | null;
  readonly driver: Driver | null;
  readonly words: ActionWords;
  readonly owner: string;
  /** How the owner is named on the board: their e-mail address, else their chat user id. */
  readonly ownerLabel: string;
  /** The reader owns it. */
  readonly mine: boolean;
  readonly status: ActionStatus;
  readonly dueDate: string;
  readonly overdue: boolean;
  readonly committedOn: string;
  readonly before: ActionScore | null;
  readonly now: ActionScore | null;
  /** Per round that asked it and shows it for the group, oldest first. */
  readonly followUps: readonly FollowUpTally[];
}
