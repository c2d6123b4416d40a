import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../src/domain/i18n/translate.js';
import { formatNumber, formatSigned } from '../../src/domain/summary/number-format.js';
import type { SummarySection } from '../../src/domain/summary/summary-text.js';
import type { ExitResults, ExitSlice } from '../../src/services/exit-results.js';
import type { ResultsCardContent } from './summary-card.js';

const quarters = (list: readonly string[]) => (list.length === 1 ? (list[0] ?? '') : `${list[0] ?? ''}–${list.at(-1) ?? ''}`);

/** One slice (the organisation or a department) of a pool: reasons, ratings, eNPS, comments. */
function sliceSections(slice: ExitSlice, heading: string, t: Translator, locale: Locale, commentK: number): SummarySection[] {
  const lines: string[] = [];
  if (slice.reasons.length > 0) {
    lines.push(t('hr.results.reasons'));
    slice.reasons.forEach((r, i) => lines.push(t('hr.results.reason', { rank: i + 1, reason: t(`exit.reason.${r.reason}`), count: r.count, share: formatNumber(locale, r.share, 0) })));
  }
  for (const [topic, rating] of Object.entries(slice.ratings)) {
    if (rating === null) continue;
    lines.push(`• ${t('hr.results.rating', { topic: t(`exit.reason.${topic}` as MessageKey), mean: formatNumber(locale, rating.mean, 1), favourable: formatNumber(locale, rating.favourable, 0) })}`);
  }
  if (slice.enps) {
    lines.push(t('results.enps', { score: formatSigned(locale, Math.round(slice.enps.score), 0), band: t(`enps.band.${slice.enps.band}`), moe: formatNumber(locale, slice.enps.marginOfError, 0) }));
  }
  const sections: SummarySection[] = [{ heading, lines }];
  if (slice.comments === null) {
    lines.push(t('hr.results.commentsHidden', { k: commentK }));
    return sections;
  }
  for (const [questionId, key] of [['exit-keep', 'hr.results.keep'], ['exit-comment', 'hr.results.comment']] as const) {
    const texts = slice.comments.filter((c) => c.questionId === questionId).map((c) => t('teams.quote', { text: c.text.replace(/\s*\n+\s*/g, ' ') }));
    if (texts.length > 0) sections.push({ heading: `${t(key)} (${heading})`, lines: texts });
  }
  return sections;
}

/**
 * Pooled exit-survey results (`results exit`, HR and admins) as a results card's content, newest
 * pool first: the same numbers and comments as Slack's `/pulse results exit`.
 */
export function exitResultsContent(results: ExitResults, locale: Locale): ResultsCardContent {
  const t = translator(locale);
  const k = results.minGroupSize;
  const sections: SummarySection[] = [];
  if (results.pools.length === 0) sections.push({ heading: null, lines: [t('hr.results.none', { k })] });
  if (results.pendingQuarters.length > 0) sections.push({ heading: null, lines: [t('hr.results.pending', { quarters: quarters(results.pendingQuarters), k })] });
  for (const pool of results.pools) {
    const org = pool.organisation;
    sections.push(...sliceSections(org, t('hr.results.title', { quarters: quarters(pool.quarters), respondents: org.respondents }), t, locale, results.minCommentGroupSize));
    for (const department of pool.departments) {
      const heading = t('hr.results.department', { department: department.name ?? department.segment, respondents: department.respondents });
      sections.push(...sliceSections(department, heading, t, locale, results.minCommentGroupSize));
    }
  }
  return { title: t('summary.exit'), sections, footer: null, cutNote: t('teams.results.cut') };
}
