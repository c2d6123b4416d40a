import type { ActionView } from '../action-plan.js';
import type { Driver } from '../drivers.js';
import type { ThemeCount } from '../insight/theme-counts.js';
import type { ImpactItem } from '../insight/driver-impact.js';
import type { Locale } from '../i18n/locale.js';
import type { Enps } from '../metrics/enps.js';

/**
 * A results summary as every chat surface renders it: numbers only where the anonymity rules
 * let them be shown, already worked out. Platform-neutral: no markup, no language.
 */

export interface DriverScore {
  readonly driver: Driver;
  readonly respondents: number;
  /** Likert mean, 1–5. */
  readonly mean: number;
  /** % answering 4–5. */
  readonly favourable: number;
  /** Change since the previous round that asked this driver (both shown), else null. */
  readonly meanChange: number | null;
  readonly favourableChange: number | null;
  /** The round these scores are from (drivers rotate, so not always the latest). */
  readonly roundDate: string;
}

/** One point of a trend, per round, oldest first; null where the round did not ask it or it was hidden. */
export interface TrendPoint {
  readonly roundDate: string;
  readonly enps: number | null;
  readonly participation: number | null;
}

/** A comment shown to a leader: its text and the date of its round, and its id to reply to (issue #19), nothing more. */
export interface SummaryComment {
  readonly id: string;
  readonly roundDate: string;
  readonly text: string;
}

export interface SuggestedAction {
  readonly driver: Driver;
  /** Which of the catalog's actions for the driver (0-based). */
  readonly index: number;
}

export interface VisibleSegmentSummary {
  readonly segment: string;
  readonly name: string | null;
  readonly visible: true;
  readonly invited: number;
  readonly respondents: number;
  /** respondents / invited in percent; null when nobody was invited. */
  readonly participation: number | null;
  readonly participationChange: number | null;
  readonly enps: Enps | null;
  readonly enpsChange: number | null;
  readonly drivers: readonly DriverScore[];
  readonly biggestMover: { readonly up: DriverScore | null; readonly down: DriverScore | null };
  /** Last rounds, oldest first (at most 12). */
  readonly trend: readonly TrendPoint[];
  /** Up to 5, shuffled; null when the comment threshold is not met (then nothing is said of them). */
  readonly comments: readonly SummaryComment[] | null;
  /** What all the group's comments are about (issue #20); null or absent when comments are not shown. */
  readonly themes?: readonly ThemeCount[] | null;
  readonly actions: readonly SuggestedAction[];
  /** The weak driver that goes most with eNPS over the last year (issue #20); null or absent when none. */
  readonly priority?: ImpactItem | null;
}

/** Below the threshold, or hidden so it cannot be worked out by subtraction: only its name. */
export interface HiddenSegmentSummary {
  readonly segment: string;
  readonly name: string | null;
  readonly visible: false;
}

export type SegmentSummary = VisibleSegmentSummary | HiddenSegmentSummary;

/** eNPS per value of one attribute HR marked reportable (issue #20): the values shown only. */
export interface AttributeEnps {
  readonly attribute: string;
  /** `other`: the values invited by fewer than k people, counted together. */
  readonly values: readonly { readonly value: string; readonly other: boolean; readonly enps: number }[];
  /** How many of the attribute's values are not shown. */
  readonly hidden: number;
}

export interface Summary {
  /** `leader`: the segments someone leads; `org`: the whole organisation, for HR and admins. */
  readonly audience: 'leader' | 'org';
  readonly surveyId: string;
  readonly surveyName: string;
  /** The latest closed round the summary is of. */
  readonly round: { readonly id: string; readonly date: string };
  readonly minGroupSize: number;
  readonly segments: readonly SegmentSummary[];
  /** The segment the chart is drawn for (the first visible root in scope), or null for no chart. */
  readonly chartSegment: string | null;
  /**
   * Exit-survey results for HR and admins, as lines in each language, from the exit-results
   * service (buildSummary reads them for HR and admins). Absent for leaders, and when no
   * quarter has passed the threshold.
   */
  readonly exitResults?: ExitResultsLines;
  /** The reader's open actions (issue #19), with the driver's score when committed and now; absent when none. */
  readonly openActions?: readonly ActionView[];
  /** Surveys HR marked for the summaries (`inSummary`) whose round closed in the last week. */
  readonly surveys?: readonly SurveySummaryLines[];
  /** eNPS by attribute, in summaries of the whole organisation only (a leader's group cut by attribute would be a combination). */
  readonly attributes?: readonly AttributeEnps[];
}

/** One survey HR wrote, in a summary: its name, round, and lines in each language. */
export interface SurveySummaryLines {
  readonly name: string;
  readonly date: string;
  readonly lines: ExitResultsLines;
}

/** Lines of text per language: what the exit-results hook gives the summary. */
export type ExitResultsLines = Readonly<Record<Locale, readonly string[]>>;

/** A chart rendered to PNG, ready to attach. */
export interface ChartImage {
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  /** A description for screen readers and clients that do not show images. */
  readonly altText: string;
}
