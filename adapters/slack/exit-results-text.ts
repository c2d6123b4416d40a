import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import type { ExitResults, ExitSlice } from '../../src/services/exit-results.js';
import { escapeMrkdwn } from './results-text.js';

const intlLocale: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };
const SECTION_LIMIT = 3000;

function quarters(list: readonly string[]): string {
  return list.length === 1 ? (list[0] ?? '') : `${list[0] ?? ''}–${list.at(-1) ?? ''}`;
}

function sliceLines(slice: ExitSlice, heading: string, t: Translator, locale: Locale, commentK: number): string[] {
  const n0 = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 0 });
  const n1 = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const lines = [heading];
  if (slice.reasons.length > 0) {
    lines.push(t('hr.results.reasons'));
    slice.reasons.forEach((r, i) => lines.push(t('hr.results.reason', { rank: i + 1, reason: t(`exit.reason.${r.reason}`), count: r.count, share: n0.format(r.share) })));
  }
  for (const [topic, summary] of Object.entries(slice.ratings)) {
    if (summary === null) continue;
    lines.push(`• ${t('hr.results.rating', { topic: t(`exit.reason.${topic}` as MessageKey), mean: n1.format(summary.mean), favourable: n0.format(summary.favourable) })}`);
  }
  if (slice.enps) {
    const score = Math.round(slice.enps.score);
    lines.push(t('results.enps', { score: score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0', band: t(`enps.band.${slice.enps.band}`), moe: n0.format(slice.enps.marginOfError) }));
  }
  if (slice.comments === null) lines.push(`_${t('hr.results.commentsHidden', { k: commentK })}_`);
  else {
    for (const [questionId, key] of [['exit-keep', 'hr.results.keep'], ['exit-comment', 'hr.results.comment']] as const) {
      // What leavers typed is made inert: no mentions, @channel broadcasts or disguised links.
      const texts = slice.comments.filter((c) => c.questionId === questionId).map((c) => `> ${escapeMrkdwn(c.text.replace(/\n+/g, ' '))}`);
      if (texts.length > 0) lines.push(`${t(key)}:`, ...texts);
    }
  }
  return lines;
}

/** Exit results as Slack mrkdwn sections, newest pool first, each within Slack's section limit. */
export function exitResultsSections(results: ExitResults, locale: Locale): string[] {
  const t = translator(locale);
  const k = results.minGroupSize;
  const sections: string[] = [];
  if (results.pools.length === 0) sections.push(t('hr.results.none', { k }));
  if (results.pendingQuarters.length > 0) sections.push(t('hr.results.pending', { quarters: quarters(results.pendingQuarters), k }));
  for (const pool of results.pools) {
    const org = pool.organisation;
    const title = `*${t('hr.results.title', { quarters: quarters(pool.quarters), respondents: org.respondents })}*`;
    sections.push(sliceLines(org, title, t, locale, results.minCommentGroupSize).join('\n').slice(0, SECTION_LIMIT));
    for (const department of pool.departments) {
      const heading = `*${t('hr.results.department', { department: escapeMrkdwn(department.name ?? department.segment), respondents: department.respondents })}*`;
      sections.push(sliceLines(department, heading, t, locale, results.minCommentGroupSize).join('\n').slice(0, SECTION_LIMIT));
    }
  }
  return sections;
}
