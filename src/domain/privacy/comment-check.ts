import { t } from '../i18n/translate.js';
import type { Locale } from '../i18n/locale.js';

/**
 * The identifying-comment check: finds what in a free-text comment could point to its author
 * (or to a colleague) before it is sent, and offers a cleaned text. Pure: nothing is stored or
 * logged, and callers must not log the text or the findings either.
 *
 * Known limits (documented, on purpose kept simple):
 * - Names: full display names and first names of 3+ letters from the directory, case-insensitive
 *   on word boundaries. A first name that is also a word ("Mark", "Per", "Kim", "Bo" is too short)
 *   is flagged when used as a word; a nickname or a misspelt name is not.
 * - Dates: only exact dates (numeric, or day + month name); "last week", "in March" are not.
 *   A "14/3" fraction-like text is taken for a date.
 * - Phones: Norwegian/Swedish/international forms only; a lone "5", "2024" or "10%" is not a phone.
 */

export const FINDING_KINDS = ['name', 'mention', 'email', 'phone', 'date'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  readonly kind: FindingKind;
  /** Start (inclusive) and end (exclusive) UTF-16 offsets into the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface CommentCheck {
  readonly findings: readonly Finding[];
  /** The text with each finding replaced by the localised placeholder. */
  readonly cleaned: string;
}

/** Letters or digits: what a word boundary must not touch. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const MONTHS = [
  // English
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  // Norwegian
  'januar',
  'februar',
  'mars',
  'mai',
  'juni',
  'juli',
  'oktober',
  'desember',
  'okt',
  'des',
  // Swedish
  'januari',
  'februari',
  'maj',
  'augusti',
];
const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
  'måndag',
  'tisdag',
  'lördag',
  'söndag',
];
const month = `(?:${[...MONTHS].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const weekday = `(?:(?:${WEEKDAYS.join('|')}),?\\s+)?`;
const dayNum = '(?:0?[1-9]|[12]\\d|3[01])';
const monthNum = '(?:0?[1-9]|1[0-2])';
const ordinal = '(?:st|nd|rd|th|e|a)?';
const year = "(?:\\d{4}|'?\\d{2})";

const DATE_PATTERNS: readonly RegExp[] = [
  // 2026-03-14
  new RegExp(`${B}\\d{4}-${monthNum}-${dayNum}${E}`, 'gu'),
  // 14.03.2026, 14/03/2026, 14-03-2026, 14.3.26
  new RegExp(`${B}${dayNum}[./-]${monthNum}[./-](?:\\d{4}|\\d{2})${E}`, 'gu'),
  // 14/3 (no year), 14.3. (Norwegian short form with closing dot)
  new RegExp(`${B}${dayNum}/${monthNum}${E}(?![./]\\d)`, 'gu'),
  new RegExp(`${B}${dayNum}\\.${monthNum}\\.(?!\\d)`, 'gu'),
  // (Monday) (den) 14(th)(.) (of) March (2026)
  new RegExp(`${B}${weekday}(?:den\\s+)?${dayNum}${ordinal}\\.?\\s+(?:of\\s+)?${month}(?:\\s+${year})?${E}`, 'giu'),
  // (Monday,) March 14(th)(, 2026)
  new RegExp(`${B}${weekday}${month}\\s+${dayNum}${ordinal}(?:,?\\s+\\d{4})?${E}`, 'giu'),
];

/** Digits with optional single spaces or dashes between them. */
const PHONE_PATTERNS: readonly RegExp[] = [
  // +47 912 34 567, +46 70 123 45 67, +44 (0)20 7946 0958, 0047 91234567
  new RegExp(`(?<![\\p{L}\\p{N}+])(?:\\+|00)\\d{1,3}[ -]?(?:\\(0\\)[ -]?)?(?:\\d[ -]?){6,11}\\d${E}`, 'gu'),
  // Swedish/Norwegian national with a leading 0: 070-123 45 67, 08-123 456 78, 070 1234567
  new RegExp(`${B}0\\d{1,3}[ -]\\d{2,3}(?:[ ]?\\d{2,3}){1,2}${E}`, 'gu'),
  new RegExp(`${B}07\\d{8}${E}`, 'gu'),
  // Norwegian 8 digits: 91234567, 912 34 567, 91 23 45 67, 22 22 22 22
  new RegExp(`${B}[2-9]\\d{7}${E}`, 'gu'),
  new RegExp(`${B}[2-9]\\d{2} \\d{2} \\d{3}${E}`, 'gu'),
  new RegExp(`${B}[2-9]\\d \\d{2} \\d{2} \\d{2}${E}`, 'gu'),
];

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

const MENTION_PATTERNS: readonly RegExp[] = [
  // Slack: <@U123ABC> or <@U123ABC|name>
  /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g,
  // Teams: <at>Kari Nordmann</at>
  /<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi,
  // @kari, @kari.nordmann (not the @ of an e-mail address: no letter right before it)
  /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]/gu,
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The names to look for: every full name, and every first name of 3 letters or more. */
export function namePatterns(names: readonly string[]): RegExp | null {
  const wanted = new Set<string>();
  for (const raw of names) {
    const full = raw.trim().replace(/\s+/g, ' ');
    if (full.length < 3) continue;
    wanted.add(full.toLocaleLowerCase());
    const first = full.split(' ')[0] ?? '';
    if (first.length >= 3 && /^\p{L}[\p{L}'-]*$/u.test(first)) wanted.add(first.toLocaleLowerCase());
  }
  if (wanted.size === 0) return null;
  // Longest first, so "Kari Nordmann" wins over "Kari".
  const alternatives = [...wanted].sort((a, b) => b.length - a.length).map((n) => escapeRegExp(n).replace(/ /g, '\\s+'));
  return new RegExp(`${B}(?:${alternatives.join('|')})${E}`, 'giu');
}

function collect(text: string, kind: FindingKind, pattern: RegExp, into: Finding[]): void {
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    into.push({ kind, start, end: start + match[0].length, text: match[0] });
  }
}

/** Earliest first; of two overlapping findings the one starting earlier (then the longer) wins. */
function withoutOverlaps(findings: readonly Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Finding[] = [];
  for (const finding of sorted) {
    const last = kept[kept.length - 1];
    if (last !== undefined && finding.start < last.end) continue;
    kept.push(finding);
  }
  return kept;
}

/**
 * What in `text` could identify someone, and the text with those parts replaced by a neutral
 * placeholder in `locale`. `names` are display names from the directory (held in memory only).
 */
export function checkComment(text: string, locale: Locale, names: readonly string[]): CommentCheck {
  const found: Finding[] = [];
  // Order matters only for ties at the same start: more specific kinds first.
  for (const pattern of MENTION_PATTERNS) collect(text, 'mention', pattern, found);
  collect(text, 'email', EMAIL, found);
  for (const pattern of DATE_PATTERNS) collect(text, 'date', pattern, found);
  for (const pattern of PHONE_PATTERNS) collect(text, 'phone', pattern, found);
  const names_ = namePatterns(names);
  if (names_ !== null) collect(text, 'name', names_, found);
  const findings = withoutOverlaps(found);
  const placeholder = t(locale, 'privacy.removed');
  let cleaned = '';
  let at = 0;
  for (const finding of findings) {
    cleaned += text.slice(at, finding.start) + placeholder;
    at = finding.end;
  }
  cleaned += text.slice(at);
  return { findings, cleaned };
}
