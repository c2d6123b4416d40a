import type { ActionsBlock, Button, KnownBlock, PlainTextOption } from '@slack/types';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { likertLabelKey, LIKERT_VALUES, SCALE_VALUES, type Question } from '../../src/domain/question.js';
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

function questionBlocks(question: Question, n: number, total: number, prompt: SurveyPrompt, t: Translator): KnownBlock[] {
  const link = { r: prompt.roundId, t: prompt.responseToken, q: question.id, ...(prompt.binding === '' ? {} : { g: prompt.binding }) };
  const answer = (v: number | string) => encodeActionValue({ ...link, v });
  const id = questionBlockPrefix(question.id);
  const org = prompt.orgName ?? t('org.fallback');
  const header: KnownBlock = {
    type: 'section',
    block_id: `${id}text`,
    text: { type: 'mrkdwn', text: `*${t(question.textKey, { org })}*` },
  };
  const context: KnownBlock = {
    type: 'context',
    block_id: `${id}context`,
    elements: [{ type: 'mrkdwn', text: t('ui.questionNumber', { n, total }) }],
  };
  const actions = (suffix: string, elements: ActionsBlock['elements']): ActionsBlock => ({
    type: 'actions',
    block_id: `${id}${suffix}`,
    elements,
  });
  switch (question.kind) {
    case 'scale':
      return [
        header,
        actions(
          'a',
          SCALE_VALUES.slice(0, 6).map((v) => button(String(v), `pulse:answer:${question.id}:${v}`, answer(v))),
        ),
        actions(
          'b',
          SCALE_VALUES.slice(6).map((v) => button(String(v), `pulse:answer:${question.id}:${v}`, answer(v))),
        ),
        {
          type: 'context',
          block_id: `${id}context`,
          elements: [
            {
              type: 'mrkdwn',
              text: `${t('ui.questionNumber', { n, total })} · ${t('ui.scaleHint', { low: t(question.lowLabelKey), high: t(question.highLabelKey) })}`,
            },
          ],
        },
      ];
    case 'likert':
      return [
        header,
        actions(
          'a',
          LIKERT_VALUES.map((v) => button(t(likertLabelKey(question, v)), `pulse:answer:${question.id}:${v}`, answer(v))),
        ),
        context,
      ];
    case 'choice': {
      if (question.options.length <= 5) {
        return [
          header,
          actions(
            'a',
            question.options.map((o) => button(t(o.labelKey), `pulse:answer:${question.id}:${o.value}`, answer(o.value))),
          ),
          context,
        ];
      }
      const options: PlainTextOption[] = question.options.map((o) => ({ text: plain(t(o.labelKey)), value: answer(o.value) }));
      return [header, actions('a', [{ type: 'static_select', action_id: `pulse:answer:${question.id}:select`, options }]), context];
    }
    case 'multi':
      return [
        header,
        actions('a', [
          {
            type: 'checkboxes',
            action_id: `pulse:multi:${question.id}`,
            options: question.options.map((o) => ({ text: { type: 'mrkdwn' as const, text: t(o.labelKey) }, value: o.value })),
          },
          button(t('ui.submit'), `pulse:multi-submit:${question.id}`, encodeActionValue(link)),
        ]),
        context,
      ];
    case 'text':
      return [header, actions('a', [button(t('ui.writeComment'), `pulse:comment:${question.id}`, encodeActionValue(link))]), context];
  }
}

export function surveyTitleKey(kind: SurveyPrompt['surveyKind']): MessageKey {
  return kind === 'exit' ? 'survey.exit.title' : 'survey.pulse.title';
}

/** A survey prompt as a Slack message in `locale`: intro, privacy promise, then each question. */
export function promptMessage(prompt: SurveyPrompt, locale: Locale): SlackMessage {
  const t = translator(locale);
  const title = t(surveyTitleKey(prompt.surveyKind));
  const privacy = t(prompt.surveyKind === 'exit' ? 'privacy.exit' : 'privacy.promise', { k: prompt.minGroupSize });
  const total = prompt.questions.length;
  const blocks: KnownBlock[] = [
    { type: 'header', block_id: 'title', text: plain(title) },
    { type: 'context', block_id: 'privacy', elements: [{ type: 'mrkdwn', text: `:lock: ${privacy}` }] },
    ...prompt.questions.flatMap((q, i): KnownBlock[] => [{ type: 'divider' }, ...questionBlocks(q, i + 1, total, prompt, t)]),
  ];
  return {
    text: t('prompt.notification', { survey: title }),
    blocks,
    metadata: {
      event_type: PROMPT_EVENT_TYPE,
      event_payload: { round_id: prompt.roundId, ...(prompt.deliveryId !== undefined ? { delivery_id: prompt.deliveryId } : {}) },
    },
  };
}
