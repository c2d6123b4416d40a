import { z } from 'zod';

/** The languages pulsebot speaks. */
export const LOCALES = ['en', 'nb', 'sv'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/**
 * Maps a platform locale (Slack `en-US`, Teams `nb-NO`, plain `no`, `nn-NO`, `sv-FI`…) to the
 * closest language we ship, or `fallback` when there is none.
 */
export function resolveLocale(platformLocale: string | null | undefined, fallback: Locale): Locale {
  return matchLocale(platformLocale) ?? fallback;
}

/** The shipped language closest to a platform locale, or null when none is close. */
export function matchLocale(platformLocale: string | null | undefined): Locale | null {
  const language = platformLocale?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  switch (language) {
    case 'en':
      return 'en';
    case 'nb':
    case 'no':
    case 'nn':
      return 'nb';
    case 'sv':
      return 'sv';
    default:
      return null;
  }
}
