import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { promptView, type ChoiceView, type QuestionView } from '../../src/domain/prompt-view.js';
import { MAX_COMMENT_LENGTH } from '../../src/domain/question.js';
import type { SurveyPrompt } from '../../src/ports/chat-platform.js';
import type { PromptState } from '../../src/pulse/index.js';
import { ANSWER_VERB, REFRESH_VERB, followUpFields, inputId, type CardLink } from './card-data.js';
import { NO_FOLLOW_UPS, type FollowUpState } from '../../src/domain/follow-up-state.js';

/** An Adaptive Card as JSON (the schema is Microsoft's; the cards test parses every one with the SDK). */
export type AdaptiveCardJson = { type: 'AdaptiveCard'; version: string; body: Element[] } & Record<string, unknown>;
type Element = Record<string, unknown>;

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
/** Teams rejects a message over about 40 KB; the cards test holds every card under it. */
export const MAX_CARD_BYTES = 40_000;

/** How each question is drawn: open (an input and a submit), answered, or closed. */
export type QuestionState = 'open' | 'answered';

const text = (value: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: value, wrap: true, ...extra });
const choices = (list: readonly ChoiceView[]) => list.map((c) => ({ title: c.label, value: String(c.value) }));

function inputFor(question: QuestionView, t: Translator): Element {
  const id = inputId(question.id);
  switch (question.kind) {
    case 'scale':
      return { type: 'Input.ChoiceSet', id, style: 'compact', placeholder: t('teams.ui.choose'), label: question.hint, choices: choices(question.choices) };
    case 'likert':
      return { type: 'Input.ChoiceSet', id, style: 'expanded', choices: choices(question.choices) };
    case 'choice': {
      const long = question.choices.length > 5;
      return {
        type: 'Input.ChoiceSet',
        id,
        style: long ? 'compact' : 'expanded',
        ...(long ? { placeholder: t('teams.ui.choose') } : {}),
        choices: choices(question.choices),
      };
    }
    case 'multi':
      return { type: 'Input.ChoiceSet', id, style: 'expanded', isMultiSelect: true, choices: choices(question.choices) };
    case 'text':
      return { type: 'Input.Text', id, isMultiline: true, maxLength: MAX_COMMENT_LENGTH, placeholder: t('ui.commentModalHint') };
  }
}

function questionContainer(question: QuestionView, link: CardLink, state: QuestionState, t: Translator): Element {
  const data = { ...link, q: question.id };
  const items: Element[] = [text(question.text, { weight: 'Bolder' }), text(question.position, { isSubtle: true, size: 'Small', spacing: 'None' })];
  if (state === 'answered') {
    items.push(text(`✅ ${t('ui.answered')}`, { color: 'Good' }));
  } else {
    const title = t(question.kind === 'text' ? 'ui.send' : 'ui.submit');
    items.push(inputFor(question, t));
    items.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title,
          verb: ANSWER_VERB,
          data,
          // Clients without Universal Actions send the same data as a message.
          fallback: { type: 'Action.Submit', title, data: { verb: ANSWER_VERB, ...data } },
        },
      ],
    });
  }
  return { type: 'Container', id: `q-${question.id}`, separator: true, spacing: 'Medium', items };
}

export interface CardOptions {
  /** Per question id: drawn answered (no input) instead of open. */
  readonly answered?: ReadonlySet<string>;
  /** Follow-ups answered (the card's own state, carried in its action data). */
  readonly answeredFollowUps?: ReadonlySet<string>;
  /** The round has closed: no inputs at all, and a line saying so. */
  readonly closed?: boolean;
  /** A line for the person on top (already answered, not valid…). */
  readonly note?: string;
}

/** A survey prompt as an Adaptive Card 1.5 in `locale`: title, privacy promise, each question. */
export function promptCard(prompt: SurveyPrompt, locale: Locale, options: CardOptions = {}): AdaptiveCardJson {
  const t = translator(locale);
  const follow = { shown: prompt.followUps ?? new Set<string>(), answered: options.answeredFollowUps ?? new Set<string>() };
  const link: CardLink = { r: prompt.roundId, t: prompt.responseToken, ...(prompt.binding === '' ? {} : { g: prompt.binding }), ...followUpFields(follow) };
  const answered = new Set([...(options.answered ?? []), ...follow.answered]);
  const view = promptView(prompt, locale);
  // Each question's action says what the card shows answered: the next card is drawn from it.
  const shown = view.questions.filter((q) => options.answered?.has(q.id) === true).map((q) => q.id);
  const actionLink: CardLink = { ...link, an: shown.join(',') };
  const body: Element[] = [text(view.title, { size: 'Large', weight: 'Bolder' })];
  if (options.note !== undefined) body.push(text(options.note, { color: 'Attention' }));
  if (options.closed !== true) body.push(text(`🔒 ${view.privacy}`, { isSubtle: true, size: 'Small' }));
  if (options.closed === true) {
    body.push(text(t('ui.roundClosed'), { weight: 'Bolder' }));
  } else {
    view.questions.forEach((q) => body.push(questionContainer(q, actionLink, answered.has(q.id) ? 'answered' : 'open', t)));
    if (view.questions.length > 0 && view.questions.every((q) => answered.has(q.id))) body.push(text(t('ui.allDone'), { weight: 'Bolder', color: 'Good' }));
  }
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    // Opening the card (on any device) asks the bot for its current state.
    ...(options.closed === true ? {} : { refresh: { action: { type: 'Action.Execute', verb: REFRESH_VERB, data: link } } }),
    body,
  };
}

/** The message that carries a card, with the notification text Teams shows in the feed. */
export function cardActivity(card: AdaptiveCardJson, summary: string) {
  return { type: 'message' as const, summary, text: '', attachments: [{ contentType: CARD_CONTENT_TYPE, content: card }] };
}

/**
 * The card of a prompt as the door says it is now (answered questions marked, a closed round
 * without inputs), with the follow-ups the card itself says it shows.
 */
export function stateCard(state: PromptState, locale: Locale, note?: string, followUps: FollowUpState = NO_FOLLOW_UPS): AdaptiveCardJson {
  const noted = note === undefined ? {} : { note };
  if (!state.open) return promptCard(state.prompt, locale, { closed: true, ...noted });
  return promptCard({ ...state.prompt, followUps: followUps.shown }, locale, { answered: state.answered, answeredFollowUps: followUps.answered, ...noted });
}

/** The card of a prompt whose round is gone: closed, with nothing to answer. */
export function goneCard(roundId: string, surveyKind: SurveyPrompt['surveyKind'], token: string, locale: Locale, note?: string): AdaptiveCardJson {
  const prompt = { roundId, surveyKind, questions: [], responseToken: token, binding: '', minGroupSize: 0, orgName: null };
  return promptCard(prompt, locale, { closed: true, ...(note === undefined ? {} : { note }) });
}
