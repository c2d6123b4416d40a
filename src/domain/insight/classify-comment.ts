import type { Locale } from '../i18n/locale.js';
import { SENTIMENT_LEXICON } from './sentiment-lexicon.js';
import { THEME_LEXICON, THEMES, type Theme } from './theme-lexicon.js';

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export interface CommentClass {
  readonly theme: Theme;
  readonly sentiment: Sentiment;
}

/** Lower case, everything but letters, digits and apostrophes to spaces, one space between words, a space at each end. */
function normalise(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()} `;
}

/** An entry as the text is searched for it: normalised, with a space after it when it must be a whole word. */
const needles = new Map<string, string>();
function needleOf(entry: string): string {
  let needle = needles.get(entry);
  if (needle === undefined) {
    const whole = entry.endsWith('$');
    needle = `${normalise(whole ? entry.slice(0, -1) : entry).trimEnd()}${whole ? ' ' : ''}`;
    needles.set(entry, needle);
  }
  return needle;
}

/**
 * Where an entry begins a word in `text` (normalised), as word positions. An entry matches a
 * word beginning (`lønn` finds lønnsøkning); one ending in `$` only the whole word.
 */
function wordHits(text: string, entry: string): number[] {
  const needle = needleOf(entry);
  const hits: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) hits.push(text.slice(0, at).split(' ').length - 1);
  return hits;
}

/** Short words that say which language a comment is in. */
const MARKERS: Readonly<Record<Locale, readonly string[]>> = {
  en: ['the', 'and', 'is', 'are', 'we', 'not', 'of', 'my', 'it', 'too', 'have', 'more', 'with', 'our', 'on', 'a', 'this', 'that', 'be', 'was'],
  nb: [
    'er',
    'og',
    'ikke',
    'jeg',
    'å',
    'meg',
    'hva',
    'hvor',
    'ble',
    'være',
    'fra',
    'mye',
    'nå',
    'dere',
    'noe',
    'hver',
    'altfor',
    'også',
    'fikk',
    'mine',
    'våre',
    'sammen',
    'etter',
    'før',
    'til',
    'blitt',
    'ingenting',
    'ikkje',
    'eller',
    'kan',
    'bli',
    'ting',
    'gjør',
    'veldig',
    'føler',
    'sier',
    'hører',
    'hvordan',
    'gjerne',
    'nye',
    'kunne',
    'vært',
  ],
  sv: [
    'och',
    'inte',
    'jag',
    'att',
    'är',
    'mig',
    'vad',
    'vara',
    'från',
    'mycket',
    'nu',
    'ni',
    'något',
    'varje',
    'alldeles',
    'också',
    'fick',
    'mina',
    'våra',
    'tillsammans',
    'efter',
    'innan',
    'till',
    'blivit',
    'eller',
    'kan',
    'bli',
    'saker',
    'gör',
    'väldigt',
    'känner',
    'säger',
    'hör',
    'någon',
    'hela',
    'ska',
    'hur',
    'gärna',
    'nya',
    'kunde',
    'varit',
    'för',
    'när',
    'sig',
    'ett',
    'inget',
  ],
};

/** Words Norwegian and Swedish share: each counts for both. */
const SCANDINAVIAN = ['det', 'vi', 'på', 'har', 'med', 'en', 'som', 'de', 'alt', 'samme', 'samma', 'i', 'to', 'två', 'for', 'om', 'får', 'min', 'vår'];

/** The language a comment is most likely in, by its short words and letters (æ ø, ä ö); `fallback` when they do not tell. */
export function commentLocale(text: string, fallback: Locale): Locale {
  const words = normalise(text).trim().split(' ');
  const shared = words.filter((w) => SCANDINAVIAN.includes(w)).length;
  const letters = (re: RegExp) => (text.toLowerCase().match(re) ?? []).length * 2;
  const scores: Record<Locale, number> = {
    en: words.filter((w) => MARKERS.en.includes(w)).length,
    nb: words.filter((w) => MARKERS.nb.includes(w)).length + shared + letters(/[æø]/g),
    sv: words.filter((w) => MARKERS.sv.includes(w)).length + shared + letters(/[äö]/g),
  };
  const best = Math.max(scores.en, scores.nb, scores.sv);
  if (best === 0 || scores[fallback] === best) return fallback;
  return (['en', 'nb', 'sv'] as const).find((l) => scores[l] === best) ?? fallback;
}

/** The theme whose words a comment uses most; `other` when none (a tie goes to the theme listed first). */
export function commentTheme(text: string, locale: Locale): Theme {
  const normal = normalise(text);
  let best: Theme = 'other';
  let bestScore = 0;
  for (const theme of THEMES) {
    if (theme === 'other') continue;
    const score = THEME_LEXICON[locale][theme].reduce((sum, entry) => sum + wordHits(normal, entry).length, 0);
    if (score > bestScore) {
      best = theme;
      bestScore = score;
    }
  }
  return best;
}

/** Positive minus negative words, a word within three after a negator counted the other way round. */
export function commentSentiment(text: string, locale: Locale): Sentiment {
  const normal = normalise(text);
  const lexicon = SENTIMENT_LEXICON[locale];
  const negators = lexicon.negators.flatMap((n) => wordHits(normal, `${n}$`));
  const negated = new Set(negators.flatMap((at) => [at + 1, at + 2, at + 3]));
  const score = (entries: readonly string[], sign: number) =>
    entries.reduce((sum, entry) => sum + wordHits(normal, entry).reduce((s, at) => s + (negated.has(at) ? -sign : sign), 0), 0);
  // A negation that turns no sentiment word around still says something is missing ("not had a
  // raise in three years"), except in a comment too short to say anything ("no comment").
  const words = normal.trim().split(' ').length;
  const flipped = [...negated].some((at) => [...lexicon.positive, ...lexicon.negative].some((e) => wordHits(normal, e).includes(at)));
  const bare = words > 3 && negators.length > 0 && !flipped ? -1 : 0;
  const total = score(lexicon.positive, 1) + score(lexicon.negative, -1) + bare;
  return total > 0 ? 'positive' : total < 0 ? 'negative' : 'neutral';
}

/** A comment's theme and sentiment, computed here: no text leaves the machine. */
export function classifyComment(text: string, locale: Locale): CommentClass {
  return { theme: commentTheme(text, locale), sentiment: commentSentiment(text, locale) };
}
