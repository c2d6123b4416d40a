import type { ChartImage } from '../../src/domain/summary/summary-model.js';
import type { SummarySection } from '../../src/domain/summary/summary-text.js';
import { cardActivity, MAX_CARD_BYTES, type AdaptiveCardJson } from '../cards/prompt-card.js';

type Element = Record<string, unknown>;

/** What a results card shows: a title, sections (bold heading + lines), an optional footer. */
export interface ResultsCardContent {
  readonly title: string;
  readonly sections: readonly SummarySection[];
  readonly footer: string | null;
  /** Said at the end instead of the sections that did not fit (pulsebot's own text, markdown allowed). */
  readonly cutNote: string;
  /** Controls after the sections (action plans' status inputs) and the card's own actions (commit forms). */
  readonly controls?: { readonly body: readonly Element[]; readonly actions: readonly Element[] };
}

/**
 * Plain text in a RichTextBlock: a TextRun is never read as markdown, so comments and group
 * names people typed show as typed (no links, no formatting injected).
 */
function runs(value: string, style: Element = {}, block: Element = {}): Element {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value, ...style }], ...block };
}

function sectionContainer(section: SummarySection): Element {
  const items: Element[] = [];
  if (section.heading !== null) items.push(runs(section.heading, { weight: 'Bolder' }));
  for (const line of section.lines) items.push(runs(line, {}, { spacing: 'Small' }));
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function chartImage(chart: ChartImage): Element {
  return { type: 'Image', url: `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`, altText: chart.altText, size: 'Stretch' };
}

function card(content: ResultsCardContent, sections: readonly SummarySection[], cut: boolean, chart: ChartImage | null): AdaptiveCardJson {
  const body: Element[] = [runs(content.title, { size: 'Large', weight: 'Bolder' })];
  if (chart !== null) body.push(chartImage(chart));
  for (const section of sections) body.push(sectionContainer(section));
  if (cut) body.push({ type: 'TextBlock', text: `…\n\n${content.cutNote}`, wrap: true, isSubtle: true });
  body.push(...(content.controls?.body ?? []));
  if (content.footer !== null) body.push(runs(`🔒 ${content.footer}`, { isSubtle: true, size: 'Small' }, { separator: true, spacing: 'Medium' }));
  const actions = content.controls?.actions ?? [];
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** What the Bot Framework adds around a card on its way (conversation, from, recipient, ids): kept free under the limit. */
const ENVELOPE_BYTES = 1_000;

/** Bytes of the message that carries `c` (what Teams' size limit is about). */
export function activityBytes(c: AdaptiveCardJson, notification: string): number {
  return Buffer.byteLength(JSON.stringify(cardActivity(c, notification)));
}

export interface ResultsCard {
  readonly card: AdaptiveCardJson;
  /** The chart is inside the card as a data-URL Image. */
  readonly chartInCard: boolean;
  /** Sections left out to stay under the size limit (the cut note stands for them). */
  readonly droppedSections: number;
}

/**
 * A results card (Adaptive Card 1.5) whose message stays under `limit` bytes: whole sections
 * are dropped from the end (a note says so) rather than cut mid-line; the chart goes in
 * as a data-URL Image only when the message still fits with it.
 */
export function resultsCard(content: ResultsCardContent, notification: string, chart: ChartImage | null, limit = MAX_CARD_BYTES - ENVELOPE_BYTES): ResultsCard {
  let kept = content.sections.length;
  let plain = card(content, content.sections, false, null);
  if (activityBytes(plain, notification) >= limit) {
    // Sum the sections' sizes onto the empty card's (each adds its JSON and a comma), then check.
    let size = activityBytes(card(content, [], true, null), notification);
    kept = 0;
    for (const section of content.sections) {
      size += Buffer.byteLength(JSON.stringify(sectionContainer(section))) + 1;
      if (size >= limit) break;
      kept += 1;
    }
    plain = card(content, content.sections.slice(0, kept), true, null);
    while (kept > 0 && activityBytes(plain, notification) >= limit) {
      kept -= 1;
      plain = card(content, content.sections.slice(0, kept), true, null);
    }
  }
  const sections = content.sections.slice(0, kept);
  const dropped = content.sections.length - kept;
  if (chart !== null) {
    const withChart = card(content, sections, dropped > 0, chart);
    if (activityBytes(withChart, notification) < limit) return { card: withChart, chartInCard: true, droppedSections: dropped };
  }
  return { card: plain, chartInCard: false, droppedSections: dropped };
}

/** A message with only the chart, as an inline image (for when it does not fit in the card). */
export function chartActivity(chart: ChartImage) {
  return {
    type: 'message' as const,
    text: '',
    summary: chart.title,
    attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`, name: 'pulse-summary.png' }],
  };
}
