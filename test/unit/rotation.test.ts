import { describe, expect, it } from 'vitest';
import { PULSE_DRIVERS as DRIVERS, type Driver } from '../../src/domain/drivers.js';
import { questionsForRound, type RotationSettings } from '../../src/domain/rotation.js';
import { surveyDefinitionSchema } from '../../src/domain/survey-definition.js';
import { questionById } from '../../src/domain/templates/catalog.js';

const driversOf = (ids: readonly string[]): Driver[] =>
  ids.flatMap((id) => {
    const driver = questionById(id)?.driver;
    return driver ? [driver] : [];
  });

const base: RotationSettings = { questionsPerRound: 4, enpsEvery: 4, drivers: [...DRIVERS], seed: 'acme' };

describe('question rotation', () => {
  it('asks the configured number of questions, eNPS on its cadence', () => {
    for (let round = 0; round < 24; round++) {
      const ids = questionsForRound(base, round);
      expect(ids).toHaveLength(4);
      expect(ids.includes('enps')).toBe(round % 4 === 0);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(questionById(id), id).toBeDefined();
    }
  });

  it('is deterministic given a seed, and a different seed gives another order', () => {
    const rounds = (seed: string) => Array.from({ length: 8 }, (_, r) => questionsForRound({ ...base, seed }, r));
    expect(rounds('acme')).toEqual(rounds('acme'));
    expect(rounds('acme')).not.toEqual(rounds('globex'));
  });

  it('every driver recurs in every 4 consecutive weekly rounds, for every feasible setting', () => {
    let checked = 0;
    for (let questionsPerRound = 3; questionsPerRound <= 5; questionsPerRound++) {
      for (let enpsEvery = 1; enpsEvery <= 12; enpsEvery++) {
        for (const drivers of [DRIVERS.slice(0, 8), [...DRIVERS]]) {
          const parsed = surveyDefinitionSchema.safeParse({
            id: 'pulse',
            name: 'Pulse',
            cadence: { every: 'weekly', weekday: 1, time: '09:00', startDate: '2026-01-05' },
            questionsPerRound,
            enpsEvery,
            drivers,
          });
          if (!parsed.success) continue;
          checked++;
          const settings = { questionsPerRound, enpsEvery, drivers, seed: `s${questionsPerRound}-${enpsEvery}` };
          const perRound = Array.from({ length: 60 }, (_, r) => driversOf(questionsForRound(settings, r)));
          for (let start = 0; start + 4 <= perRound.length; start++) {
            const seen = new Set(perRound.slice(start, start + 4).flat());
            expect([...seen].sort(), `q=${questionsPerRound} enps=${enpsEvery} from round ${start}`).toEqual([...drivers].sort());
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('cycles through each driver’s statements instead of repeating one', () => {
    const asked = new Set(Array.from({ length: 40 }, (_, r) => questionsForRound(base, r)).flat());
    // 40 rounds × 4 − 10 eNPS = 150 driver slots: every one of the 31 statements comes up.
    expect(asked.size).toBe(31 + 1);
  });

  it('a definition that cannot cover its drivers in 4 rounds is refused with the way out', () => {
    const result = surveyDefinitionSchema.safeParse({
      id: 'pulse',
      name: 'Pulse',
      cadence: { every: 'weekly', weekday: 1, time: '09:00', startDate: '2026-01-05' },
      questionsPerRound: 3,
      enpsEvery: 1,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/fewer than the 10 drivers chosen: ask more questions/);
  });
});
