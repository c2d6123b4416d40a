import { z } from 'zod';

/** Industry norm for the smallest group whose scores may be shown. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
/** Below this no configuration may go: a group of two can always tell each other's answers. */
export const MIN_GROUP_SIZE_FLOOR = 3;

export const anonymitySettingsSchema = z
  .object({
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR, `must be at least ${MIN_GROUP_SIZE_FLOOR}`).default(DEFAULT_MIN_GROUP_SIZE),
    minCommentGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).default(DEFAULT_MIN_GROUP_SIZE),
  })
  .refine((s) => s.minCommentGroupSize >= s.minGroupSize, {
    path: ['minCommentGroupSize'],
    message: 'must be at least minGroupSize: comments identify people more easily than scores',
  });

export type AnonymitySettings = z.infer<typeof anonymitySettingsSchema>;

/** Whether a group of `respondents` may have its scores shown. */
export function passesScoreThreshold(respondents: number, settings: AnonymitySettings): boolean {
  return respondents >= settings.minGroupSize;
}

/** Whether a group of `respondents` may have its comments shown. */
export function passesCommentThreshold(respondents: number, settings: AnonymitySettings): boolean {
  return respondents >= settings.minCommentGroupSize;
}

/**
 * The one k rule every results entry point uses (chat replies, summaries, App Home, dashboard and
 * its live feed, HR API, CSV): the stricter of the thresholds a round ran with and today's
 * settings. Raising PULSE_MIN_GROUP_SIZE hides groups everywhere at once; lowering it never shows
 * a group the round promised to hide.
 */
export function effectiveThresholds(round: AnonymitySettings, current: AnonymitySettings): AnonymitySettings {
  const minGroupSize = Math.max(round.minGroupSize, current.minGroupSize);
  return { minGroupSize, minCommentGroupSize: Math.max(minGroupSize, round.minCommentGroupSize, current.minCommentGroupSize) };
}
