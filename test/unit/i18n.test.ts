import { describe, expect, it } from 'vitest';
import { DRIVERS } from '../../src/domain/drivers.js';
import { en, type MessageKey } from '../../src/domain/i18n/en.js';
import { LOCALES, resolveLocale } from '../../src/domain/i18n/locale.js';
import { catalogFor, t } from '../../src/domain/i18n/translate.js';
import { likertLabel, LIKERT_VALUES, type BuiltinQuestion } from '../../src/domain/question.js';
import { QUESTIONS } from '../../src/domain/templates/catalog.js';
import { ENGAGEMENT_BANK } from '../../src/domain/templates/engagement-bank.js';
import { EXIT_REASONS, EXIT_SURVEY_QUESTIONS } from '../../src/domain/templates/exit-survey.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

function keysOf(question: BuiltinQuestion): MessageKey[] {
  switch (question.kind) {
    case 'scale':
      return [question.text, question.low, question.high];
    case 'likert':
      return [question.text, ...LIKERT_VALUES.map((v) => likertLabel(question, v))];
    case 'choice':
    case 'multi':
      return [question.text, ...question.options.map((o) => o.label)];
    case 'text':
      return [question.text];
  }
}

describe('i18n catalogs', () => {
  it.each(LOCALES)('%s has every English key, non-empty, with the same placeholders', (locale) => {
    const catalog = catalogFor(locale);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(catalog[key].trim(), `${locale}:${key}`).not.toBe('');
      expect(placeholders(catalog[key]), `${locale}:${key}`).toEqual(placeholders(en[key]));
    }
  });

  it('translations differ from English where a word must change', () => {
    expect(t('nb', 'answer.recorded')).not.toBe(t('en', 'answer.recorded'));
    expect(t('sv', 'answer.recorded')).not.toBe(t('en', 'answer.recorded'));
    expect(t('nb', 'q.enps', { org: 'Acme' })).toContain('Acme');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'q.enps', { org: 'Acme' })).toBe('How likely is it that you would recommend Acme as a place to work?');
    expect(t('en', 'q.enps')).toContain('{org}');
    expect(t('sv', 'privacy.promise', { k: 5 })).toContain('5');
  });

  it('every built-in question has its text and labels in every language', () => {
    for (const question of QUESTIONS.values()) {
      for (const key of keysOf(question)) {
        for (const locale of LOCALES) expect(catalogFor(locale)[key], `${locale}:${key}`).toBeTruthy();
      }
    }
  });

  it('maps platform locales to the languages we ship', () => {
    expect(resolveLocale('nb-NO', 'en')).toBe('nb');
    expect(resolveLocale('no', 'en')).toBe('nb');
    expect(resolveLocale('nn_NO', 'en')).toBe('nb');
    expect(resolveLocale('sv-FI', 'en')).toBe('sv');
    expect(resolveLocale('en-GB', 'sv')).toBe('en');
    expect(resolveLocale('de-DE', 'sv')).toBe('sv');
    expect(resolveLocale(undefined, 'nb')).toBe('nb');
  });
});

describe('built-in templates', () => {
  it('the engagement bank has at least 30 questions across at least 8 drivers', () => {
    const all = DRIVERS.flatMap((d) => ENGAGEMENT_BANK[d]);
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(DRIVERS.filter((d) => ENGAGEMENT_BANK[d].length > 0).length).toBeGreaterThanOrEqual(8);
    expect(new Set(all.map((q) => q.id)).size).toBe(all.length);
    for (const q of all) expect(q.kind).toBe('likert');
  });

  it('the exit survey asks reasons (multi), three ratings, eNPS and what would have kept them', () => {
    const [reasons, ...rest] = EXIT_SURVEY_QUESTIONS;
    expect(reasons?.kind).toBe('multi');
    expect(reasons?.kind === 'multi' && reasons.options.map((o) => o.value)).toEqual([...EXIT_REASONS]);
    expect(EXIT_REASONS).toEqual(['leadership', 'environment', 'pay', 'growth', 'workload', 'role', 'relocation', 'other']);
    expect(rest.filter((q) => q.kind === 'likert').map((q) => q.id)).toEqual(['exit-rate-leadership', 'exit-rate-environment', 'exit-rate-pay']);
    expect(rest.some((q) => q.id === 'enps' && q.kind === 'scale')).toBe(true);
    expect(t('en', 'exit.keep')).toBe('What could we have done to keep you?');
    expect(rest.filter((q) => q.kind === 'text')).toHaveLength(2);
  });
});
