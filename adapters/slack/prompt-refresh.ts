import type { Locale } from '../../src/domain/i18n/locale.js';
import type { PromptState } from '../../src/pulse/index.js';
import { promptMessage, type SlackMessage } from './prompt-blocks.js';
import { markAnswered, markClosed } from './prompt-state.js';

/**
 * The prompt as the person should see it now, drawn from the door's prompt state: every question
 * the ledger says they answered marked "Answered", a closed round without inputs.
 */
export function promptNow(state: PromptState, locale: Locale): SlackMessage {
  const message = promptMessage(state.prompt, locale);
  if (!state.open) return { ...message, blocks: markClosed(message.blocks, locale) };
  let blocks = message.blocks;
  for (const question of state.prompt.questions) {
    if (state.answered.has(question.id)) blocks = markAnswered(blocks, question.id, locale);
  }
  return { ...message, blocks };
}
