import { describe, expect, it } from 'vitest';
import { summaryReplyForms } from '../../adapters/cards/summary-replies-card.js';
import { slackReply } from '../../adapters/slack/conversation.js';
import { summaryReport } from '../../src/core/conversation/report.js';
import { replyGroupsOf } from '../../src/domain/summary-replies.js';
import { summaryText } from '../../src/domain/summary/summary-text.js';
import { fixedSummary } from '../support/summary-fixture.js';

/** Issue #19: `/pulse results` (and **results**) carry the same reply controls as the weekly summary, for the comments they show. */
describe('replying to comments from a results reply', () => {
  const summary = fixedSummary();
  const groups = replyGroupsOf(summary);

  it('offers a reply form per group whose comments are shown, with their ids, nothing for hidden groups', () => {
    const shown = summary.segments.filter((s) => s.visible && s.comments !== null && s.comments.length > 0);
    expect(groups).toHaveLength(shown.length);
    expect(groups[0]?.map((c) => c.text)).toEqual(shown[0]?.visible ? shown[0].comments?.map((c) => c.text) : []);
  });

  it('Slack: a "Reply to these comments" button carrying the comments’ ids; Teams: a form with each comment', () => {
    const reply = slackReply({ kind: 'report', report: summaryReport(summaryText(summary, 'en'), 'en', groups) }, 'en');
    const buttons = JSON.stringify(reply.blocks?.filter((b) => b.type === 'actions'));
    expect(buttons).toContain('Reply to these comments');
    for (const c of groups[0] ?? []) expect(buttons).toContain(c.id);
    expect(JSON.stringify(summaryReplyForms(groups, 'sv'))).toContain('Svara på de här kommentarerna');
    // Without comments to reply to, no control.
    expect(JSON.stringify(slackReply({ kind: 'report', report: summaryReport(summaryText(summary, 'en'), 'en') }, 'en').blocks)).not.toContain(
      'pulse:summary-replies',
    );
  });
});
