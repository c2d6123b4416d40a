import { checkComment, type Finding } from '../../src/domain/privacy/comment-check.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { findingLines } from '../../src/domain/privacy/finding-lines.js';
import { ANSWER_VERB, inputId } from './card-data.js';
import type { AdaptiveCardJson } from './prompt-card.js';

/**
 * The identifying-comment warning on the Teams (and web playground) prompt card (issue #15). A
 * comment with findings is not recorded: the card comes back with the warning, the text kept in
 * the input, and two actions, "Remove them and send" and "Send as written", which send the same
 * answer again with `privacy` set. Nothing of the check is stored or logged.
 */

export const PRIVACY_FIELD = 'privacy';
const CHOICES = ['clean', 'as-written'] as const;
type Choice = (typeof CHOICES)[number];

export type TeamsCommentDecision = { readonly kind: 'send'; readonly text: string } | { readonly kind: 'warn'; readonly findings: readonly Finding[] };

/** What to do with a submitted comment, given the action's data (which carries the choice, if any). */
export function decideTeamsComment(data: unknown, text: string, locale: Locale, names: readonly string[]): TeamsCommentDecision {
  const raw = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[PRIVACY_FIELD] : undefined;
  const choice = CHOICES.find((c) => c === raw);
  if (choice === 'as-written') return { kind: 'send', text };
  const check = checkComment(text, locale, names);
  if (choice === 'clean') return { kind: 'send', text: check.cleaned };
  return check.findings.length === 0 ? { kind: 'send', text } : { kind: 'warn', findings: check.findings };
}

type Element = Record<string, unknown>;

/** `card` with question `questionId`'s container showing the warning, the text and the two actions. */
export function withCommentWarning(card: AdaptiveCardJson, questionId: string, text: string, findings: readonly Finding[], locale: Locale): AdaptiveCardJson {
  const t = translator(locale);
  const body = card.body.map((element): Element => {
    if (element.id !== `q-${questionId}` || !Array.isArray(element.items)) return element;
    const items = (element.items as Element[]).flatMap((item): Element[] => {
      if (item.type === 'Input.Text' && item.id === inputId(questionId)) {
        const warning = [t('privacy.warning.intro'), ...findingLines(findings, t)].join('\n\n');
        return [
          { type: 'TextBlock', text: `⚠️ ${t('privacy.warning.title')}`, wrap: true, weight: 'Bolder', color: 'Attention' },
          { type: 'TextBlock', text: warning, wrap: true },
          { ...item, value: text },
        ];
      }
      if (item.type === 'ActionSet' && Array.isArray(item.actions)) {
        const [action] = item.actions as Element[];
        const data = (action?.data ?? {}) as Record<string, unknown>;
        const button = (choice: Choice, title: string): Element => ({
          type: 'Action.Execute',
          title,
          verb: ANSWER_VERB,
          data: { ...data, [PRIVACY_FIELD]: choice },
          fallback: { type: 'Action.Submit', title, data: { verb: ANSWER_VERB, ...data, [PRIVACY_FIELD]: choice } },
        });
        return [{ ...item, actions: [button('clean', t('privacy.action.clean')), button('as-written', t('privacy.action.asWritten'))] }];
      }
      return [item];
    });
    return { ...element, items };
  });
  return { ...card, body };
}
