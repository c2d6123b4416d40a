import { z } from 'zod';
import { PULSE_DRIVERS, driverSchema } from './drivers.js';
import { localeSchema } from './i18n/locale.js';
import { minDriverSlots } from './rotation.js';
import { anonymitySettingsSchema } from './anonymity/thresholds.js';

/** `HH:mm`, 24-hour. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour local time such as 09:00');

export const cadenceSchema = z.object({
  /**
   * weekly, every second week (counted from `startDate`), the first `weekday` of each month or of
   * every third month, once (on `startDate` itself), or never on a date: `event` surveys go to
   * one person when something happens to them (services/events), so they have no dated rounds.
   */
  every: z.enum(['weekly', 'biweekly', 'monthly', 'quarterly', 'once', 'event']),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: z.number().int().min(1).max(7),
  time: localTimeSchema,
  /** The first possible round date (ISO date); biweekly counts its fortnights from here. */
  startDate: z.iso.date(),
});
export type Cadence = z.infer<typeof cadenceSchema>;

/** Leaves out people first seen fewer than this many days before a round's date (new joiners). */
const excludeJoined = { excludeJoinedWithinDays: z.number().int().min(1).max(365).optional() };

export const audienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('everyone'), ...excludeJoined }),
  z.object({ type: z.literal('segments'), segments: z.array(z.string().min(1)).min(1), ...excludeJoined }),
]);
export type Audience = z.infer<typeof audienceSchema>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lowercase letters, digits and dashes');

/** A recurring pulse survey, as HR configures it. */
export const surveyDefinitionSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1).max(100),
    audience: audienceSchema.default({ type: 'everyone' }),
    cadence: cadenceSchema,
    /** Move a send that falls on Saturday or Sunday (in the recipient's zone) to Monday. */
    skipWeekends: z.boolean().default(true),
    /** How many days a round stays open. */
    openDays: z.number().int().min(1).max(28).default(5),
    /** Days after the round opens on which people who have not answered get a neutral reminder. */
    reminderDays: z.array(z.number().int().min(1).max(27)).max(3).default([3]),
    questionsPerRound: z.number().int().min(2).max(5).default(4),
    enpsEvery: z.number().int().min(1).max(12).default(4),
    drivers: z
      .array(driverSchema)
      .min(1)
      .default([...PULSE_DRIVERS]),
    /** Whether each round ends with the optional anonymous comment question. */
    askComment: z.boolean().default(true),
    anonymity: anonymitySettingsSchema.default({ minGroupSize: 5, minCommentGroupSize: 5 }),
    defaultLocale: localeSchema.default('en'),
    /** Seeds question rotation; the id is used when none is given. */
    seed: z.string().min(1).optional(),
  })
  .superRefine((def, ctx) => {
    if (def.reminderDays.some((day) => day >= def.openDays)) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderDays'],
        message: `every reminder must come before the round closes (openDays is ${def.openDays})`,
      });
    }
    const distinct = new Set(def.drivers).size;
    const slots = minDriverSlots(def, 4);
    if (slots < distinct) {
      ctx.addIssue({
        code: 'custom',
        path: ['drivers'],
        message:
          `${def.questionsPerRound} questions a round with eNPS every ${def.enpsEvery} round(s) leaves ${slots} driver ` +
          `questions in 4 rounds, fewer than the ${distinct} drivers chosen: ask more questions a round, ask eNPS less often, or choose fewer drivers`,
      });
    }
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

export function rotationSeed(def: SurveyDefinition): string {
  return def.seed ?? def.id;
}
