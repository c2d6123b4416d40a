import type { SummarySection, SummaryText } from '../../src/domain/summary/summary-text.js';

/** Section text limit of Block Kit. */
const SECTION_LIMIT = 3000;

/** Text people typed (comments, group names) made inert in mrkdwn: no mentions, links or broadcasts. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One section as mrkdwn: the heading in bold, then its lines; cut to Slack's 3,000 characters. */
export function sectionMrkdwn(section: SummarySection): string {
  const lines = section.lines.map(escapeMrkdwn);
  const text = section.heading === null ? lines.join('\n') : [`*${escapeMrkdwn(section.heading)}*`, ...lines].join('\n');
  return text.length <= SECTION_LIMIT ? text : `${text.slice(0, SECTION_LIMIT - 1)}…`;
}

/** A summary as mrkdwn sections: title first, then each section, then the footer. */
export function resultsSections(text: SummaryText): string[] {
  return [`*${escapeMrkdwn(text.title)}*`, ...text.sections.map(sectionMrkdwn), `_${escapeMrkdwn(text.footer)}_`];
}

/** The whole summary as one mrkdwn message (fallback text, and the reply where blocks are not used). */
export function resultsMrkdwn(text: SummaryText): string {
  return resultsSections(text).join('\n\n');
}
