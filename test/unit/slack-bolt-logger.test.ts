import { describe, expect, it } from 'vitest';
import { boltLogger } from '../../adapters/slack/bolt-logger.js';
import type { Logger } from '../../src/ports/logger.js';

describe("the Slack SDKs' log lines", () => {
  it('never carry request payloads (debug) into the app log; warnings and errors do reach it', () => {
    const lines: string[] = [];
    const record = (_obj: object, msg?: string) => void lines.push(msg ?? '');
    const app: Logger = { debug: record, info: record, warn: record, error: record, child: () => app };
    const slack = boltLogger(app);
    slack.debug('http request body: {"channel":"D0001","blocks":[{"value":"{\\"t\\":\\"token\\"}"}]}');
    slack.warn('rate limited');
    slack.error(new Error('boom'));
    expect(lines).toEqual(['rate limited', 'boom']);
  });
});
