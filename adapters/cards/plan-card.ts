import { z } from 'zod';
import { actionText, ACTION_STATUSES, MAX_ACTION_CHARS } from '../../src/domain/action-plan.js';
import { suggestionText } from '../../src/domain/actions/action-catalog.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { Summary } from '../../src/domain/summary/summary-model.js';

/** Committing to an action and changing its status from a summary card (issue #19). */
export const PLAN_COMMIT_VERB = 'pulse.plan.commit';
export const PLAN_STATUS_VERB = 'pulse.plan.status';
/** Few enough to keep a summary card well under Teams' size limit (and its action bar readable). */
const MAX_COMMIT_FORMS = 4;
const MAX_STATUS_INPUTS = 3;

type Element = Record<string, unknown>;

/** What a commit form sends back: the group, the suggestion it started from (if any), and its form's number `f`, whose inputs are `words-<f>` and `due-<f>`. */
const planCommitDataSchema = z
  .object({
    s: z.string().min(1).max(200),
    d: z.enum(DRIVERS).optional(),
    i: z.number().int().min(0).max(9).optional(),
    f: z.number().int().min(0).max(20),
  })
  .loose();

export interface PlanCommit {
  readonly s: string;
  readonly d?: (typeof DRIVERS)[number];
  readonly i?: number;
  readonly words: string;
  readonly due: string;
}

export function parsePlanCommit(data: unknown): PlanCommit | null {
  const parsed = planCommitDataSchema.safeParse(data);
  if (!parsed.success) return null;
  const { s, d, i, f } = parsed.data;
  const input = (name: string) => {
    const value = (parsed.data as Record<string, unknown>)[`${name}-${f}`];
    return typeof value === 'string' ? value.slice(0, 4000) : '';
  };
  return { s, ...(d === undefined ? {} : { d }), ...(i === undefined ? {} : { i }), words: input('words'), due: input('due') };
}

/** What a status change sends back: the action, and the status picked in its own input (`status-<id>`). */
export function parsePlanStatus(data: unknown): { id: string; status: (typeof ACTION_STATUSES)[number] } | null {
  const parsed = z
    .object({ a: z.string().min(1).max(64) })
    .loose()
    .safeParse(data);
  if (!parsed.success) return null;
  const status = z.enum(ACTION_STATUSES).safeParse((parsed.data as Record<string, unknown>)[`status-${parsed.data.a}`]);
  return status.success ? { id: parsed.data.a, status: status.data } : null;
}

function commitForm(locale: Locale, data: { s: string; d?: (typeof DRIVERS)[number]; i?: number; f: number }, dueDate: string): Element {
  const t = translator(locale);
  const suggested = data.d !== undefined && data.i !== undefined ? suggestionText({ driver: data.d, index: data.i }, locale) : '';
  return {
    type: 'AdaptiveCard',
    body: [
      {
        type: 'Input.Text',
        id: `words-${data.f}`,
        label: t('plan.modal.words'),
        isMultiline: true,
        maxLength: MAX_ACTION_CHARS,
        value: suggested,
        isRequired: true,
        errorMessage: t('plan.error.words'),
      },
      { type: 'TextBlock', text: t('plan.modal.wordsHint'), wrap: true, isSubtle: true, size: 'Small' },
      { type: 'Input.Date', id: `due-${data.f}`, label: t('plan.modal.due'), value: dueDate, isRequired: true, errorMessage: t('plan.error.due') },
    ],
    actions: [{ type: 'Action.Execute', verb: PLAN_COMMIT_VERB, title: t('plan.commit'), data }],
  };
}

/**
 * What a summary card adds for plans: an Action.ShowCard per suggested action and one for the
 * leader's own words (each a small form: the words, a due date, Commit), and for each of the
 * reader's open actions (the first five) a status input and a Save button.
 */
export function planCardParts(summary: Summary, locale: Locale, dueDate: string): { body: Element[]; actions: Element[] } {
  const t = translator(locale);
  const forms: { title: string; data: { s: string; d?: (typeof DRIVERS)[number]; i?: number } }[] = [];
  for (const segment of summary.segments) {
    if (!segment.visible || segment.actions.length === 0) continue;
    for (const a of segment.actions)
      forms.push({ title: `${t('plan.commit')}: ${t(`driver.${a.driver}` as MessageKey)}`, data: { s: segment.segment, d: a.driver, i: a.index } });
    forms.push({ title: t('plan.new'), data: { s: segment.segment } });
  }
  const actions = forms
    .slice(0, MAX_COMMIT_FORMS)
    .map((form, f) => ({ type: 'Action.ShowCard', title: form.title, card: commitForm(locale, { ...form.data, f }, dueDate) }));
  const body = (summary.openActions ?? []).slice(0, MAX_STATUS_INPUTS).map((action) => ({
    type: 'Container',
    separator: true,
    items: [
      { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: actionText(action.words, locale) }] },
      {
        type: 'Input.ChoiceSet',
        id: `status-${action.id}`,
        label: t('plan.status.label'),
        value: action.status,
        choices: ACTION_STATUSES.map((s) => ({ title: t(`plan.status.${s}`), value: s })),
      },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', verb: PLAN_STATUS_VERB, title: t('plan.board.save'), data: { a: action.id } }] },
    ],
  }));
  return { body, actions };
}
