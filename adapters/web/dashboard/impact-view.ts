import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { Translator } from '../../../src/domain/i18n/translate.js';
import { worded } from '../../../src/domain/question.js';
import { escapeMarkup as esc } from '../../../src/lib/escape-markup.js';
import { MIN_IMPACT_PAIRS, type DashboardModel } from '../../../src/pulse/index.js';

const intl: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

type Impact = DashboardModel['impact'];
type Item = Impact['groups'][number]['items'][number];

function subjectLabel(item: Item, impact: Impact, t: Translator, locale: Locale): string {
  if ('driver' in item.subject) return t(`driver.${item.subject.driver}` as MessageKey);
  const question = impact.questions[item.subject.questionId];
  return question === undefined ? item.subject.questionId : worded(question.text, locale, t);
}

/** "What goes with eNPS": per visible group with enough paired answers, the ranking with priorities marked (issue #20). */
export function impactSection(impact: Impact, t: Translator, locale: Locale): string {
  const head = `<h2>${esc(t('impact.heading'))}</h2>`;
  if (impact.groups.length === 0) return `${head}<p data-testid="impact-none">${esc(t('impact.none', { min: MIN_IMPACT_PAIRS }))}</p>`;
  const f2 = new Intl.NumberFormat(intl[locale], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const f0 = new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 });
  const tables = impact.groups.map((group) => {
    const name = group.segment === ORG_ROOT ? t('results.org') : (group.name ?? group.segment);
    const rows = group.items
      .map((item) => {
        const mark = item.priority ? ` <strong class="priority">${esc(t('impact.priorityMark'))}</strong>` : '';
        const favourable = item.favourable === null ? '–' : `${f0.format(item.favourable)} %`;
        return `<tr${item.priority ? ' class="priority"' : ''}><td>${esc(subjectLabel(item, impact, t, locale))}${mark}</td><td>${esc(f2.format(item.r))}</td><td>${esc(`${f2.format(item.low)} – ${f2.format(item.high)}`)}</td><td>${item.n}</td><td>${esc(favourable)}</td></tr>`;
      })
      .join('');
    return `<h3>${esc(name)}</h3><table data-testid="impact" data-segment="${esc(group.segment)}"><thead><tr><th>${esc(t('impact.col.subject'))}</th><th>${esc(t('impact.col.r'))}</th><th>${esc(t('impact.col.interval'))}</th><th>${esc(t('impact.col.n'))}</th><th>${esc(t('impact.col.favourable'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
  });
  return `${head}<p>${esc(t('impact.intro', { months: impact.months, rounds: impact.rounds }))}</p>${tables.join('')}`;
}
