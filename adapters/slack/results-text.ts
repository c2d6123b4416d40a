import type { ReportSection, ReportView } from '../../src/pulse/index.js';

/** Section text limit of Block Kit. */
const SECTION_LIMIT = 3000;

/** Text people typed (comments, group names) made inert in mrkdwn: no mentions, links or broadcasts. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One section as mrkdwn: the heading in bold, then its lines (quoted when people typed them); cut to Slack's 3,000 characters. */
export function sectionMrkdwn(section: ReportSection): string {
  const lines = section.lines.map((line) => (section.quotes === true ? `> ${escapeMrkdwn(line)}` : escapeMrkdwn(line)));
  const text = section.heading === null ? lines.join('\n') : [`*${escapeMrkdwn(section.heading)}*`, ...lines].join('\n');
  return text.length <= SECTION_LIMIT ? text : `${text.slice(0, SECTION_LIMIT - 1)}…`;
}

/** What a report needs to be laid out: the weekly summary's text and the door's reports both fit. */
export type ReportLayout = Pick<ReportView, 'title' | 'sections' | 'footer'>;

/** A report's sections as mrkdwn, without title or footer. */
export function reportSectionsMrkdwn(text: ReportLayout): string[] {
  return text.sections.map(sectionMrkdwn);
}

/** A summary as mrkdwn sections: title first, then each section, then the footer. */
export function summarySections(text: ReportLayout): string[] {
  return [`*${escapeMrkdwn(text.title)}*`, ...reportSectionsMrkdwn(text), ...(text.footer === null ? [] : [`_${escapeMrkdwn(text.footer)}_`])];
}

/** The whole report as one mrkdwn message (fallback text, and the reply where blocks are not used). */
export function reportMrkdwn(text: ReportLayout): string {
  return summarySections(text).join('\n\n');
}
