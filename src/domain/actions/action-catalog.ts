import type { ActionWords } from '../action-plan.js';
import type { Driver } from '../drivers.js';
import type { MessageKey } from '../i18n/en.js';
import type { Locale } from '../i18n/locale.js';
import { t } from '../i18n/translate.js';
import type { SuggestedAction } from '../summary/summary-model.js';

/** How many actions the catalog holds per driver (keys `action.<driver>.<n>`, n from 1, in results-*.ts). */
export const ACTIONS_PER_DRIVER = 2;

/** A driver counts as weak below this share of favourable answers (4–5 of 5). */
export const WEAK_FAVOURABLE = 70;
export const MAX_ACTIONS = 3;

export function actionKey(action: SuggestedAction): `action.${Driver}.${number}` {
  return `action.${action.driver}.${action.index + 1}`;
}

/**
 * One to three actions tied to the weakest drivers (measure → analyse → act): every driver
 * under 70% favourable, weakest first (lowest % favourable, then lowest mean), at most three;
 * when none is under the bar, the single weakest, so there is always one thing to work on.
 * `variant` (the ISO week number) picks which of a driver's actions, so suggestions vary.
 */
export function suggestActions(
  drivers: readonly { readonly driver: Driver; readonly favourable: number; readonly mean: number }[],
  variant: number,
): SuggestedAction[] {
  const sorted = [...drivers].sort((a, b) => a.favourable - b.favourable || a.mean - b.mean || a.driver.localeCompare(b.driver));
  const weak = sorted.filter((d) => d.favourable < WEAK_FAVOURABLE).slice(0, MAX_ACTIONS);
  const chosen = weak.length > 0 ? weak : sorted.slice(0, 1);
  return chosen.map((d) => ({ driver: d.driver, index: Math.abs(variant) % ACTIONS_PER_DRIVER }));
}

/** A suggested action's words in one language. */
export function suggestionText(action: SuggestedAction, locale: Locale): string {
  return t(locale, actionKey(action) as MessageKey);
}

/**
 * What a leader committed to from a suggestion: the catalog's action when they kept its words (so
 * each member reads it in their own language), else their own words.
 */
export function committedWords(suggested: SuggestedAction | null, written: string, locale: Locale): ActionWords {
  const text = written.trim();
  if (suggested !== null && text === suggestionText(suggested, locale).trim()) return { catalogKey: actionKey(suggested) };
  return { text };
}
