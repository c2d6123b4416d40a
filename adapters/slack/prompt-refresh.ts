import type { Locale } from '../../src/domain/i18n/locale.js';
import type { PromptState } from '../../src/pulse/index.js';
import { promptMessage, type SlackMessage } from './prompt-blocks.js';
import { NO_FOLLOW_UPS, type FollowUpState } from '../../src/domain/follow-up-state.js';
import { markAnswered, markClosed } from './prompt-state.js';

/**
 * The prompt as the person should see it now, drawn from the door's prompt state: every question
 * the state says they answered marked "Answered", a closed round without inputs.
 */
export function promptNow(state: PromptState, locale: Locale, followUps: FollowUpState = NO_FOLLOW_UPS): SlackMessage {
  const message = promptMessage({ ...state.prompt, followUps: followUps.shown }, locale);
  let blocks = message.blocks;
  for (const id of [...state.prompt.questions.map((q) => q.id), ...followUps.answered]) {
    if (state.answered.has(id) || followUps.answered.has(id)) blocks = markAnswered(blocks, id, locale);
  }
  // Closed: no inputs left, but a written comment keeps its "Replies" control.
  return { ...message, blocks: state.open ? blocks : markClosed(blocks, locale) };
}
