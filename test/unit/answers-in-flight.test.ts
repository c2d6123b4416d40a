import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswersInFlight } from '../../src/store/answers-in-flight.js';

describe('answers in flight, which closing a round waits for', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a round with none in flight is drained at once', async () => {
    expect(await new AnswersInFlight().drained('r1', 1_000)).toBe(true);
  });

  it('drains when the last answer of that round is done, whatever other rounds do', async () => {
    vi.useFakeTimers();
    const flight = new AnswersInFlight();
    const first = flight.enter('r1');
    const second = flight.enter('r1');
    const other = flight.enter('r2');
    let drained: boolean | null = null;
    void flight.drained('r1', 60_000).then((value) => (drained = value));
    first();
    first(); // leaving twice counts once
    await vi.advanceTimersByTimeAsync(0);
    expect([drained, flight.count('r1')]).toEqual([null, 1]);
    second();
    await vi.advanceTimersByTimeAsync(0);
    expect(drained).toBe(true);
    expect(flight.count('r2')).toBe(1);
    other();
  });

  it('gives up after the limit, saying so', async () => {
    vi.useFakeTimers();
    const flight = new AnswersInFlight();
    flight.enter('r1');
    const drained = flight.drained('r1', 60_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await drained).toBe(false);
  });
});
