import { en, type Catalog, type MessageKey } from './en.js';
import { nb } from './nb.js';
import { sv } from './sv.js';
import type { Locale } from './locale.js';

const catalogs: Record<Locale, Catalog> = { en, nb, sv };

export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `params`. A
 * placeholder without a value is left as it is, so a missing parameter is visible, not blank.
 */
export function t(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  const template = catalogs[locale][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** A translator bound to one locale, for code that renders a whole message. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => t(locale, key, params);
}

/** The raw catalogs, for tests that check every language is complete. */
export function catalogFor(locale: Locale): Catalog {
  return catalogs[locale];
}
