import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { ORG_ROOT } from '../../src/domain/anonymity/segment-tree.js';
import type { RoundResults, SegmentResult } from '../../src/services/results.js';
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
export function summarySections(text: SummaryText): string[] {
  return [`*${escapeMrkdwn(text.title)}*`, ...text.sections.map(sectionMrkdwn), `_${escapeMrkdwn(text.footer)}_`];
}

/** The whole summary as one mrkdwn message (fallback text, and the reply where blocks are not used). */
export function resultsMrkdwn(text: SummaryText): string {
  return summarySections(text).join('\n\n');
}

const intlLocale: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

function formatter(locale: Locale, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function signed(locale: Locale, value: number, digits: number): string {
  const text = formatter(locale, digits).format(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** One segment's lines: participation, eNPS, drivers; or one line saying it is hidden. */
function segmentLines(result: SegmentResult, locale: Locale, k: number): string[] {
  const t = translator(locale);
  const name = result.segment === ORG_ROOT ? t('results.org') : (result.name ?? result.segment);
  if (!result.visible) return [t('results.hidden', { segment: `*${name}*`, k })];
  const n0 = formatter(locale, 0);
  const n1 = formatter(locale, 1);
  const lines = [`*${name}*`];
  if (result.invited !== null && result.respondents !== null) {
    lines.push(t('results.participation', { respondents: result.respondents, invited: result.invited, rate: n0.format(result.participationRate ?? 0) }));
  }
  if (result.enps) {
    let line = t('results.enps', {
      score: signed(locale, Math.round(result.enps.score), 0),
      band: t(`enps.band.${result.enps.band}`),
      moe: n0.format(result.enps.marginOfError),
    });
    if (result.enpsChange !== null) line += ` · ${t('results.change', { change: signed(locale, Math.round(result.enpsChange), 0) })}`;
    lines.push(line);
  }
  for (const d of result.drivers) {
    let line = `• ${t('results.driver', { driver: t(`driver.${d.driver}` as MessageKey), mean: n1.format(d.mean), favourable: n0.format(d.favourable) })}`;
    if (d.changeInMean !== null) line += ` · ${t('results.change', { change: signed(locale, d.changeInMean, 1) })}`;
    lines.push(line);
  }
  return lines;
}

/**
 * A round's results (roundResults) as mrkdwn sections: what Teams' `results` shows until it
 * renders summaries (summarySections) like Slack does.
 */
export function resultsSections(results: RoundResults | null, surveyName: string, locale: Locale, k: number): string[] {
  const t = translator(locale);
  if (results === null) return [t('results.none')];
  const sections = [`*${t('results.title', { survey: surveyName, date: results.round.date })}*`];
  for (const segment of results.segments) sections.push(segmentLines(segment, locale, k).join('\n').slice(0, 3000));
  return sections;
}
