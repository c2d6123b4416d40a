import type { KnownBlock } from '@slack/types';
import type { CommandStyle, ChatReply } from '../../src/pulse/index.js';
import type { Token } from '../../src/pulse/index.js';
import { wordsOf, wordToken } from '../../src/pulse/index.js';
import { reportMrkdwn, reportSectionsMrkdwn } from './results-text.js';
import { MESSAGE_BLOCK_LIMIT, summaryBlocks } from './summary-blocks.js';
import { summaryReplyButtons } from './summary-replies-modal.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { slackPersonKey } from './slack-context.js';

/**
 * Slack's side of the shared conversation: what people type to `/pulse` and `/exit-survey`
 * becomes tokens (a `<@U…>` mention is a person of this workspace), and replies become
 * ephemeral messages.
 */

const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
const BARE_ID = /^([UW][A-Z0-9]{2,})$/;

export function slackTokens(teamId: string, text: string, command: '/pulse' | '/exit-survey'): Token[] {
  const tokens = wordsOf(text).map((word): Token => {
    const userId = (MENTION.exec(word) ?? BARE_ID.exec(word))?.[1];
    return userId === undefined ? wordToken(word) : { kind: 'person', person: { kind: 'account', key: slackPersonKey(teamId, userId), shown: `<@${userId}>` } };
  });
  return command === '/exit-survey' ? [{ kind: 'word', text: 'exit-survey' }, ...tokens] : tokens;
}

/** `/exit-survey` is its own slash command; everything else goes through `/pulse`. */
export const slackStyle: CommandStyle = {
  command: (words) => (words.startsWith('exit-survey') ? `\`/${words}\`` : `\`/pulse ${words}\``),
  person: '@person',
  newline: '\n',
};

export type SlackReply = { readonly text: string; readonly blocks?: KnownBlock[] };

export function slackReply(reply: ChatReply, locale: Locale): SlackReply {
  if (reply.kind === 'text') return { text: reply.text };
  const { report } = reply;
  // Exit results go as text sections (no title), as they always have.
  if (report.kind === 'exit') return { text: reportSectionsMrkdwn(report).join('\n\n') };
  const replies = summaryReplyButtons(report.replies ?? [], locale);
  return { text: reportMrkdwn(report), blocks: [...summaryBlocks(report, MESSAGE_BLOCK_LIMIT - replies.length), ...replies] };
}
