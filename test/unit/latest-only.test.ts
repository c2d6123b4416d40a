import { describe, expect, it } from 'vitest';
import { LatestOnly } from '../../adapters/slack/latest-only.js';

/** A piece of work that waits until released, recording that it ran. */
function gated(log: string[], name: string) {
  let release = (): void => undefined;
  let markStarted = (): void => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const work = async (): Promise<void> => {
    log.push(`start ${name}`);
    markStarted();
    await new Promise<void>((done) => (release = done));
    log.push(`end ${name}`);
  };
  return { work, started, release: () => release() };
}

describe('updates of one message, latest only', () => {
  it('runs a lone update at once', async () => {
    const latest = new LatestOnly();
    let ran = 0;
    await latest.run('m1', () => {
      ran++;
      return Promise.resolve();
    });
    expect(ran).toBe(1);
  });

  it('folds the updates asked for while one runs into one more run, the latest asked for', async () => {
    const latest = new LatestOnly();
    const log: string[] = [];
    const first = gated(log, 'a');
    const running = latest.run('m1', first.work);
    await first.started;
    await latest.run('m1', () => Promise.resolve(void log.push('b')));
    await latest.run('m1', () => Promise.resolve(void log.push('c')));
    expect(log).toEqual(['start a']);
    first.release();
    await running;
    expect(log).toEqual(['start a', 'end a', 'c']);
  });

  it('keeps other messages apart, and runs again for a later click once idle', async () => {
    const latest = new LatestOnly();
    const log: string[] = [];
    const first = gated(log, 'a');
    const running = latest.run('m1', first.work);
    await first.started;
    await latest.run('m2', () => Promise.resolve(void log.push('other message')));
    first.release();
    await running;
    await latest.run('m1', () => Promise.resolve(void log.push('later')));
    expect(log).toEqual(['start a', 'other message', 'end a', 'later']);
  });

  it('a failed update fails for the click that ran it and leaves the message free for the next', async () => {
    const latest = new LatestOnly();
    await expect(latest.run('m1', () => Promise.reject(new Error('chat.update failed')))).rejects.toThrow('chat.update failed');
    let ran = false;
    await latest.run('m1', () => {
      ran = true;
      return Promise.resolve();
    });
    expect(ran).toBe(true);
  });
});
