import { describe, expect, it } from 'vitest';
import { change } from '../../src/domain/metrics/change.js';
import { computeEnps, enpsBand } from '../../src/domain/metrics/enps.js';
import { summarizeLikert } from '../../src/domain/metrics/likert.js';
import { participation } from '../../src/domain/metrics/participation.js';

describe('eNPS', () => {
  it('10 answers: 5 promoters, 3 passives, 2 detractors', () => {
    // p = 0.5, d = 0.2 → score 30; variance 0.5 + 0.2 − 0.3² = 0.61; MoE = 1.96·√(0.61/10)·100 = 48.41
    const result = computeEnps({ 10: 2, 9: 3, 8: 2, 7: 1, 6: 1, 0: 1 });
    expect(result).toMatchObject({ respondents: 10, promoters: 5, passives: 3, detractors: 2, band: 'strong' });
    expect(result?.score).toBeCloseTo(30, 10);
    expect(result?.marginOfError).toBeCloseTo(48.41, 2);
  });

  it('100 answers: 40 promoters, 30 passives, 30 detractors', () => {
    // score 10; variance 0.7 − 0.01 = 0.69; MoE = 1.96·√0.0069·100 = 16.28
    const result = computeEnps({ 9: 40, 7: 30, 3: 30 });
    expect(result?.score).toBeCloseTo(10, 10);
    expect(result?.marginOfError).toBeCloseTo(16.28, 2);
    expect(result?.band).toBe('acceptable');
  });

  it('all promoters: +100 with no spread; all detractors: −100', () => {
    expect(computeEnps({ 10: 20 })).toMatchObject({ score: 100, marginOfError: 0, band: 'excellent' });
    expect(computeEnps({ 0: 3, 6: 4 })).toMatchObject({ score: -100, marginOfError: 0, band: 'poor' });
  });

  it('nobody answered: no score', () => {
    expect(computeEnps({})).toBeNull();
  });

  it('bands at their edges', () => {
    expect(enpsBand(-0.1)).toBe('poor');
    expect(enpsBand(0)).toBe('acceptable');
    expect(enpsBand(29.9)).toBe('acceptable');
    expect(enpsBand(30)).toBe('strong');
    expect(enpsBand(50)).toBe('strong');
    expect(enpsBand(50.1)).toBe('excellent');
  });
});

describe('Likert', () => {
  it('mean and % favourable (4–5)', () => {
    // (1 + 2 + 3·2 + 4·3 + 5·3) / 10 = 3.6; favourable 6/10
    const result = summarizeLikert({ 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 });
    expect(result?.respondents).toBe(10);
    expect(result?.mean).toBeCloseTo(3.6, 10);
    expect(result?.favourable).toBeCloseTo(60, 10);
  });

  it('nobody answered: no summary', () => {
    expect(summarizeLikert({})).toBeNull();
  });
});

describe('participation and change', () => {
  it('rate in percent', () => {
    expect(participation(12, 9).rate).toBeCloseTo(75, 10);
    expect(participation(0, 0).rate).toBe(0);
    expect(() => participation(3, 4)).toThrow(RangeError);
  });

  it('change needs both sides', () => {
    expect(change(12, 5)).toBe(7);
    expect(change(-3, 4)).toBe(-7);
    expect(change(12, null)).toBeNull();
    expect(change(undefined, 4)).toBeNull();
  });
});
