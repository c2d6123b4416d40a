import type { MessageKey } from '../i18n/en.js';
import type { Translator } from '../i18n/translate.js';
import { FINDING_KINDS, type Finding } from './comment-check.js';

const KIND_KEY: Record<Finding['kind'], MessageKey> = {
  name: 'privacy.kind.name',
  mention: 'privacy.kind.mention',
  email: 'privacy.kind.email',
  phone: 'privacy.kind.phone',
  date: 'privacy.kind.date',
};

/** "E-mail addresses: “a@b.no”, “c@d.se”", one line per kind found. */
export function findingLines(findings: readonly Finding[], t: Translator): string[] {
  return FINDING_KINDS.flatMap((kind) => {
    const texts = [...new Set(findings.filter((f) => f.kind === kind).map((f) => `“${f.text}”`))];
    return texts.length === 0 ? [] : [`${t(KIND_KEY[kind])}: ${texts.join(', ')}`];
  });
}
