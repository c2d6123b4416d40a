import { actionKey } from '../actions/action-catalog.js';
import { ORG_ROOT } from '../anonymity/segment-tree.js';
import type { MessageKey } from '../i18n/en.js';
import type { Locale } from '../i18n/locale.js';
import { translator, type Translator } from '../i18n/translate.js';
import { actionLines } from './action-lines.js';
import { attributeLabel, attributeValueLabel } from '../people/attribute-labels.js';
import { IMPACT_MONTHS } from '../insight/driver-impact.js';
import { formatNumber, formatSigned } from './number-format.js';
import type { DriverScore, SegmentSummary, Summary, VisibleSegmentSummary } from './summary-model.js';

/** A summary in one language, as plain text every surface can lay out: a title, sections, a footer. */
export interface SummaryText {
  /** For notifications and clients that cannot show rich layouts. */
  readonly notification: string;
  readonly title: string;
  readonly sections: readonly SummarySection[];
  readonly footer: string;
}

export interface SummarySection {
  /** A heading to show in bold (a segment's name, "Suggested actions"…), or null. */
  readonly heading: string | null;
  readonly lines: readonly string[];
}

/** How many rounds the participation trend line lists (the chart shows more). */
const TREND_POINTS = 4;

export function segmentLabel(t: Translator, segment: Pick<SegmentSummary, 'segment' | 'name'>): string {
  return segment.segment === ORG_ROOT ? t('results.org') : (segment.name ?? segment.segment);
}

function driverLine(t: Translator, locale: Locale, d: DriverScore): string {
  let line = `• ${t('results.driver', { driver: t(`driver.${d.driver}` as MessageKey), mean: formatNumber(locale, d.mean, 1), favourable: formatNumber(locale, d.favourable, 0) })}`;
  if (d.meanChange !== null) line += ` · ${t('results.change', { change: formatSigned(locale, d.meanChange, 1) })}`;
  return line;
}

function scoreLines(t: Translator, locale: Locale, s: VisibleSegmentSummary): string[] {
  const lines: string[] = [];
  let participation = t('results.participation', { respondents: s.respondents, invited: s.invited, rate: formatNumber(locale, s.participation ?? 0, 0) });
  if (s.participationChange !== null) participation += ` · ${t('results.change', { change: formatSigned(locale, s.participationChange, 0) })}`;
  lines.push(participation);
  const rates = s.trend
    .map((p) => p.participation)
    .filter((p): p is number => p !== null)
    .slice(-TREND_POINTS);
  if (rates.length >= 2) {
    lines.push(
      t('summary.participationTrend', { n: rates.length, points: rates.map((r) => t('summary.percent', { value: formatNumber(locale, r, 0) })).join(' → ') }),
    );
  }
  if (s.enps) {
    let line = t('results.enps', {
      score: formatSigned(locale, Math.round(s.enps.score), 0),
      band: t(`enps.band.${s.enps.band}`),
      moe: formatNumber(locale, s.enps.marginOfError, 0),
    });
    if (s.enpsChange !== null) line += ` · ${t('results.change', { change: formatSigned(locale, Math.round(s.enpsChange), 0) })}`;
    lines.push(line);
  }
  for (const d of s.drivers) lines.push(driverLine(t, locale, d));
  const { up, down } = s.biggestMover;
  const driverName = (d: DriverScore) => t(`driver.${d.driver}` as MessageKey);
  if (up?.meanChange != null) lines.push(t('summary.moverUp', { driver: driverName(up), change: formatSigned(locale, up.meanChange, 1) }));
  if (down?.meanChange != null) lines.push(t('summary.moverDown', { driver: driverName(down), change: formatSigned(locale, down.meanChange, 1) }));
  const top = s.priority;
  if (top !== undefined && top !== null && 'driver' in top.subject) {
    lines.push(
      t('impact.priority', {
        driver: t(`driver.${top.subject.driver}` as MessageKey),
        favourable: formatNumber(locale, top.favourable ?? 0, 0),
        r: formatNumber(locale, top.r, 2),
        low: formatNumber(locale, top.low, 2),
        high: formatNumber(locale, top.high, 2),
        n: top.n,
        months: IMPACT_MONTHS,
      }),
    );
  }
  return lines;
}

function segmentSections(t: Translator, locale: Locale, s: SegmentSummary, k: number): SummarySection[] {
  const name = segmentLabel(t, s);
  if (!s.visible) return [{ heading: null, lines: [t('results.hidden', { segment: name, k })] }];
  const sections: SummarySection[] = [{ heading: name, lines: scoreLines(t, locale, s) }];
  if (s.comments !== null && s.comments.length > 0) {
    sections.push({ heading: `${t('summary.comments')} (${name})`, lines: s.comments.map((c) => t('summary.comment', { text: c.text, date: c.roundDate })) });
  }
  if (s.themes !== undefined && s.themes !== null && s.themes.length > 0) {
    sections.push({
      heading: `${t('themes.heading')} (${name})`,
      lines: s.themes.map(
        (c) => `• ${t('themes.item', { theme: t(`theme.${c.theme}`), n: c.n, negative: c.negative, neutral: c.neutral, positive: c.positive })}`,
      ),
    });
  }
  if (s.actions.length > 0) {
    sections.push({
      heading: `${t('summary.actions')} (${name})`,
      lines: s.actions.map((a) => `• ${t('summary.action', { driver: t(`driver.${a.driver}` as MessageKey), action: t(actionKey(a) as MessageKey) })}`),
    });
  }
  return sections;
}

/** The summary's text in `locale`. Hidden segments get one line and nothing else. */
export function summaryText(summary: Summary, locale: Locale): SummaryText {
  const t = translator(locale);
  const params = { survey: summary.surveyName, date: summary.round.date };
  const sections = summary.segments.flatMap((s) => segmentSections(t, locale, s, summary.minGroupSize));
  if (summary.openActions !== undefined && summary.openActions.length > 0)
    sections.push({ heading: t('plan.summary.heading'), lines: actionLines(t, locale, summary.openActions) });
  for (const survey of summary.surveys ?? [])
    sections.push({ heading: t('summary.survey', { survey: survey.name, date: survey.date }), lines: survey.lines[locale] });
  for (const cut of summary.attributes ?? []) {
    const attribute = attributeLabel(t, cut.attribute);
    const lines = cut.values.map(
      (v) =>
        `• ${t('summary.attributeEnps', { value: attributeValueLabel(t, cut.attribute, v.value, v.other), score: formatSigned(locale, Math.round(v.enps), 0) })}`,
    );
    if (cut.hidden > 0) lines.push(t('summary.attributeHidden', { n: cut.hidden, k: summary.minGroupSize }));
    sections.push({ heading: t('summary.byAttribute', { attribute }), lines });
  }
  const exit = summary.exitResults?.[locale] ?? [];
  if (exit.length > 0) sections.push({ heading: t('summary.exit'), lines: exit });
  return {
    notification: t('summary.notification'),
    title: t(summary.audience === 'org' ? 'summary.title.org' : 'summary.title.leader', params),
    sections,
    footer: t('summary.footer', { k: summary.minGroupSize }),
  };
}
