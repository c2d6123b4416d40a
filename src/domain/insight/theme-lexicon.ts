import type { Locale } from '../i18n/locale.js';
import { enThemes } from './theme-lexicon-en.js';
import { nbThemes } from './theme-lexicon-nb.js';
import { svThemes } from './theme-lexicon-sv.js';

/**
 * What each comment theme is about, as word beginnings in each language (issue #20): a word
 * matches an entry when it starts with it, so `lønn` covers lønna, lønnen, lønnsøkning. Our own
 * lexicon, written for workplace comments; nothing is downloaded, and no text leaves the machine.
 * Norwegian and Swedish compounds only match at their first part, so common compounds
 * (avdelingsleder, grundlön) are listed of their own; English loanwords that Norwegian and
 * Swedish comments use (feedback, deadline, work-life balance) are listed there too.
 */
export const THEMES = [
  'recognition',
  'growth',
  'management',
  'peers',
  'wellness',
  'workload',
  'alignment',
  'autonomy',
  'satisfaction',
  'ambassadorship',
  'pay',
  'tools',
  'communication',
  'other',
] as const;
export type Theme = (typeof THEMES)[number];

export type Lexicon = Readonly<Record<Exclude<Theme, 'other'>, readonly string[]>>;

export const THEME_LEXICON: Readonly<Record<Locale, Lexicon>> = { en: enThemes, nb: nbThemes, sv: svThemes };
