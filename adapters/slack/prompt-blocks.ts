import { escapeMrkdwn } from '../../src/lib/escape-markup.js';
import type { ActionsBlock, Button, KnownBlock, PlainTextOption } from '@slack/types';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { promptView, type ChoiceView, type QuestionView } from '../../src/domain/prompt-view.js';
import type { SurveyPrompt } from '../../src/ports/chat-platform.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { encodeActionValue, PROMPT_EVENT_TYPE } from './action-value.js';

/** Slack's Block Kit limits that a prompt must respect. */
export const BLOCK_LIMITS = { blocks: 50, actionsElements: 25, text: 3000, buttonText: 75, id: 255, staticOptions: 100 } as const;

export interface SlackMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
  readonly metadata: { event_type: string; event_payload: { round_id: string; delivery_id?: string } };
}

const plain = (text: string) => ({ type: 'plain_text' as const, text, emoji: true });

function button(text: string, actionId: string, value: string): Button {
  return { type: 'button', text: plain(text), action_id: actionId, value };
}

/** The block id prefix of a question's blocks; `prompt-state.ts` finds them by it. */
export function questionBlockPrefix(questionId: string): string {
  return `q:${questionId}:`;
}

function questionBlocks(question: QuestionView, prompt: SurveyPrompt, t: Translator): KnownBlock[] {
  const link = { r: prompt.roundId, t: prompt.responseToken, q: question.id, ...(prompt.binding === '' ? {} : { g: prompt.binding }) };
  const answer = (v: number | string) => encodeActionValue({ ...link, v });
  const id = questionBlockPrefix(question.id);
  const header: KnownBlock = { type: 'section', block_id: `${id}text`, text: { type: 'mrkdwn', text: `*${escapeMrkdwn(question.text)}*` } };
  const context = (text: string): KnownBlock => ({ type: 'context', block_id: `${id}context`, elements: [{ type: 'mrkdwn', text }] });
  const actions = (suffix: string, elements: ActionsBlock['elements']): ActionsBlock => ({ type: 'actions', block_id: `${id}${suffix}`, elements });
  const buttons = (choices: readonly ChoiceView[]) => choices.map((c) => button(c.label, `pulse:answer:${question.id}:${c.value}`, answer(c.value)));
  switch (question.kind) {
    case 'scale':
      // 0–10 in two rows, so the buttons stay readable on a phone.
      return [
        header,
        actions('a', buttons(question.choices.slice(0, 6))),
        actions('b', buttons(question.choices.slice(6))),
        context(`${question.position} · ${question.hint}`),
      ];
    case 'likert':
      return [header, actions('a', buttons(question.choices)), context(question.position)];
    case 'choice': {
      if (question.choices.length <= 5) return [header, actions('a', buttons(question.choices)), context(question.position)];
      const options: PlainTextOption[] = question.choices.map((c) => ({ text: plain(c.label), value: answer(c.value) }));
      return [header, actions('a', [{ type: 'static_select', action_id: `pulse:answer:${question.id}:select`, options }]), context(question.position)];
    }
    case 'multi':
      return [
        header,
        actions('a', [
          {
            type: 'checkboxes',
            action_id: `pulse:multi:${question.id}`,
            options: question.choices.map((c) => ({ text: { type: 'mrkdwn' as const, text: c.label }, value: String(c.value) })),
          },
          button(t('ui.submit'), `pulse:multi-submit:${question.id}`, encodeActionValue(link)),
        ]),
        context(question.position),
      ];
    case 'text':
      return [header, actions('a', [button(t('ui.writeComment'), `pulse:comment:${question.id}`, encodeActionValue(link))]), context(question.position)];
  }
}

/** A survey prompt as a Slack message in `locale`: intro, privacy promise, then each question. */
export function promptMessage(prompt: SurveyPrompt, locale: Locale): SlackMessage {
  const t = translator(locale);
  const view = promptView(prompt, locale);
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'title', text: plain(view.title) },
    { type: 'context', block_id: 'privacy', elements: [{ type: 'mrkdwn', text: `:lock: ${view.privacy}` }] },
    ...view.questions.flatMap((q): KnownBlock[] => [{ type: 'divider' }, ...questionBlocks(q, prompt, t)]),
  ];
  return {
    text: view.notification,
    blocks,
    metadata: {
      event_type: PROMPT_EVENT_TYPE,
      event_payload: { round_id: prompt.roundId, ...(prompt.deliveryId !== undefined ? { delivery_id: prompt.deliveryId } : {}) },
    },
  };
}

/** A prompt's blocks as Slack draws them (what the survey editor previews). */
export function promptBlocksOf(prompt: SurveyPrompt, locale: Locale): readonly unknown[] {
  return promptMessage(prompt, locale).blocks;
}
