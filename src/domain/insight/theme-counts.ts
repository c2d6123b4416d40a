import type { Locale } from '../i18n/locale.js';
import { classifyComment, commentLocale, type CommentClass } from './classify-comment.js';
import type { Theme } from './theme-lexicon.js';

/** How many of a group's comments are about one theme, and how they lean (issue #20). */
export interface ThemeCount {
  readonly theme: Theme;
  readonly n: number;
  readonly negative: number;
  readonly neutral: number;
  readonly positive: number;
}

/** A comment's theme and sentiment, each comment in the language it seems to be written in. */
export function classifyInOwnLanguage(text: string, fallback: Locale): CommentClass {
  return classifyComment(text, commentLocale(text, fallback));
}

/** The themes of `classes`, most comments first (ties by theme id), `other` last. */
export function themeCounts(classes: readonly CommentClass[]): ThemeCount[] {
  const byTheme = new Map<Theme, { n: number; negative: number; neutral: number; positive: number }>();
  for (const c of classes) {
    const count = byTheme.get(c.theme) ?? { n: 0, negative: 0, neutral: 0, positive: 0 };
    count.n++;
    count[c.sentiment]++;
    byTheme.set(c.theme, count);
  }
  return [...byTheme.entries()]
    .map(([theme, count]) => ({ theme, ...count }))
    .sort((a, b) => Number(a.theme === 'other') - Number(b.theme === 'other') || b.n - a.n || a.theme.localeCompare(b.theme));
}
