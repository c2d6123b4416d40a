import { actionText, type ActionView } from '../action-plan.js';
import { ORG_ROOT } from '../anonymity/segment-tree.js';
import type { MessageKey } from '../i18n/en.js';
import type { Locale } from '../i18n/locale.js';
import type { Translator } from '../i18n/translate.js';
import { formatNumber } from './number-format.js';

/**
 * A reader's open actions as summary lines (issue #19): what, for which group, its status and due
 * date; the driver's % favourable when it was committed and now; what the follow-up question
 * says so far; and a nudge when the due date has passed.
 */
export function actionLines(t: Translator, locale: Locale, actions: readonly ActionView[]): string[] {
  return actions.flatMap((a) => {
    const group = a.segment === ORG_ROOT ? t('results.org') : (a.segmentName ?? a.segment);
    const lines = [t('plan.summary.line', { action: actionText(a.words, locale), group, status: t(`plan.status.${a.status}`), date: a.dueDate })];
    if (a.driver !== null && a.before !== null) {
      const driver = t(`driver.${a.driver}` as MessageKey);
      const before = formatNumber(locale, a.before.favourable, 0);
      lines.push(
        a.now !== null && a.now.roundDate > a.before.roundDate
          ? t('plan.summary.scores', {
              driver,
              before,
              beforeDate: a.before.roundDate,
              now: formatNumber(locale, a.now.favourable, 0),
              nowDate: a.now.roundDate,
            })
          : t('plan.summary.scoresBefore', { driver, before, beforeDate: a.before.roundDate }),
      );
    }
    for (const f of a.followUps) lines.push(t('plan.summary.followUp', { date: f.roundDate, yes: f.yes, somewhat: f.somewhat, notYet: f.notYet, n: f.n }));
    if (a.overdue) lines.push(t('plan.summary.overdue'));
    return lines;
  });
}
