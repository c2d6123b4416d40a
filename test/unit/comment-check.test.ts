import { describe, expect, it } from 'vitest';
import { checkComment, type FindingKind } from '../../src/domain/privacy/comment-check.js';
import type { Locale } from '../../src/domain/i18n/locale.js';

const NAMES = ['Kari Nordmann', 'Sven Svensson', 'Li Wu', 'Åsa Öberg', 'Mark Hughes'];

function found(text: string, locale: Locale = 'en'): { kind: FindingKind; text: string }[] {
  return checkComment(text, locale, NAMES).findings.map((f) => ({ kind: f.kind, text: f.text }));
}

function kinds(text: string, locale: Locale = 'en'): FindingKind[] {
  return found(text, locale).map((f) => f.kind);
}

describe('the identifying-comment check', () => {
  it.each([
    ['Mail me at kari.nordmann@example.com please', 'kari.nordmann@example.com'],
    ['Skriv til ola@firma.no', 'ola@firma.no'],
    ['Kontakta mig: åsa.öberg@företag.se.', 'åsa.öberg@företag.se'],
  ])('finds the e-mail address in %j', (text, email) => {
    expect(found(text)).toEqual([{ kind: 'email', text: email }]);
  });

  it.each([
    ['Ask <@U0123ABCD> about it', '<@U0123ABCD>'],
    ['Ask <@U0123ABCD|kari> about it', '<@U0123ABCD|kari>'],
    ['Spør <at>Ola Hansen</at> om det', '<at>Ola Hansen</at>'],
    ['Fråga @ola.hansen om det', '@ola.hansen'],
  ])('finds the mention in %j', (text, mention) => {
    expect(found(text)).toEqual([{ kind: 'mention', text: mention }]);
  });

  it.each([
    ['Ring meg på +47 912 34 567', '+47 912 34 567'],
    ['Ring mig på 070-123 45 67', '070-123 45 67'],
    ['Ring 91234567 i kveld', '91234567'],
    ['Nummeret er 91 23 45 67.', '91 23 45 67'],
    ['Call +46 70 123 45 67 after lunch', '+46 70 123 45 67'],
    ['Ring 08-123 456 78', '08-123 456 78'],
  ])('finds the phone number in %j', (text, phone) => {
    expect(found(text)).toEqual([{ kind: 'phone', text: phone }]);
  });

  it.each([
    ['It happened on 2026-03-14.', 'en', '2026-03-14'],
    ['Det skjedde 14.03.2026 på møtet', 'nb', '14.03.2026'],
    ['It happened 14/3 in the standup', 'en', '14/3'],
    ['It happened on 14 March at the offsite', 'en', '14 March'],
    ['It happened on March 14th, 2026', 'en', 'March 14th, 2026'],
    ['It happened on Friday 14 March', 'en', 'Friday 14 March'],
    ['Det skjedde 14. mars på kontoret', 'nb', '14. mars'],
    ['Det skjedde fredag 14. mars', 'nb', 'fredag 14. mars'],
    ['Det hände den 14 mars på kontoret', 'sv', 'den 14 mars'],
    ['Det hände den 3 maj 2026', 'sv', 'den 3 maj 2026'],
    ['Møtet 14.3. var ille', 'nb', '14.3.'],
  ])('finds the exact date in %j', (text, locale, date) => {
    expect(found(text, locale as Locale)).toEqual([{ kind: 'date', text: date }]);
  });

  it.each([
    ['Kari Nordmann shouted at me', 'Kari Nordmann'],
    ['kari nordmann shouted at me', 'kari nordmann'],
    ['Kari shouted at me', 'Kari'],
    ['Jeg og Sven hadde et møte', 'Sven'],
    ['Åsa sa ifrån', 'Åsa'],
  ])('finds the directory name in %j', (text, name) => {
    expect(found(text)).toEqual([{ kind: 'name', text: name }]);
  });

  it.each([
    ['I give it a 5, maybe 10% better than 2024.'],
    ['Last week was stressful, and in March it will be worse.'],
    ['Forrige uke var travel. Vi hadde 3 møter og 12 saker.'],
    ['Förra veckan var tuff, men 2 av 3 projekt gick bra.'],
    ['Karin and Svenja are not in the directory'],
    ['Kariboo is not a name here; Oberg neither'],
    ['A score of 3.5 out of 5, version 1.2.3'],
    ['We have 120 people and 4500 tickets'],
    ['Send feedback @ the all-hands'],
    ['Li was nice'],
  ])('finds nothing identifying in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('flags a first name that is also an English word (a documented false positive)', () => {
    expect(kinds('Please mark this as urgent')).toEqual(['name']);
  });

  it('finds several kinds in one comment and returns their ranges in order', () => {
    const text = 'Kari Nordmann (kari@firma.no, 912 34 567) said it on 14.03.2026';
    const check = checkComment(text, 'en', NAMES);
    expect(check.findings.map((f) => f.kind)).toEqual(['name', 'email', 'phone', 'date']);
    for (const f of check.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it.each([
    ['en', 'Ask kari@firma.no on 14 March', 'Ask [removed] on [removed]'],
    ['nb', 'Spør kari@firma.no den 14. mars', 'Spør [fjernet] [fjernet]'],
    ['sv', 'Fråga kari@firma.no den 14 mars', 'Fråga [borttaget] [borttaget]'],
  ])('cleans the text with the %s placeholder', (locale, text, cleaned) => {
    expect(checkComment(text, locale as Locale, NAMES).cleaned).toBe(cleaned);
  });

  it('leaves a comment without findings as it is', () => {
    const text = 'The onboarding was good, but the coffee machine is broken.';
    expect(checkComment(text, 'en', NAMES)).toEqual({ findings: [], cleaned: text });
  });

  it('works without any directory names', () => {
    expect(checkComment('Kari said hi', 'en', []).findings).toEqual([]);
  });
});
