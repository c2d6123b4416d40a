import type { MessageKey } from '../i18n/en.js';
import type { Translator } from '../i18n/translate.js';

/** An attribute's name for people: ours for the built-in ones, HR's own for `custom.<name>`. */
export function attributeLabel(t: Translator, attribute: string): string {
  return attribute.startsWith('custom.') ? attribute.slice(7) : t(`attribute.${attribute}` as MessageKey);
}

/** A value's label: "Other" for the folded small values, ours for tenure bands and remote work, else HR's own value. */
export function attributeValueLabel(t: Translator, attribute: string, value: string, other: boolean): string {
  if (other) return t('attribute.other');
  if (attribute === 'tenure' || attribute === 'remote') return t(`attribute.${attribute}.${value}` as MessageKey);
  return value;
}
