import type { Locale } from '../../../src/domain/i18n/locale.js';
import { t } from '../../../src/domain/i18n/translate.js';
import { escapeMarkup } from '../../../src/lib/escape-markup.js';

export interface SignInChoice {
  readonly href: string;
  readonly label: string;
}

/** The sign-in page: a line to read, and the ways to sign in (or the way back after a failure). */
export function signInPage(locale: Locale, message: string, choices: readonly SignInChoice[]): string {
  const links = choices.map((c) => `<li><a class="button" href="${escapeMarkup(c.href)}">${escapeMarkup(c.label)}</a></li>`).join('');
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeMarkup(t(locale, 'signin.title'))}</title>
<link rel="stylesheet" href="/web/assets/web.css"></head>
<body><main class="signin"><h1>${escapeMarkup(t(locale, 'signin.title'))}</h1>
<p class="notice" data-testid="notice">${escapeMarkup(message)}</p>
<ul class="choices">${links}</ul></main></body>
</html>`;
}
