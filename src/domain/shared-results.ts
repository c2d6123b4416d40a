import { actionText, type ActionStatus, type ActionWords } from './action-plan.js';
import type { Locale } from './i18n/locale.js';
import { translator } from './i18n/translate.js';
import { worded, type Question } from './question.js';
import { surveyTitle, type SurveyKind } from './prompt-view.js';

/** One shown figure of a question, as the results door computed it (issue #19's results shared back). */
export type SharedFigure =
  | { readonly type: 'agreement'; readonly mean: number; readonly favourable: number }
  | { readonly type: 'scale'; readonly mean: number }
  | { readonly type: 'enps'; readonly score: number }
  | { readonly type: 'yesno'; readonly yesShare: number }
  | { readonly type: 'choice' | 'multi'; readonly top: string };

/** A group's shown results: the organisation, or the person's own team (only where visible). */
export interface SharedGroup {
  readonly own: boolean;
  readonly name: string | null;
  readonly respondents: number;
  readonly figures: readonly { readonly question: Question; readonly figure: SharedFigure }[];
}

/** An open action of a group the person is in: what, its status and due date. */
export interface SharedAction {
  readonly words: ActionWords;
  readonly status: ActionStatus;
  readonly dueDate: string;
}

export interface SharedResults {
  readonly surveyKind: SurveyKind;
  readonly surveyName: string | null;
  readonly date: string;
  readonly groups: readonly SharedGroup[];
  /** The open actions of the person's groups (issue #19's "what is being done"). */
  readonly actions?: readonly SharedAction[];
}

/** The message each person invited to a round gets when it closes (a survey's `shareResults`), in their language. */
export function sharedResultsText(results: SharedResults, locale: Locale, orgName: string | null): string {
  const t = translator(locale);
  const org = orgName ?? t('org.fallback');
  const num = (n: number, digits: number) =>
    new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  const figureText = (question: Question, figure: SharedFigure): string => {
    switch (figure.type) {
      case 'agreement':
        return t('share.agreement', { mean: num(figure.mean, 1), favourable: num(figure.favourable, 0) });
      case 'scale':
        return t('share.scale', { mean: num(figure.mean, 1) });
      case 'enps':
        return t('share.enps', { score: num(figure.score, 0) });
      case 'yesno':
        return t('share.yes', { share: num(figure.yesShare, 0) });
      case 'choice':
      case 'multi': {
        const option = 'options' in question ? question.options.find((o) => o.value === figure.top) : undefined;
        return t('share.top', { option: option === undefined ? figure.top : worded(option.label, locale, (key) => t(key, { org })) });
      }
    }
  };
  const lines = [t('share.title', { survey: surveyTitle(results.surveyKind, locale, results.surveyName), date: results.date })];
  for (const group of results.groups) {
    const name = group.own ? t('share.yourTeam', { team: group.name ?? '' }) : t('results.org');
    lines.push('', t('share.group', { group: name, respondents: group.respondents }));
    for (const { question, figure } of group.figures)
      lines.push(`• ${worded(question.text, locale, (key) => t(key, { org }))}: ${figureText(question, figure)}`);
  }
  if (!results.groups.some((g) => g.own)) lines.push('', t('share.teamHidden'));
  const actions = results.actions ?? [];
  if (actions.length > 0) {
    lines.push('', t('plan.share.heading'));
    for (const a of actions) lines.push(t('plan.share.line', { action: actionText(a.words, locale), status: t(`plan.status.${a.status}`), date: a.dueDate }));
  }
  return lines.join('\n');
}
