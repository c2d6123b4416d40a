import { describe, expect, it } from 'vitest';
import { responseUrlCheck } from '../../adapters/slack/response-url.js';

/** A click's response_url is posted to only when it is Slack's (or the configured SLACK_API_URL's origin). */
describe('which response URLs the bot posts to', () => {
  it('Slack’s own, over https only', () => {
    const allowed = responseUrlCheck(null);
    expect(allowed('https://hooks.slack.com/actions/T1/123/abc')).toBe(true);
    expect(allowed('http://hooks.slack.com/actions/T1/123/abc')).toBe(false);
    expect(allowed('https://hooks.slack.com.evil.example/actions/T1')).toBe(false);
    expect(allowed('https://169.254.169.254/latest/meta-data')).toBe(false);
    expect(allowed('not a url')).toBe(false);
  });

  it('and the origin of SLACK_API_URL when one is set (a local fake, a proxy), nothing else there', () => {
    const allowed = responseUrlCheck('http://127.0.0.1:4100/api/');
    expect(allowed('http://127.0.0.1:4100/response/click-1')).toBe(true);
    expect(allowed('http://127.0.0.1:4101/response/click-1')).toBe(false);
    expect(allowed('https://hooks.slack.com/actions/T1/123/abc')).toBe(true);
  });
});
