import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DRIVERS, PULSE_DRIVERS } from '../../src/domain/drivers.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import { t } from '../../src/domain/i18n/translate.js';
import { questionById } from '../../src/domain/templates/catalog.js';
import { ENGAGEMENT_BANK, PULSE_BANK } from '../../src/domain/templates/engagement-bank.js';

describe('the built-in question bank', () => {
  it('has at least 12 drivers with at least 5 statements each, every one in en, nb and sv', () => {
    expect(DRIVERS.length).toBeGreaterThanOrEqual(12);
    for (const driver of DRIVERS) {
      const statements = ENGAGEMENT_BANK[driver];
      expect(statements.length, driver).toBeGreaterThanOrEqual(5);
      for (const locale of LOCALES) {
        expect(t(locale, `driver.${driver}` as Parameters<typeof t>[1]), `${locale} driver.${driver}`).not.toBe(`driver.${driver}`);
        const texts = statements.map((q) => t(locale, q.text));
        expect(new Set(texts).size, `${locale} ${driver}: every statement says something else`).toBe(texts.length);
        expect(
          texts.every((text) => text.length > 10 && !text.startsWith('q.')),
          `${locale} ${driver}`,
        ).toBe(true);
      }
      for (const q of statements) expect(questionById(q.id), q.id).toBe(q);
    }
  });

  it('notes the construct each statement measures, in a comment above it in the English catalog', async () => {
    const source = (await readFile('src/domain/i18n/en.ts', 'utf8')) + (await readFile('src/domain/i18n/bank-en.ts', 'utf8'));
    const lines = source.split('\n');
    for (const driver of DRIVERS) {
      for (const q of ENGAGEMENT_BANK[driver]) {
        const at = lines.findIndex((line) => line.trimStart().startsWith(`'${q.text}':`));
        expect(at, q.text).toBeGreaterThan(0);
        expect(lines[at - 1]?.trim(), `the line above ${q.text}`).toMatch(/^\/\/ \S/);
      }
    }
  });

  it('the default pulse keeps asking what it asked before the bank grew', () => {
    expect([...PULSE_DRIVERS]).not.toContain('purpose');
    expect([...PULSE_DRIVERS]).not.toContain('voice');
    expect(PULSE_DRIVERS.reduce((n, d) => n + PULSE_BANK[d].length, 0)).toBe(31);
  });
});
