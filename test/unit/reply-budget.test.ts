import { afterEach, describe, expect, it, vi } from 'vitest';
import { replyWithin } from '../../src/services/reply-budget.js';

// Slack's /pulse results and Teams' results: answered in the command's response when ready in
// time, else "on its way" there and the results as their own message.
describe('a reply within the platform’s budget', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the reply itself when it is ready in time', async () => {
    vi.useFakeTimers();
    let finish: (reply: string) => void = () => undefined;
    const answer = replyWithin(new Promise<string>((resolve) => (finish = resolve)), 2_000, 'on its way');
    await vi.advanceTimersByTimeAsync(1_999);
    finish('the summary');
    expect(await answer).toEqual({ now: 'the summary' });
  });

  it('is "on its way" once the budget is spent, and the reply follows when ready', async () => {
    vi.useFakeTimers();
    let finish: (reply: string) => void = () => undefined;
    const answer = replyWithin(new Promise<string>((resolve) => (finish = resolve)), 2_000, 'on its way');
    await vi.advanceTimersByTimeAsync(2_000);
    const { now, later } = await answer;
    expect(now).toBe('on its way');
    finish('the summary');
    expect(await later).toBe('the summary');
  });

  it('with a budget of 0 never waits, even for a reply that is already there', async () => {
    const { now, later } = await replyWithin(Promise.resolve('the summary'), 0, 'on its way');
    expect(now).toBe('on its way');
    expect(await later).toBe('the summary');
  });

  it('a late reply that fails fails its follow-up, and nothing else', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      let fail: (error: Error) => void = () => undefined;
      const { now, later } = await replyWithin(new Promise<string>((_, reject) => (fail = reject)), 0, 'on its way');
      expect(now).toBe('on its way');
      // A budget of 0 hands the reply over untouched; it fails before anyone follows it up.
      fail(new Error('database gone'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
      await expect(later).rejects.toThrow('database gone');
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
