import { z } from 'zod';
import { DRIVERS } from './drivers.js';
import { LOCALES, localeSchema, type Locale } from './i18n/locale.js';
import { minDriverSlots } from './rotation.js';
import { questionById } from './templates/catalog.js';
import { localTimeSchema } from './survey-definition.js';
import { eventTriggerSchema } from './events/event-trigger.js';

/**
 * A survey as HR writes it (issue #17): the document the HR API, the CLI (`survey apply`) and the
 * dashboard's editor all accept. These field names are a published contract: keep them exactly.
 * Everything but `id`, `name`, `trigger` and `questions` has a default.
 */

const ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const idOf = (what: string) => z.string().regex(ID, `${what} must be 1–63 lowercase letters, digits, "-" or "_", starting with a letter or digit`);

/** A text in each language HR writes it in: `{"en": "…", "nb": "…"}`; a missing language falls back to the survey's default. */
export const localizedTextSchema = z
  .partialRecord(localeSchema, z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'))
  .refine((texts) => Object.keys(texts).length > 0, 'give the text in at least one language (en, nb or sv)');
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const optionSchema = z.object({ id: idOf('an option id'), text: localizedTextSchema });

const followUpSchema = z.object({
  /** Asked when the answer is at or below this value (1–5 for agreement, 0–10 for scale and eNPS). */
  atOrBelow: z.number().int().min(0).max(10),
  text: localizedTextSchema,
});

const common = {
  id: idOf('a question id'),
  text: localizedTextSchema,
  /** A built-in driver, or HR's own (an id). */
  driver: idOf('a driver').optional(),
  optional: z.boolean().default(false),
};

const scored = { ...common, followUp: followUpSchema.optional() };

export const customQuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...scored, type: z.literal('agreement') }),
    z.object({
      ...scored,
      type: z.literal('scale'),
      /** The labels of 0 and 10. */
      low: localizedTextSchema,
      high: localizedTextSchema,
    }),
    z.object({ ...common, type: z.literal('choice'), options: z.array(optionSchema).min(2, 'needs 2 to 10 options').max(10, 'needs 2 to 10 options') }),
    z.object({ ...common, type: z.literal('multi'), options: z.array(optionSchema).min(2, 'needs 2 to 10 options').max(10, 'needs 2 to 10 options') }),
    z.object({ ...common, type: z.literal('yesno') }),
    /** Free text is always optional. */
    z.object({ ...common, type: z.literal('text'), optional: z.literal(true, 'a text question is always optional: leave "optional" out').default(true) }),
  ],
  { error: 'type is one of agreement, scale, choice, multi, yesno, text (or use {"builtin": "<id>"})' },
);
export type CustomQuestion = z.infer<typeof customQuestionSchema>;

/** The built-in eNPS question, or one from the built-in bank, by id. */
export const builtinSchema = z.object({ builtin: z.string().min(1) });

/** Today's default pulse: a rotation through drivers, eNPS every few rounds. */
export const rotateSchema = z.object({
  rotate: z.object({
    drivers: z.array(z.enum(DRIVERS)).min(1, 'name at least one built-in driver'),
    /** Questions a round, eNPS included when it is due (today's default pulse: 4). */
    perRound: z.number().int().min(2).max(5).default(4),
    enpsEvery: z.number().int().min(1).max(12).default(4),
  }),
});

/**
 * One entry of `questions`, dispatched on its shape, so a mistake inside a custom question is
 * reported at its own path (`questions[2].options`), not as "none of three shapes matched".
 */
const questionEntrySchema = z.unknown().transform((value, ctx) => {
  const shape = typeof value === 'object' && value !== null ? value : {};
  const schema = 'builtin' in shape ? builtinSchema : 'rotate' in shape ? rotateSchema : customQuestionSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
  return z.NEVER;
});
export type QuestionEntry = z.infer<typeof questionEntrySchema>;

export const surveyTriggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('recurring'),
    every: z.enum(['weekly', 'biweekly', 'monthly', 'quarterly']),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1, 'is 1 (Monday) to 7 (Sunday)').max(7, 'is 1 (Monday) to 7 (Sunday)'),
    time: localTimeSchema,
    startDate: z.iso.date('must be a date as YYYY-MM-DD'),
  }),
  z.object({ type: z.literal('once'), date: z.iso.date('must be a date as YYYY-MM-DD'), time: localTimeSchema }),
  /** Sent to one person when an event happens to them (issue #18); results pool by quarter. */
  eventTriggerSchema,
]);
export type SurveyTrigger = z.infer<typeof surveyTriggerSchema>;

