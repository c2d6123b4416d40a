import type { InputBlock, KnownBlock, Block, ModalView } from '@slack/types';
import { z } from 'zod';
import { checkComment, type Finding } from '../../src/domain/privacy/comment-check.js';
import { findingLines } from '../../src/domain/privacy/finding-lines.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';

/**
 * The identifying-comment warning of the Slack comment modal (issue #15). On a first submit with
 * findings the modal is updated in place (`response_action: "update"`, within the 3 s ack) to show
 * what was found, the text kept in the input, and a required choice: remove them and send, or send
 * as written. Nothing of the check is stored or logged.
 */

export const PRIVACY_BLOCK = 'privacy';
export const PRIVACY_ACTION = 'choice';
export const CHOICE_CLEAN = 'clean';
export const CHOICE_AS_WRITTEN = 'as-written';

const choiceSchema = z.object({
  view: z.object({
    state: z.object({
      values: z.object({
        [PRIVACY_BLOCK]: z.object({
          [PRIVACY_ACTION]: z.object({
            selected_option: z
              .object({ value: z.enum([CHOICE_CLEAN, CHOICE_AS_WRITTEN]) })
              .nullable()
              .optional(),
          }),
        }),
      }),
    }),
  }),
});

export type CommentDecision = { readonly kind: 'send'; readonly text: string } | { readonly kind: 'warn'; readonly view: ModalView };

/**
 * What to do with a submitted comment: send it (cleaned when the person chose so), or show the
 * warning. `modal` is the comment modal to build the warning from (same callback and metadata).
 */
export function decideComment(body: unknown, text: string, locale: Locale, names: readonly string[], modal: ModalView): CommentDecision {
  const chosen = choiceSchema.safeParse(body);
  const choice = chosen.success ? chosen.data.view.state.values[PRIVACY_BLOCK][PRIVACY_ACTION].selected_option?.value : undefined;
  if (choice === CHOICE_AS_WRITTEN) return { kind: 'send', text };
  const check = checkComment(text, locale, names);
  if (choice === CHOICE_CLEAN) return { kind: 'send', text: check.cleaned };
  if (check.findings.length === 0) return { kind: 'send', text };
  return { kind: 'warn', view: warningView(modal, text, check.findings, locale) };
}

function warningView(modal: ModalView, text: string, findings: readonly Finding[], locale: Locale): ModalView {
  const t = translator(locale);
  const warning = [t('privacy.warning.intro'), ...findingLines(findings, t)].join('\n').slice(0, 2900);
  const option = (value: string, key: MessageKey) => ({ text: { type: 'plain_text' as const, text: t(key) }, value });
  const clean = option(CHOICE_CLEAN, 'privacy.action.clean');
  const blocks = modal.blocks.map((block) => (isCommentInput(block) ? withText(block, text) : block));
  return {
    ...modal,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: t('privacy.warning.title').slice(0, 150) } },
      { type: 'section', text: { type: 'plain_text', text: warning } },
      ...blocks,
      {
        type: 'input',
        block_id: PRIVACY_BLOCK,
        label: { type: 'plain_text', text: t('privacy.choice.label') },
        element: {
          type: 'radio_buttons',
          action_id: PRIVACY_ACTION,
          initial_option: clean,
          options: [clean, option(CHOICE_AS_WRITTEN, 'privacy.action.asWritten')],
        },
      },
    ],
  };
}

function isCommentInput(block: KnownBlock | Block): block is InputBlock {
  return block.type === 'input' && block.block_id === 'comment';
}

/** The comment input with the submitted text kept in it, so the person can still edit it. */
function withText(block: InputBlock, text: string): InputBlock {
  return block.element.type === 'plain_text_input' ? { ...block, element: { ...block.element, initial_value: text } } : block;
}
