import type { RespondFn } from '@slack/bolt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withinAckBudget } from '../../adapters/slack/handlers/commands.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { silentLogger } from '../../src/logger.js';
import type { SlackContext } from '../../adapters/slack/slack-context.js';

const ctx = { deps: { logger: silentLogger() } } as unknown as SlackContext;
const t = translator('nb');

describe('/pulse results within Slack’s 3 seconds', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('answers with the results when they are ready in time', async () => {
    const respond = vi.fn<RespondFn>();
    expect(await withinAckBudget(ctx, Promise.resolve('ready'), t, respond)).toBe('ready');
    expect(respond).not.toHaveBeenCalled();
  });

  it('says they are on their way, then sends them through response_url', async () => {
    vi.useFakeTimers();
    const respond = vi.fn<RespondFn>();
    let finish: (reply: { text: string; blocks: [] }) => void = () => undefined;
    const work = new Promise<{ text: string; blocks: [] }>((resolve) => (finish = resolve));
    const reply = withinAckBudget(ctx, work, t, respond);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await reply).toBe('Resultatene dine settes sammen og dukker opp her om et øyeblikk.');
    finish({ text: 'the summary', blocks: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(respond.mock.calls).toEqual([[{ response_type: 'ephemeral', text: 'the summary', blocks: [] }]]);
  });
});
