import { LOCALES } from '../../src/domain/i18n/locale.js';
import { t } from '../../src/domain/i18n/translate.js';

/** The "try again in a minute" notice a shed click gets, in every language. */
export const BUSY_TEXTS: ReadonlySet<string> = new Set(LOCALES.map((locale) => t(locale, 'answer.busy')));