export const surveyAudienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('everyone'), excludeJoinedWithinDays: z.number().int().min(1).max(365).optional() }),
  z.object({
    type: z.literal('segments'),
    /** Segment ids or handles; everyone under them is included. */
    segments: z.array(z.string().min(1)).min(1, 'name at least one segment, or use {"type": "everyone"}'),
    excludeJoinedWithinDays: z.number().int().min(1).max(365).optional(),
  }),
]);

export const surveyDocumentSchema = z.object({
  id: idOf('the survey id'),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  defaultLocale: localeSchema.default('en'),
  trigger: surveyTriggerSchema,
  audience: surveyAudienceSchema.default({ type: 'everyone' }),
  /** How many days a round stays open (an event-triggered survey's prompt: its trigger's `expiresAfterDays`). */
  openDays: z.number().int().min(1).max(28).default(5),
  /** Days after a round opens on which those who have not answered get a neutral reminder. */
  reminderDays: z.array(z.number().int().min(1).max(27)).max(3, 'at most 3 reminders').default([3]),
  questions: z.array(questionEntrySchema).min(1, 'a survey needs at least one question').max(30, 'at most 30 questions'),
  /** Per survey; never below the installation's settings (checked against them on save). */
  minGroupSize: z.number().int().min(2).max(50).optional(),
  minCommentGroupSize: z.number().int().min(2).max(50).optional(),
  /** Whether the weekly summaries include this survey. */
  inSummary: z.boolean().default(false),
  /** Whether results are shared back with the people who answered. */
  shareResults: z.boolean().default(false),
  /** Whether a group hears of an action its leader commits to ("You said, we're doing"). */
  announceActions: z.boolean().default(true),
});
export type SurveyDocument = z.infer<typeof surveyDocumentSchema>;
export type SurveyDocumentInput = z.input<typeof surveyDocumentSchema>;

export interface DocumentIssue {
  /** JSON path, e.g. `questions[1].options[0].id`. */
  readonly path: string;
  readonly message: string;
}

export type DocumentCheck = { readonly ok: true; readonly document: SurveyDocument } | { readonly ok: false; readonly issues: readonly DocumentIssue[] };

