import type { Locale } from '../i18n/locale.js';

const intlLocale: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

const formats = new Map<string, Intl.NumberFormat>();

/** A number with exactly `digits` decimals, in the locale's style. */
export function formatNumber(locale: Locale, value: number, digits: number): string {
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits, minimumFractionDigits: digits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** A change with its sign: `+3`, `−1,5` (a real minus sign), `0`. */
export function formatSigned(locale: Locale, value: number, digits: number): string {
  const rounded = Number(value.toFixed(digits));
  const text = formatNumber(locale, Math.abs(rounded), digits);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}
