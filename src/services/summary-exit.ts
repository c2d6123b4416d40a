import type { Locale } from '../domain/i18n/locale.js';
import { translator } from '../domain/i18n/translate.js';
import { formatNumber, formatSigned } from '../domain/summary/number-format.js';
import type { ExitResultsLines } from '../domain/summary/summary-model.js';
import type { ServiceDeps } from './deps.js';
import { exitResults, type ExitPoolResults } from './exit-results.js';

const TOP_REASONS = 3;

function poolLines(pool: ExitPoolResults, locale: Locale): string[] {
  const t = translator(locale);
  const org = pool.organisation;
  const quarters = pool.quarters.length === 1 ? (pool.quarters[0] ?? '') : `${pool.quarters[0] ?? ''}–${pool.quarters.at(-1) ?? ''}`;
  const lines = [t('summary.exitPool', { quarters, respondents: org.respondents })];
  if (org.reasons.length > 0) {
    const reasons = org.reasons
      .slice(0, TOP_REASONS)
      .map((r) => `${t(`exit.reason.${r.reason}`)} (${t('summary.percent', { value: formatNumber(locale, r.share, 0) })})`);
    lines.push(t('summary.exitReasons', { reasons: reasons.join(', ') }));
  }
  if (org.enps) {
    lines.push(
      t('results.enps', {
        score: formatSigned(locale, Math.round(org.enps.score), 0),
        band: t(`enps.band.${org.enps.band}`),
        moe: formatNumber(locale, org.enps.marginOfError, 0),
      }),
    );
  }
  return lines;
}

/**
 * The exit section of HR's weekly summary: the newest pool of exit answers that passed the
 * threshold (organisation-wide: participation, top reasons, eNPS; no comments, which HR reads
 * with `/pulse results exit`), or null while none has.
 */
export async function exitSummaryLines(deps: ServiceDeps): Promise<ExitResultsLines | null> {
  const results = await exitResults(deps, { comments: false });
  const [newest] = results.pools;
  if (newest === undefined) return null;
  return { en: poolLines(newest, 'en'), nb: poolLines(newest, 'nb'), sv: poolLines(newest, 'sv') };
}
