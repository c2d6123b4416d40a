import type { Locale } from './i18n/locale.js';
import { translator } from './i18n/translate.js';
import { followUpQuestion, likertLabel, LIKERT_VALUES, SCALE_VALUES, worded, type Question } from './question.js';

/**
 * A prompt as people read it, in their language: what every renderer (Block Kit, Adaptive Cards,
 * the web chat) lays out, so none of them decides what a survey kind or a question type says.
 * Renderers add only their own chrome (buttons' "Submit", "Answered").
 */
export type SurveyKind = 'pulse' | 'exit' | 'event';

/** One thing to pick: the value recorded (a number for scales, an option id for choices) and its label. */
export interface ChoiceView {
  readonly value: number | string;
  readonly label: string;
}

interface QuestionViewBase {
  readonly id: string;
  /** The question, with the organisation's name put in. */
  readonly text: string;
  /** "Question 2 of 5". */
  readonly position: string;
}

export type QuestionView = QuestionViewBase &
  (
    | { readonly kind: 'scale'; readonly choices: readonly ChoiceView[]; readonly hint: string }
    | { readonly kind: 'likert' | 'choice' | 'multi'; readonly choices: readonly ChoiceView[] }
    | { readonly kind: 'text' }
  );

export interface PromptView {
  readonly title: string;
  /** The privacy promise under the title (with the round's k). */
  readonly privacy: string;
  /** The line a notification shows ("New: Weekly pulse"). */
  readonly notification: string;
  readonly questions: readonly QuestionView[];
}

/** What a prompt is made from (the ChatPlatform port's SurveyPrompt has these fields). */
export interface PromptSource {
  readonly surveyKind: SurveyKind;
  /** HR's name for the survey; absent or null: the kind's catalog title. */
  readonly surveyName?: string | null;
  readonly questions: readonly Question[];
  /**
   * Scored questions whose follow-up this person is asked, in place under them (their answer was
   * low). Known only to the message itself, never stored: see SurveyPrompt.followUps.
   */
  readonly followUps?: ReadonlySet<string>;
  readonly minGroupSize: number;
  /** The organisation's name for the eNPS question; null: the catalog's 'org.fallback'. */
  readonly orgName: string | null;
}

/** A survey's title: the name HR gave it, else the catalog title of its kind. */
export function surveyTitle(kind: SurveyKind, locale: Locale, name: string | null = null): string {
  return name ?? translator(locale)(kind === 'exit' ? 'survey.exit.title' : 'survey.pulse.title');
}

export function promptView(prompt: PromptSource, locale: Locale): PromptView {
  const t = translator(locale);
  const org = prompt.orgName ?? t('org.fallback');
  const total = prompt.questions.length;
  const title = surveyTitle(prompt.surveyKind, locale, prompt.surveyName ?? null);
  const views = prompt.questions.map((question, i): QuestionView => {
    const say = (wording: Question['text']) => worded(wording, locale, (key) => t(key, { org }));
    const base = { id: question.id, text: say(question.text), position: t('ui.questionNumber', { n: i + 1, total }) };
    switch (question.kind) {
      case 'scale':
        return {
          ...base,
          kind: 'scale',
          choices: SCALE_VALUES.map((v) => ({ value: v, label: String(v) })),
          hint: t('ui.scaleHint', { low: say(question.low), high: say(question.high) }),
        };
      case 'likert':
        return { ...base, kind: 'likert', choices: LIKERT_VALUES.map((v) => ({ value: v, label: t(likertLabel(question, v)) })) };
      case 'choice':
      case 'multi':
        return { ...base, kind: question.kind, choices: question.options.map((o) => ({ value: o.value, label: say(o.label) })) };
      case 'text':
        return { ...base, kind: 'text' };
    }
  });
  const questions = views.flatMap((view, i): QuestionView[] => {
    const parent = prompt.questions[i];
    const followUp = parent !== undefined && prompt.followUps?.has(parent.id) === true ? followUpQuestion(parent) : null;
    return followUp === null
      ? [view]
      : [view, { id: followUp.id, text: worded(followUp.text, locale, (key) => t(key, { org })), position: view.position, kind: 'text' }];
  });
  return {
    title,
    privacy: t(prompt.surveyKind === 'exit' ? 'privacy.exit' : prompt.surveyKind === 'event' ? 'privacy.event' : 'privacy.promise', { k: prompt.minGroupSize }),
    notification: t('prompt.notification', { survey: title }),
    questions,
  };
}

/** The neutral notice that some comments of a group's round got replies (the same text for everyone in the group). */
export function repliesNoticeText(kind: SurveyKind, locale: Locale, name: string | null): string {
  return translator(locale)('replies.notice', { survey: surveyTitle(kind, locale, name) });
}
