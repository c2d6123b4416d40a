import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { actionText, ACTION_STATUSES, MAX_ACTION_CHARS } from '../../src/domain/action-plan.js';
import { suggestionText } from '../../src/domain/actions/action-catalog.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import type { Summary } from '../../src/domain/summary/summary-model.js';

/** Action ids and the modal's callback of action plans (issue #19). */
export const PLAN_ACTIONS = { commit: /^pulse:plan:commit:/, status: /^pulse:plan:status:/ } as const;
export const PLAN_VIEW_CALLBACK = 'pulse:plan-view';

/** What a "Commit" button carries: the group, and the suggested action (driver and catalog index) or none (own words). */
export const planValueSchema = z.object({
  s: z.string().min(1).max(200),
  d: z.enum(DRIVERS).optional(),
  i: z.number().int().min(0).max(9).optional(),
});
export type PlanValue = z.infer<typeof planValueSchema>;

/** The plan modal's private_metadata: the button's value plus where to say it is done. */
export const planMetadataSchema = planValueSchema.extend({ c: z.string().min(1).max(64) });
export type PlanMetadata = z.infer<typeof planMetadataSchema>;

const MAX_STATUS_SELECTS = 5;

function option(t: Translator, status: (typeof ACTION_STATUSES)[number]): PlainTextOption {
  return { text: { type: 'plain_text', text: t(`plan.status.${status}`) }, value: status };
}

/**
 * The controls a summary message carries (issue #19): under each group's suggested actions, a
 * "Commit" button per suggestion and one for the leader's own words; and a status menu for each
 * of the reader's open actions (the first five).
 */
export function planBlocks(summary: Summary, locale: Locale): KnownBlock[] {
  const t = translator(locale);
  const blocks: KnownBlock[] = [];
  for (const segment of summary.segments) {
    if (!segment.visible || segment.actions.length === 0) continue;
    const elements = segment.actions.map((a, n) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: `${t('plan.commit')}: ${t(`driver.${a.driver}` as MessageKey)}`.slice(0, 75) },
      action_id: `pulse:plan:commit:${n}`,
      value: JSON.stringify({ s: segment.segment, d: a.driver, i: a.index } satisfies PlanValue),
    }));
    elements.push({
      type: 'button',
      text: { type: 'plain_text', text: t('plan.new') },
      action_id: `pulse:plan:commit:${elements.length}`,
      value: JSON.stringify({ s: segment.segment } satisfies PlanValue),
    });
    blocks.push({ type: 'actions', block_id: `plan:${segment.segment}`.slice(0, 255), elements });
  }
  for (const action of (summary.openActions ?? []).slice(0, MAX_STATUS_SELECTS)) {
    blocks.push({
      type: 'section',
      block_id: `planstatus:${action.id}`,
      text: { type: 'mrkdwn', text: actionText(action.words, locale).slice(0, 2900) },
      accessory: {
        type: 'static_select',
        action_id: `pulse:plan:status:${action.id}`,
        placeholder: { type: 'plain_text', text: t('plan.status.label') },
        initial_option: option(t, action.status),
        options: ACTION_STATUSES.map((s) => option(t, s)),
      },
    });
  }
  return blocks;
}

/** The modal that commits to an action: the words (the suggestion, in the leader's language, to keep or rewrite) and a due date. */
export function planModal(metadata: PlanMetadata, groupName: string, dueDate: string, locale: Locale): ModalView {
  const t = translator(locale);
  const suggested = metadata.d !== undefined && metadata.i !== undefined ? suggestionText({ driver: metadata.d, index: metadata.i }, locale) : '';
  return {
    type: 'modal',
    callback_id: PLAN_VIEW_CALLBACK,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: t('plan.modal.title').slice(0, 24) },
    submit: { type: 'plain_text', text: t('plan.commit') },
    close: { type: 'plain_text', text: t('ui.cancel') },
    blocks: [
      { type: 'context', block_id: 'group', elements: [{ type: 'plain_text', text: `${t('plan.modal.group')}: ${groupName}` }] },
      {
        type: 'input',
        block_id: 'words',
        label: { type: 'plain_text', text: t('plan.modal.words') },
        hint: { type: 'plain_text', text: t('plan.modal.wordsHint') },
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: true,
          max_length: MAX_ACTION_CHARS,
          ...(suggested === '' ? {} : { initial_value: suggested }),
        },
      },
      {
        type: 'input',
        block_id: 'due',
        label: { type: 'plain_text', text: t('plan.modal.due') },
        element: { type: 'datepicker', action_id: 'date', initial_date: dueDate },
      },
    ],
  };
}