/** `["questions", 1, "text"]` → `questions[1].text`. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

const SCORED_MAX: Record<string, number> = { agreement: 5, scale: 10 };

/** The rules zod cannot say field by field: unique ids, texts in the default language, follow-ups, reminders. */
function crossChecks(doc: SurveyDocument, floor: { minGroupSize: number; minCommentGroupSize: number }): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const add = (path: readonly PropertyKey[], message: string) => issues.push({ path: jsonPath(path), message });
  const needsDefault = (text: LocalizedText, path: readonly PropertyKey[]) => {
    if (text[doc.defaultLocale] === undefined)
      add(path, `give the text in the survey's default language "${doc.defaultLocale}" (other languages fall back to it)`);
  };
  doc.reminderDays.forEach((day, i) => {
    if (doc.trigger.type === 'event') {
      if (day >= doc.trigger.expiresAfterDays)
        add(
          ['reminderDays', i],
          `a reminder on day ${day} comes after the prompt expires (trigger.expiresAfterDays is ${doc.trigger.expiresAfterDays}): use a smaller day or more days`,
        );
    } else if (day >= doc.openDays)
      add(['reminderDays', i], `a reminder on day ${day} comes after the round closes (openDays is ${doc.openDays}): use a smaller day or more openDays`);
  });
  if (doc.trigger.type === 'event' && doc.trigger.event === 'person.leaving')
    add(
      ['trigger', 'event'],
      'person.leaving sends the built-in exit survey (/exit-survey, POST /api/v1/exit-surveys); a survey of your own on it would ask leavers twice: pick another event',
    );
  if (doc.trigger.type === 'event' && doc.questions.some((q) => 'rotate' in q))
    add(['questions'], 'an event-triggered survey asks the same questions every time: list them instead of a rotation');
  if (doc.minGroupSize !== undefined && doc.minGroupSize < floor.minGroupSize) {
    add(['minGroupSize'], `must be at least ${floor.minGroupSize}, the installation's PULSE_MIN_GROUP_SIZE: a survey may only be stricter`);
  }
  if (doc.minCommentGroupSize !== undefined && doc.minCommentGroupSize < floor.minCommentGroupSize) {
    add(
      ['minCommentGroupSize'],
      `must be at least ${floor.minCommentGroupSize}, the installation's PULSE_MIN_COMMENT_GROUP_SIZE: a survey may only be stricter`,
    );
  }
  const seen = new Map<string, number>();
  let rotations = 0;
  doc.questions.forEach((entry, i) => {
    if ('rotate' in entry) {
      rotations++;
      if (rotations > 1) add(['questions', i, 'rotate'], 'a survey has at most one rotation');
      const { perRound, enpsEvery, drivers } = entry.rotate;
      const distinct = new Set(drivers).size;
      const slots = minDriverSlots({ questionsPerRound: perRound, enpsEvery }, 4);
      if (slots < distinct)
        add(
          ['questions', i, 'rotate', 'drivers'],
          `${perRound} questions a round with eNPS every ${enpsEvery} round(s) asks ${slots} driver questions in 4 rounds, fewer than the ${distinct} drivers: raise perRound or enpsEvery, or name fewer drivers`,
        );
      return;
    }
    const id = 'builtin' in entry ? entry.builtin : entry.id;
    if ('builtin' in entry && questionById(entry.builtin) === undefined) {
      add(['questions', i, 'builtin'], `no built-in question "${entry.builtin}": see GET /api/v1/survey-templates for the bank's ids`);
    }
    const first = seen.get(id);
    if (first !== undefined)
      add(['questions', i, 'builtin' in entry ? 'builtin' : 'id'], `"${id}" is already questions[${first}]: every question needs its own id`);
    else seen.set(id, i);
    if ('builtin' in entry) return;
    needsDefault(entry.text, ['questions', i, 'text']);
    if (entry.type === 'scale') {
      needsDefault(entry.low, ['questions', i, 'low']);
      needsDefault(entry.high, ['questions', i, 'high']);
    }
    if ((entry.type === 'choice' || entry.type === 'multi') && entry.options) {
      const optionIds = new Set<string>();
      entry.options.forEach((option, j) => {
        if (optionIds.has(option.id)) add(['questions', i, 'options', j, 'id'], `option "${option.id}" appears twice: give each option its own id`);
        optionIds.add(option.id);
        needsDefault(option.text, ['questions', i, 'options', j, 'text']);
      });
    }
    if ((entry.type === 'agreement' || entry.type === 'scale') && entry.followUp) {
      const max = SCORED_MAX[entry.type] ?? 10;
      if (entry.followUp.atOrBelow >= max)
        add(['questions', i, 'followUp', 'atOrBelow'], `must be below ${max}, the top of a ${entry.type} answer, or everyone gets the follow-up`);
      if (entry.type === 'agreement' && entry.followUp.atOrBelow < 1) add(['questions', i, 'followUp', 'atOrBelow'], 'an agreement answer is 1 to 5');
      needsDefault(entry.followUp.text, ['questions', i, 'followUp', 'text']);
    }
  });
  return issues;
}

/**
 * Checks a survey document as sent (JSON or YAML already parsed): every problem at once, each with
 * its JSON path and what to do. `floor` is the installation's anonymity settings (a survey may be
 * stricter, never laxer); a survey without its own thresholds takes them.
 */
export function checkSurveyDocument(input: unknown, floor: { minGroupSize: number; minCommentGroupSize: number }): DocumentCheck {
  const parsed = surveyDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })) };
  const issues = crossChecks(parsed.data, floor);
  if (issues.length > 0) return { ok: false, issues };
  const minGroupSize = parsed.data.minGroupSize ?? floor.minGroupSize;
  // Comments identify people more easily than scores: their threshold is never below the scores'.
  const minCommentGroupSize = parsed.data.minCommentGroupSize ?? Math.max(floor.minCommentGroupSize, minGroupSize);
  if (minCommentGroupSize < minGroupSize) {
    return {
      ok: false,
      issues: [
        {
          path: 'minCommentGroupSize',
          message: `must be at least minGroupSize (${minGroupSize}): comments identify people more easily than scores`,
        },
      ],
    };
  }
  return { ok: true, document: { ...parsed.data, minGroupSize, minCommentGroupSize } };
}

/** A localized text in `locale`, else the survey's default language (which the checks require). */
export function textIn(text: LocalizedText, locale: Locale, fallback: Locale): string {
  return text[locale] ?? text[fallback] ?? LOCALES.map((l) => text[l]).find((t) => t !== undefined) ?? '';
}
