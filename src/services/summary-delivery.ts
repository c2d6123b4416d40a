import { resolveLocale, type Locale } from '../domain/i18n/locale.js';
import { isValidZone } from '../domain/schedule.js';
import type { ChartImage, Summary } from '../domain/summary/summary-model.js';
import { dueSummaryWeek, type SummarySchedule } from '../domain/summary/summary-schedule.js';
import { summaryText } from '../domain/summary/summary-text.js';
import type { Recipient } from '../ports/chat-platform.js';
import { SummaryDeliveriesRepo, summaryDeliveryId } from '../store/summary-deliveries-repo.js';
import type { PlatformRegistry } from './deliver-due.js';
import type { ServiceDeps } from './deps.js';
import { buildSummary } from './summary.js';
import { summaryChart } from './summary-chart.js';
import { loadSummaryContext, type SummaryContext } from './summary-context.js';
import { summaryReaders, type SummaryReader } from './summary-readers.js';
import { DEFAULT_SURVEY_ID } from './surveys.js';

export interface SummaryDeliveryOptions {
  readonly schedule: SummarySchedule;
  readonly surveyId?: string;
  /** On shutdown: no new send starts. */
  readonly signal?: AbortSignal;
}

export interface SummaryReport {
  readonly sent: number;
  readonly failed: number;
}

interface Due {
  readonly reader: SummaryReader;
  readonly week: string;
  readonly id: string;
  readonly weekNumber: number;
}

/** Readers whose weekly summary is due now on their own clock, with their ISO week. */
function dueReaders(deps: ServiceDeps, readers: readonly SummaryReader[], schedule: SummarySchedule): Due[] {
  const now = deps.clock.now();
  return readers.flatMap((reader) => {
    const zone = reader.person.timezone !== null && isValidZone(reader.person.timezone) ? reader.person.timezone : deps.settings.defaultTimezone;
    const week = dueSummaryWeek(now.setZone(zone), schedule);
    if (week === null) return [];
    return [{ reader, week, id: summaryDeliveryId(week, reader.person._id), weekNumber: Number(week.slice(-2)) }];
  });
}

/**
 * Sends every weekly summary that is due: claim → send → record, once per reader per ISO week
 * of their own clock. The claim is a document with a unique id, so a second process, a second
 * tick or a restart finds it and sends nothing. A send that throws is retried on a later tick (up
 * to 3 tries); one caught by a crash between send and record stays claimed and is not resent,
 * since a second copy is worse than a missing one. Nothing goes out before a round has closed.
 */
export async function sendDueSummaries(deps: ServiceDeps, platforms: PlatformRegistry, options: SummaryDeliveryOptions): Promise<SummaryReport> {
  const report = { sent: 0, failed: 0 };
  const repo = new SummaryDeliveriesRepo(deps.store.database);
  const candidates = dueReaders(deps, await summaryReaders(deps), options.schedule);
  if (candidates.length === 0) return report;
  const settled = await repo.settled(candidates.map((c) => c.id));
  const due = candidates.filter((c) => !settled.has(c.id));
  if (due.length === 0) return report;
  const context = await loadSummaryContext(deps, options.surveyId ?? DEFAULT_SURVEY_ID);
  if (context === null) return report;

  const charts = new Map<string, Promise<ChartImage | null>>();
  const chartFor = (summary: Summary, locale: Locale) => {
    const key = `${summary.round.id}|${summary.chartSegment ?? ''}|${locale}`;
    let chart = charts.get(key);
    if (chart === undefined) {
      chart = summaryChart(summary, locale);
      charts.set(key, chart);
    }
    return chart;
  };
  for (const item of due) {
    if (options.signal?.aborted === true) break;
    const outcome = await sendOne(deps, platforms, repo, context, item, chartFor);
    if (outcome === 'sent') report.sent++;
    else if (outcome === 'failed') report.failed++;
  }
  return report;
}

async function sendOne(
  deps: ServiceDeps,
  platforms: PlatformRegistry,
  repo: SummaryDeliveriesRepo,
  context: SummaryContext,
  item: Due,
  chartFor: (summary: Summary, locale: Locale) => Promise<ChartImage | null>,
): Promise<'sent' | 'failed' | 'skipped'> {
  const { person } = item.reader;
  const logger = deps.logger.child({ summary: item.week });
  const platform = platforms.get(person.platform);
  if (platform?.sendSummary === undefined) return 'skipped';
  const summary = await buildSummary(deps, context, {
    audience: item.reader.audience,
    scope: item.reader.scope,
    variant: item.weekNumber,
    reader: person._id,
  });
  if (summary.segments.length === 0) return 'skipped';
  if (!(await repo.claim(item.week, person._id, deps.clock.now().toJSDate()))) return 'skipped';
  const locale = resolveLocale(person.locale, deps.settings.defaultLocale);
  const recipient: Recipient = { platform: person.platform, tenant: person.tenant, userId: person.userId, locale };
  try {
    const chart = await chartFor(summary, locale);
    const ref = await platform.sendSummary(recipient, { summary, text: summaryText(summary, locale), chart });
    await repo.markSent(item.id, summary.round.id, ref.channel, ref.messageId);
    return 'sent';
  } catch (error) {
    const code = error instanceof Error ? error.message : 'unknown_error';
    logger.warn({ platform: person.platform, code: code.slice(0, 200) }, 'summary not sent');
    await repo.markFailed(item.id, code);
    return 'failed';
  }
}
