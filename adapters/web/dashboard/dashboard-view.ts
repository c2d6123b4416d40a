import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../../src/domain/i18n/translate.js';
import { escapeMarkup as esc } from '../../../src/lib/escape-markup.js';
import { lineChart } from './svg-chart.js';
import { surveysSection } from './survey-results-view.js';
import { impactSection } from './impact-view.js';
import { heatmapSection } from './heatmap-view.js';
import type { DashboardModel, ExitResults, RoundResults } from '../../../src/pulse/index.js';

const intl: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

function numbers(locale: Locale) {
  const f0 = new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 });
  const f1 = new Intl.NumberFormat(intl[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signed = (v: number | null, digits: 0 | 1) =>
    v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${(digits === 0 ? f0 : f1).format(Math.abs(digits === 0 ? Math.round(v) : v))}`;
  return { f0, f1, signed };
}

const segmentName = (t: Translator, segment: string, name: string | null) => (segment === ORG_ROOT ? t('results.org') : (name ?? segment));

function liveSection(model: DashboardModel, t: Translator, locale: Locale): string {
  if (model.live.length === 0) return `<p class="live" data-testid="live">${esc(t('web.dash.noLive'))}</p>`;
  const { f0 } = numbers(locale);
  return model.live
    .map((l) =>
      l.respondents === null || l.invited === null
        ? `<p class="live" data-testid="live">${esc(t('web.dash.liveHidden', { date: l.date, k: model.k }))}</p>`
        : `<p class="live" data-testid="live">${esc(t('web.dash.live', { date: l.date, respondents: l.respondents, invited: l.invited, rate: f0.format(l.rate ?? 0) }))}</p>`,
    )
    .join('');
}

function charts(model: DashboardModel, t: Translator): string {
  return model.history
    .map((series) => {
      const name = segmentName(t, series.segment, series.name);
      if (series.points.length === 0) return `<h3>${esc(name)}</h3><p>${esc(t('web.dash.noData'))}</p>`;
      const labels = series.points.map((p) => p.date.slice(5));
      const enps = lineChart(
        series.points.map((p, i) => ({ label: labels[i] ?? '', value: p.enps })),
        { min: -100, max: 100, title: `${t('web.dash.enps')}: ${name}` },
      );
      const part = lineChart(
        series.points.map((p, i) => ({ label: labels[i] ?? '', value: p.participation })),
        { min: 0, max: 100, title: `${t('web.dash.participation')}: ${name}` },
      );
      return `<h3>${esc(name)}</h3><div class="charts"><figure><figcaption>${esc(t('web.dash.enps'))}</figcaption>${enps}</figure><figure><figcaption>${esc(t('web.dash.participation'))}</figcaption>${part}</figure></div>`;
    })
    .join('');
}

function latestSection(latest: RoundResults | null, t: Translator, locale: Locale): string {
  if (latest === null) return `<p>${esc(t('web.dash.noResults'))}</p>`;
  const { f0, f1, signed } = numbers(locale);
  const rows = latest.segments
    .map((s) => {
      const name = esc(segmentName(t, s.segment, s.name));
      if (!s.visible)
        return `<tr class="hidden-group" data-segment="${esc(s.segment)}"><td>${name}</td><td colspan="3" class="suppressed">${esc(t('web.dash.hidden'))}</td></tr>`;
      const part = s.respondents === null || s.invited === null ? '–' : `${s.respondents}/${s.invited} (${f0.format(s.participationRate ?? 0)} %)`;
      return `<tr data-segment="${esc(s.segment)}"><td>${name}</td><td>${esc(part)}</td><td>${esc(s.enps ? signed(s.enps.score, 0) : '–')}</td><td>${esc(signed(s.enpsChange, 0))}</td></tr>`;
    })
    .join('');
  const top = latest.segments.find((s) => s.visible);
  const drivers = top
    ? `<h3>${esc(t('web.dash.drivers', { segment: segmentName(t, top.segment, top.name) }))}</h3><table><thead><tr><th>${esc(t('web.dash.col.driver'))}</th><th>${esc(t('web.dash.col.mean'))}</th><th>${esc(t('web.dash.col.favourable'))}</th><th>${esc(t('web.dash.col.change'))}</th></tr></thead><tbody>${top.drivers
        .map(
          (d) =>
            `<tr><td>${esc(t(`driver.${d.driver}` as MessageKey))}</td><td>${esc(f1.format(d.mean))}</td><td>${esc(f0.format(d.favourable))} %</td><td>${esc(signed(d.changeInMean, 1))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return `<h2>${esc(t('web.dash.latest', { date: latest.round.date }))}</h2><table data-testid="segments"><thead><tr><th>${esc(t('web.dash.segment'))}</th><th>${esc(t('web.dash.col.participation'))}</th><th>${esc(t('web.dash.col.enps'))}</th><th>${esc(t('web.dash.col.change'))}</th></tr></thead><tbody>${rows}</tbody></table>${drivers}`;
}

function exitSection(exit: ExitResults, t: Translator, locale: Locale): string {
  const { f0, f1 } = numbers(locale);
  const parts = [`<h2>${esc(t('web.dash.exit'))}</h2>`];
  if (exit.pools.length === 0) parts.push(`<p>${esc(t('web.dash.exitNone'))}</p>`);
  for (const pool of exit.pools) {
    const org = pool.organisation;
    parts.push(`<h3>${esc(t('web.dash.exitPool', { quarters: pool.quarters.join(', '), respondents: org.respondents }))}</h3>`);
    parts.push(
      `<table><thead><tr><th>${esc(t('web.dash.reason'))}</th><th>%</th></tr></thead><tbody>${org.reasons.map((r) => `<tr><td>${esc(t(`exit.reason.${r.reason}` as MessageKey))}</td><td>${esc(f0.format(r.share))} %</td></tr>`).join('')}</tbody></table>`,
    );
    const ratings = Object.entries(org.ratings).filter(([, v]) => v !== null);
    if (ratings.length > 0)
      parts.push(
        `<ul>${ratings.map(([topic, v]) => `<li>${esc(t(`exit.reason.${topic}` as MessageKey))}: ${esc(f1.format(v?.mean ?? 0))} / 5</li>`).join('')}</ul>`,
      );
    if (org.comments === null) parts.push(`<p class="suppressed">${esc(t('web.dash.commentsHidden'))}</p>`);
    else if (org.comments.length > 0)
      parts.push(`<h4>${esc(t('web.dash.comments'))}</h4><ul class="comments">${org.comments.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul>`);
  }
  if (exit.pendingQuarters.length > 0) parts.push(`<p>${esc(t('web.dash.exitPending', { quarters: exit.pendingQuarters.join(', ') }))}</p>`);
  return parts.join('');
}

/** The dashboard body as HTML (every text from the catalogs, every value escaped). */
export function renderDashboard(model: DashboardModel, locale: Locale, updatedAt: string): string {
  const t = translator(locale);
  return [
    // HR and admins (who alone get exit results) write surveys in the editor.
    model.exit ? `<p class="editor-link"><a href="/dashboard/surveys" data-testid="survey-editor-link">${esc(t('web.surveys.title'))}</a></p>` : '',
    `<p class="threshold">${esc(t('web.dash.threshold', { k: model.k, kc: model.kComments }))}</p>`,
    liveSection(model, t, locale),
    charts(model, t),
    latestSection(model.latest, t, locale),
    heatmapSection(model.heatmap, model.k, t, locale),
    model.latest === null ? '' : impactSection(model.impact, t, locale),
    surveysSection(model.surveys, t, locale, model.conversations),
    model.exit ? exitSection(model.exit, t, locale) : '',
    `<p class="updated">${esc(t('web.dash.updated', { time: updatedAt }))}</p>`,
  ].join('\n');
}
