import type { MessageKey } from '../../domain/i18n/en.js';
import type { Locale } from '../../domain/i18n/locale.js';
import { translator, type Translator } from '../../domain/i18n/translate.js';
import { formatNumber, formatSigned } from '../../domain/summary/number-format.js';
import type { SummaryText } from '../../domain/summary/summary-text.js';
import type { ReplyGroup } from '../../domain/summary-replies.js';
import type { ExitResults, ExitSlice } from '../../services/exit-results.js';

/**
 * A report as every surface lays it out: a title, sections (a heading and lines), a footer. The
 * weekly summary is one (`SummaryText`); pooled exit results are another. Lines are plain text:
 * renderers escape them for their markup. A section of `quotes` holds what people typed.
 */
export interface ReportSection {
  readonly heading: string | null;
  readonly lines: readonly string[];
  readonly quotes?: boolean;
}

export interface ReportView {
  readonly kind: 'summary' | 'exit';
  readonly notification: string;
  readonly title: string;
  readonly sections: readonly ReportSection[];
  readonly footer: string | null;
  /** Said in place of the sections a message could not carry. */
  readonly cutNote: string;
  /** Comments the reader may reply to from the message, per group (a summary's; issue #19). */
  readonly replies?: readonly ReplyGroup[];
}

export function summaryReport(text: SummaryText, locale: Locale, replies: readonly ReplyGroup[] = []): ReportView {
  return { kind: 'summary', ...text, cutNote: translator(locale)('teams.results.cut'), ...(replies.length > 0 ? { replies } : {}) };
}

const quarters = (list: readonly string[]) => (list.length === 1 ? (list[0] ?? '') : `${list[0] ?? ''}–${list.at(-1) ?? ''}`);

/** One slice (the organisation or a department) of a pool: reasons, ratings, eNPS, then comments. */
function sliceSections(slice: ExitSlice, heading: string, t: Translator, locale: Locale, commentK: number): ReportSection[] {
  const lines: string[] = [];
  if (slice.reasons.length > 0) {
    lines.push(t('hr.results.reasons'));
    slice.reasons.forEach((r, i) =>
      lines.push(t('hr.results.reason', { rank: i + 1, reason: t(`exit.reason.${r.reason}`), count: r.count, share: formatNumber(locale, r.share, 0) })),
    );
  }
  for (const [topic, rating] of Object.entries(slice.ratings)) {
    if (rating === null) continue;
    lines.push(
      `• ${t('hr.results.rating', { topic: t(`exit.reason.${topic}` as MessageKey), mean: formatNumber(locale, rating.mean, 1), favourable: formatNumber(locale, rating.favourable, 0) })}`,
    );
  }
  if (slice.enps) {
    lines.push(
      t('results.enps', {
        score: formatSigned(locale, Math.round(slice.enps.score), 0),
        band: t(`enps.band.${slice.enps.band}`),
        moe: formatNumber(locale, slice.enps.marginOfError, 0),
      }),
    );
  }
  const sections: ReportSection[] = [{ heading, lines }];
  if (slice.comments === null) {
    lines.push(t('hr.results.commentsHidden', { k: commentK }));
    return sections;
  }
  for (const [questionId, key] of [
    ['exit-keep', 'hr.results.keep'],
    ['exit-comment', 'hr.results.comment'],
  ] as const) {
    const texts = slice.comments.filter((c) => c.questionId === questionId).map((c) => c.text.replace(/\s*\n+\s*/g, ' '));
    if (texts.length > 0) sections.push({ heading: `${t(key)} (${heading})`, lines: texts, quotes: true });
  }
  return sections;
}

/** Pooled exit-survey results (HR and admins), newest pool first. */
export function exitReport(results: ExitResults, locale: Locale): ReportView {
  const t = translator(locale);
  const k = results.minGroupSize;
  const sections: ReportSection[] = [];
  if (results.pools.length === 0) sections.push({ heading: null, lines: [t('hr.results.none', { k })] });
  if (results.pendingQuarters.length > 0)
    sections.push({ heading: null, lines: [t('hr.results.pending', { quarters: quarters(results.pendingQuarters), k })] });
  for (const pool of results.pools) {
    const org = pool.organisation;
    sections.push(
      ...sliceSections(org, t('hr.results.title', { quarters: quarters(pool.quarters), respondents: org.respondents }), t, locale, results.minCommentGroupSize),
    );
    for (const department of pool.departments) {
      const heading = t('hr.results.department', { department: department.name ?? department.segment, respondents: department.respondents });
      sections.push(...sliceSections(department, heading, t, locale, results.minCommentGroupSize));
    }
  }
  const title = t('summary.exit');
  return { kind: 'exit', notification: title, title, sections, footer: null, cutNote: t('teams.results.cut') };
}
