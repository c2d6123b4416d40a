import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { perSecond, sendSchedule, type SendSchedule } from '../../src/lib/send-schedule.js';
import { seededRandom } from '../../src/domain/seeded-random.js';

type Call = { start: number; end: number; arrival: number };

/**
 * Sends `count` calls through `gate`, each taking `latency(i)` ms, received by the platform at a
 * random moment between its start and its end. `pauseBefore(i)` ms pass before call i is ready.
 */
async function drive(
  gate: SendSchedule,
  count: number,
  latency: (i: number) => number,
  pauseBefore: (i: number) => number = () => 0,
  seed = 'calls',
): Promise<Call[]> {
  const random = seededRandom(seed);
  const calls: Call[] = [];
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const pause = pauseBefore(i);
    if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    const ended = await gate.turn();
    const start = performance.now();
    const took = latency(i);
    const call = { start, end: start + took, arrival: start + Math.floor(random() * (took + 1)) };
    calls.push(call);
    pending.push(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          ended();
          resolve();
        }, took),
      ),
    );
  }
  await Promise.all(pending);
  return calls;
}

/** The most calls the platform received in any sliding window (its rule: `arrival > t - window`). */
function busiestWindow(calls: readonly Call[], windowMs: number): number {
  const arrivals = calls.map((c) => c.arrival).sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < arrivals.length; to++) {
    while ((arrivals[from] as number) <= (arrivals[to] as number) - windowMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

const gaps = (calls: readonly Call[]) => calls.slice(1).map((c, i) => c.start - (calls[i] as Call).start);

async function run<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

describe('the send schedule of a platform that counts calls over sliding windows', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never lets the platform receive more than its limit in any window, however long calls take on the way', async () => {
    const random = seededRandom('latency');
    const gate = sendSchedule({ calls: 10, windowMs: 1000 });
    // Mostly quick, some slow, a few stuck in retries for seconds.
    const latencies = Array.from({ length: 400 }, () => {
      const r = random();
      return r < 0.9 ? Math.floor(r * 40) : r < 0.98 ? 100 + Math.floor(r * 400) : 3000;
    });
    const calls = await run(
      drive(
        gate,
        latencies.length,
        (i) => latencies[i] as number,
        (i) => (i % 97 === 0 ? 700 : 0),
      ),
    );
    expect(calls).toHaveLength(400);
    expect(busiestWindow(calls, 1000)).toBeLessThanOrEqual(10);
    // ... and still uses the limit: close to 10 a second overall.
    const seconds = ((calls.at(-1) as Call).start - (calls[0] as Call).start) / 1000;
    expect(400 / seconds).toBeGreaterThan(8);
  });

  it('sends on an even beat at the limit, without a burst at the start', async () => {
    const gate = sendSchedule({ calls: 100, windowMs: 1000 });
    const calls = await run(drive(gate, 300, () => 2));
    expect(Math.min(...gaps(calls).slice(0, 100))).toBeGreaterThanOrEqual(10);
    const span = ((calls.at(-1) as Call).start - (calls[0] as Call).start) / 1000;
    // 300 calls at 100 a second: just under 3 s, plus the calls' own time once per window.
    expect(span).toBeGreaterThanOrEqual(2.99);
    expect(span).toBeLessThan(3.05);
    expect(busiestWindow(calls, 1000)).toBeLessThanOrEqual(100);
  });

  it('makes up a pause of the senders at up to twice the beat, within the limit', async () => {
    const gate = sendSchedule({ calls: 100, windowMs: 1000 });
    const calls = await run(
      drive(
        gate,
        300,
        () => 2,
        (i) => (i === 50 ? 300 : 0),
      ),
    );
    const span = ((calls.at(-1) as Call).start - (calls[0] as Call).start) / 1000;
    // Without making up, 300 ms more than the 2.99 s of the beat.
    expect(span).toBeLessThan(3.1);
    expect(Math.min(...gaps(calls))).toBeGreaterThanOrEqual(5);
    expect(busiestWindow(calls, 1000)).toBeLessThanOrEqual(100);
  });

  it('starts the beat afresh after an idle gap longer than the window: no burst then either', async () => {
    const gate = sendSchedule({ calls: 100, windowMs: 1000 });
    const calls = await run(
      drive(
        gate,
        200,
        () => 2,
        (i) => (i === 100 ? 5000 : 0),
      ),
    );
    expect(Math.min(...gaps(calls).slice(100))).toBeGreaterThanOrEqual(10);
  });

  it('starts nothing while held for a Retry-After', async () => {
    const gate = sendSchedule({ calls: 100, windowMs: 1000 });
    const work = drive(gate, 40, (i) => {
      if (i === 9) gate.holdFor(1000);
      return 2;
    });
    const calls = await run(work);
    const heldAt = (calls[9] as Call).start;
    expect(calls.filter((c) => c.start > heldAt && c.start < heldAt + 1000)).toHaveLength(0);
    expect((calls[10] as Call).start).toBeGreaterThanOrEqual(heldAt + 1000);
  });

  it('counts a call that has not ended against the window until it ends', async () => {
    const gate = sendSchedule({ calls: 2, windowMs: 1000 });
    // The first call hangs for 10 s (a client retrying it); the others end at once.
    const calls = await run(drive(gate, 4, (i) => (i === 0 ? 10_000 : 0)));
    const [first, second, third, fourth] = calls as [Call, Call, Call, Call];
    expect(third.start).toBeGreaterThanOrEqual(second.end + 1000);
    // Two in the window (the hung one and the third) until the third's end is a window old.
    expect(fourth.start).toBeGreaterThanOrEqual(Math.min(first.end, third.end + 1000));
  });

  it('reads a rate per second as whole calls per window, fractional rates included', () => {
    expect(perSecond(100)).toEqual({ calls: 100, windowMs: 1000 });
    expect(perSecond(2.5)).toEqual({ calls: 2, windowMs: 800 });
    expect(perSecond(0.5)).toEqual({ calls: 1, windowMs: 2000 });
  });
});
