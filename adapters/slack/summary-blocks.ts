import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn, sectionMrkdwn, type ReportLayout } from './results-text.js';

/** Block Kit allows 50 blocks in a message (100 in App Home). */
export const MESSAGE_BLOCK_LIMIT = 50;
const HEADER_LIMIT = 150;

/**
 * A summary as Block Kit: a header, one section per summary section, the footer as context.
 * Sections past the block limit are dropped with an ellipsis, never split mid-section.
 */
export function summaryBlocks(text: ReportLayout, limit = MESSAGE_BLOCK_LIMIT): KnownBlock[] {
  const title = text.title.length <= HEADER_LIMIT ? text.title : `${text.title.slice(0, HEADER_LIMIT - 1)}…`;
  const blocks: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: title } }];
  const room = limit - 3;
  const sections = text.sections.slice(0, room);
  for (const section of sections) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: sectionMrkdwn(section) } });
  if (text.sections.length > sections.length) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '…' } });
  if (text.footer !== null) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `:lock: ${escapeMrkdwn(text.footer)}` }] });
  return blocks;
}
