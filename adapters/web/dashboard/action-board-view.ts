import { actionText, ACTION_STATUSES, MAX_ACTION_CHARS, type ActionView } from '../../../src/domain/action-plan.js';
import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import { DRIVERS } from '../../../src/domain/drivers.js';
import type { MessageKey } from '../../../src/domain/i18n/en.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { translator, type Translator } from '../../../src/domain/i18n/translate.js';
import { escapeMarkup as e } from '../../../src/lib/escape-markup.js';
import type { LeaderLoad } from '../../../src/pulse/index.js';

export const ACTIONS_PATH = '/dashboard/actions';

export interface BoardPage {
  readonly locale: Locale;
  readonly actions: readonly ActionView[];
  /** Groups the viewer may commit for: id and name. */
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  /** HR and admins: each leader's counts; null for leaders. */
  readonly leaders: readonly LeaderLoad[] | null;
  readonly csrf: string | null;
  /** A line on top: saved, or what to fix. */
  readonly notice: string | null;
  readonly today: string;
  readonly defaultDue: string;
}

const score = (s: ActionView['before']) => (s === null ? '–' : `${Math.round(s.favourable)} % (${s.roundDate})`);

function csrfField(csrf: string | null): string {
  return csrf === null ? '' : `<input type="hidden" name="csrf" value="${e(csrf)}">`;
}

function statusSelect(t: Translator, current: string): string {
  const options = ACTION_STATUSES.map((s) => `<option value="${s}"${s === current ? ' selected' : ''}>${e(t(`plan.status.${s}`))}</option>`).join('');
  return `<select name="status" aria-label="${e(t('plan.status.label'))}">${options}</select>`;
}

function row(t: Translator, locale: Locale, a: ActionView, csrf: string | null, editable: boolean): string {
  const group = a.segment === ORG_ROOT ? t('results.org') : (a.segmentName ?? a.segment);
  const followUp =
    a.followUps.length === 0
      ? '–'
      : a.followUps
          .map(
            (f) =>
              `${f.roundDate}: ${t('plan.followUp.yes')} ${f.yes} · ${t('plan.followUp.somewhat')} ${f.somewhat} · ${t('plan.followUp.not_yet')} ${f.notYet}`,
          )
          .join('; ');
  const due = `${e(a.dueDate)}${a.overdue ? ` <strong class="overdue">${e(t('plan.board.overdue'))}</strong>` : ''}`;
  const edit = editable
    ? `<form method="post" action="${ACTIONS_PATH}/${encodeURIComponent(a.id)}">${csrfField(csrf)}${statusSelect(t, a.status)}<input type="date" name="dueDate" value="${e(a.dueDate)}" aria-label="${e(t('plan.board.due'))}"><button type="submit">${e(t('plan.board.save'))}</button></form>`
    : e(t(`plan.status.${a.status}`));
  return `<tr data-testid="action-row" data-action="${e(a.id)}"><td>${e(group)}</td><td>${e(actionText(a.words, locale))}${a.driver === null ? '' : ` <small>(${e(t(`driver.${a.driver}` as MessageKey))})</small>`}</td><td>${e(a.mine ? t('plan.board.you') : a.ownerLabel)}</td><td>${due}</td><td>${e(score(a.before))}</td><td>${e(score(a.now))}</td><td>${e(followUp)}</td><td>${edit}</td></tr>`;
}

function newActionForm(t: Translator, page: BoardPage): string {
  if (page.groups.length === 0) return '';
  const groups = page.groups.map((g) => `<option value="${e(g.id)}">${e(g.name)}</option>`).join('');
  const drivers = [
    `<option value="">${e(t('plan.board.noDriver'))}</option>`,
    ...DRIVERS.map((d) => `<option value="${d}">${e(t(`driver.${d}` as MessageKey))}</option>`),
  ].join('');
  return `<section><h2>${e(t('plan.new'))}</h2><form method="post" action="${ACTIONS_PATH}" data-testid="new-action">${csrfField(page.csrf)}
<label>${e(t('plan.modal.group'))} <select name="segment">${groups}</select></label>
<label>${e(t('plan.board.driver'))} <select name="driver">${drivers}</select></label>
<label>${e(t('plan.modal.words'))} <textarea name="words" maxlength="${MAX_ACTION_CHARS}" required></textarea></label>
<small>${e(t('plan.modal.wordsHint'))}</small>
<label>${e(t('plan.modal.due'))} <input type="date" name="dueDate" value="${e(page.defaultDue)}" min="${e(page.today)}" required></label>
<button type="submit">${e(t('plan.commit'))}</button></form></section>`;
}

function leadersTable(t: Translator, leaders: readonly LeaderLoad[]): string {
  const rows = leaders
    .map((l) => `<tr data-testid="leader-row"><td>${e(l.label)}</td><td>${l.awaitingReply}</td><td>${l.openActions}</td><td>${l.overdueActions}</td></tr>`)
    .join('');
  return `<section><h2>${e(t('plan.leaders.title'))}</h2><p>${e(t('plan.leaders.intro'))}</p><table data-testid="leaders"><thead><tr><th>${e(t('plan.leaders.leader'))}</th><th>${e(t('plan.leaders.awaiting'))}</th><th>${e(t('plan.leaders.open'))}</th><th>${e(t('plan.leaders.overdue'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The action board (issue #19): the actions the viewer may see, each editable by its owner or HR; a form for a new one; HR's per-leader counts. */
export function renderActionBoard(page: BoardPage): string {
  const t = translator(page.locale);
  const head = [
    'plan.board.group',
    'plan.board.action',
    'plan.board.owner',
    'plan.board.due',
    'plan.board.before',
    'plan.board.now',
    'plan.board.followUp',
    'plan.status.label',
  ]
    .map((k) => `<th>${e(t(k as MessageKey))}</th>`)
    .join('');
  const rows = page.actions.map((a) => row(t, page.locale, a, page.csrf, a.mine || page.leaders !== null)).join('');
  const table =
    page.actions.length === 0
      ? `<p data-testid="no-actions">${e(t('plan.none'))}</p>`
      : `<table data-testid="actions"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  return `<!doctype html><html lang="${page.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(t('plan.board.title'))}</title><link rel="stylesheet" href="/web/assets/web.css"></head>
<body class="dashboard"><header><strong>${e(t('plan.board.title'))}</strong> <a href="/dashboard">${e(t('web.dash.title'))}</a></header>
${page.notice === null ? '' : `<p class="notice" data-testid="notice">${e(page.notice)}</p>`}
<main>${table}${newActionForm(t, page)}${page.leaders === null ? '' : leadersTable(t, page.leaders)}</main></body></html>`;
}
