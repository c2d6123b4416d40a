import { describe, expect, it } from 'vitest';
import { TeamsPacer } from '../../adapters/teams/pacing.js';

class HttpError extends Error {
  constructor(readonly statusCode: number) {
    super(`HTTP ${statusCode}`);
  }
}

const pacer = (retries = 3) => new TeamsPacer({ tenantPerSecond: 0, conversationPerSecond: 0, retries, baseDelayMs: 1 });

describe('Teams send pacing and back-off', () => {
  for (const status of [429, 412, 502, 504]) {
    it(`retries a send answered ${status} and returns its result`, async () => {
      let calls = 0;
      const result = await pacer().send('t', 'c', () => (++calls < 3 ? Promise.reject(new HttpError(status)) : Promise.resolve('sent')));
      expect(result).toBe('sent');
      expect(calls).toBe(3);
    });
  }

  it('does not retry other failures (403, 404, a network error)', async () => {
    for (const error of [new HttpError(403), new HttpError(404), new Error('ECONNRESET')]) {
      let calls = 0;
      await expect(pacer().send('t', 'c', () => (calls++, Promise.reject(error)))).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it('gives up after the configured retries, so the delivery records the failure', async () => {
    let calls = 0;
    await expect(pacer(2).send('t', 'c', () => (calls++, Promise.reject(new HttpError(429))))).rejects.toMatchObject({ statusCode: 429 });
    expect(calls).toBe(3);
  });

  it('spaces sends in one conversation to at most 7 a second', async () => {
    const paced = new TeamsPacer({ tenantPerSecond: 0, conversationPerSecond: 7, retries: 0, baseDelayMs: 1 });
    const at: number[] = [];
    await Promise.all(Array.from({ length: 8 }, () => paced.send('t', 'same', () => Promise.resolve(at.push(performance.now())))));
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual(1000);
  });
});
