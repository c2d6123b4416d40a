import { z } from 'zod';
import { DRIVERS, type Driver } from './drivers.js';
import type { MessageKey } from './i18n/en.js';
import type { Locale } from './i18n/locale.js';
import { t } from './i18n/translate.js';
import type { LocalizedTexts, Question } from './question.js';
import { textIn, type CustomQuestion, type LocalizedText } from './survey-document.js';

/**
 * HR's own questions as a round asks them: every text written out in every language (a missing
 * language filled from the survey's default), so a later edit of the survey never rewrites what a
 * round asked, and a renderer never needs the survey.
 */

const textsSchema = z.object({ en: z.string(), nb: z.string(), sv: z.string() });
const base = { id: z.string().min(1), text: textsSchema, driver: z.enum(DRIVERS).optional() };
const optionsSchema = z
  .array(z.object({ value: z.string().min(1), label: textsSchema }))
  .min(2)
  .readonly();

const followUpSchema = z.object({ atOrBelow: z.number().int().min(0).max(10), text: textsSchema }).optional();

export const questionSnapshotSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('scale'), low: textsSchema, high: textsSchema, followUp: followUpSchema }),
  z.object({ ...base, kind: z.literal('likert'), labels: z.enum(['agreement', 'quality']), followUp: followUpSchema }),
  z.object({ ...base, kind: z.literal('choice'), options: optionsSchema, yesno: z.literal(true).optional() }),
  z.object({ ...base, kind: z.literal('multi'), options: optionsSchema }),
  z.object({ ...base, kind: z.literal('text') }),
]);
export type QuestionSnapshot = Question<LocalizedTexts>;

/** Every language written out: HR's text where given, the default language's where not. */
export function allLanguages(text: LocalizedText, fallback: Locale): LocalizedTexts {
  return { en: textIn(text, 'en', fallback), nb: textIn(text, 'nb', fallback), sv: textIn(text, 'sv', fallback) };
}

/** A catalog text written out in every language. */
function fromCatalog(key: MessageKey): LocalizedTexts {
  return { en: t('en', key), nb: t('nb', key), sv: t('sv', key) };
}

function builtinDriver(driver: string | undefined): { driver?: Driver } {
  return driver !== undefined && (DRIVERS as readonly string[]).includes(driver) ? { driver: driver as Driver } : {};
}

/** A custom question of a survey document as a round asks it. */
export function snapshotQuestion(question: CustomQuestion, fallback: Locale): QuestionSnapshot {
  const words = (text: LocalizedText) => allLanguages(text, fallback);
  const common = { id: question.id, text: words(question.text), ...builtinDriver(question.driver) };
  switch (question.type) {
    case 'agreement':
    case 'scale': {
      const followUp = question.followUp === undefined ? {} : { followUp: { atOrBelow: question.followUp.atOrBelow, text: words(question.followUp.text) } };
      return question.type === 'agreement'
        ? { ...common, kind: 'likert', labels: 'agreement', ...followUp }
        : { ...common, kind: 'scale', low: words(question.low), high: words(question.high), ...followUp };
    }
    case 'choice':
    case 'multi':
      return { ...common, kind: question.type, options: question.options.map((o) => ({ value: o.id, label: words(o.text) })) };
    case 'yesno':
      return {
        ...common,
        kind: 'choice',
        yesno: true,
        options: [
          { value: 'yes', label: fromCatalog('choice.yes') },
          { value: 'no', label: fromCatalog('choice.no') },
        ],
      };
    case 'text':
      return { ...common, kind: 'text' };
  }
}
