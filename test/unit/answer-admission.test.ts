import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnswerAdmission } from '../../src/services/answer-admission.js';

/** A piece of work that ends when the test says so. */
function gate(): { promise: Promise<string>; open: (value: string) => void } {
  let open: (value: string) => void = () => undefined;
  const promise = new Promise<string>((resolve) => (open = resolve));
  return { promise, open };
}

describe('admission to the answer path', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs clicks at once while slots are free', async () => {
    const admission = new AnswerAdmission({ concurrency: 2, maxWaitMs: 1_000 });
    expect(await admission.run(() => Promise.resolve('a'))).toEqual({ admitted: true, value: 'a' });
    expect(admission.shed).toBe(0);
  });

  it('a click waits for a slot, in arrival order, and runs when one frees in time', async () => {
    vi.useFakeTimers();
    const admission = new AnswerAdmission({ concurrency: 1, maxWaitMs: 1_000 });
    const first = gate();
    const started: string[] = [];
    const a = admission.run(() => first.promise);
    const b = admission.run(() => (started.push('b'), Promise.resolve('b')));
    const c = admission.run(() => (started.push('c'), Promise.resolve('c')));
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toEqual([]);
    first.open('a');
    expect(await a).toEqual({ admitted: true, value: 'a' });
    expect(await b).toEqual({ admitted: true, value: 'b' });
    expect(await c).toEqual({ admitted: true, value: 'c' });
    expect(started).toEqual(['b', 'c']);
  });

  it('a click that cannot start in time is shed without running anything, and the slots still work afterwards', async () => {
    vi.useFakeTimers();
    const admission = new AnswerAdmission({ concurrency: 1, maxWaitMs: 1_000 });
    const first = gate();
    const work = vi.fn(() => Promise.resolve('late'));
    const a = admission.run(() => first.promise);
    const shed = admission.run(work);
    await vi.advanceTimersByTimeAsync(1_001);
    expect(await shed).toEqual({ admitted: false });
    expect(work).not.toHaveBeenCalled();
    expect(admission.shed).toBe(1);
    first.open('a');
    await a;
    expect(await admission.run(() => Promise.resolve('next'))).toEqual({ admitted: true, value: 'next' });
  });

  it('a failing answer frees its slot', async () => {
    const admission = new AnswerAdmission({ concurrency: 1, maxWaitMs: 0 });
    await expect(admission.run(() => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await admission.run(() => Promise.resolve('ok'))).toEqual({ admitted: true, value: 'ok' });
  });
});
