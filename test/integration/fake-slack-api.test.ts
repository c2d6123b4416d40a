import { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import { WebClient, type UsersListResponse } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack-api.js';
import { postSigned, slackSignatureHeaders, slashCommandBody } from '../fakes/slack-signing.js';

const TOKEN = 'xoxb-test-token';
const SIGNING_SECRET = 'test-signing-secret';

describe('the fake Slack Web API, driven by the real @slack/web-api WebClient', () => {
  let fake: FakeSlackApi;
  let client: WebClient;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    client = new WebClient(TOKEN, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    });
  });
  afterAll(async () => {
    await fake.stop();
  });
  beforeEach(() => {
    fake.reset();
    fake.users = [];
  });

  it('answers auth.test with the bot identity and records the bearer token', async () => {
    const result = await client.auth.test();
    expect(result).toMatchObject({ ok: true, team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' });
    expect(fake.callsTo('auth.test')).toEqual([expect.objectContaining({ token: TOKEN, rateLimited: false })]);
  });

  it('pages users.list by cursor until every one of 450 users is collected', async () => {
    fake.users = Array.from({ length: 450 }, (_, i) => ({ id: `U${String(i).padStart(5, '0')}`, tz: 'Europe/Paris' }));
    const ids: string[] = [];
    for await (const page of client.paginate('users.list', { limit: 200 })) {
      ids.push(...((page as UsersListResponse).members ?? []).map((member) => member.id ?? ''));
    }
    expect(ids).toEqual(fake.users.map((user) => user.id));
    expect(fake.callsTo('users.list')).toHaveLength(3);
    const first = await client.users.list({ limit: 10 });
    expect(first.members).toHaveLength(10);
    expect(first.members?.[0]).toMatchObject({ id: 'U00000', team_id: 'T0TEST', tz: 'Europe/Paris', deleted: false });
  });

  it('posts a DM to a user id and applies chat.update to the stored message', async () => {
    const posted = await client.chat.postMessage({ channel: 'U123', text: 'first', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'first' } }] });
    expect(posted).toMatchObject({ ok: true, channel: 'DU123' });
    expect(fake.messagesTo('U123')).toEqual([expect.objectContaining({ channel: 'DU123', text: 'first', updates: 0 })]);
    expect(fake.callsTo('chat.postMessage')[0]?.params.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'first' } }]);

    await client.chat.update({ channel: posted.channel!, ts: posted.ts!, text: 'second', blocks: [] });
    expect(fake.messages).toEqual([expect.objectContaining({ ts: posted.ts, text: 'second', blocks: [], user: 'U123', updates: 1 })]);
    await expect(client.chat.update({ channel: 'DU123', ts: '1.000000', text: 'x' })).rejects.toMatchObject({ data: { error: 'message_not_found' } });
  });

  it('makes the WebClient wait out a 429 and retry once', async () => {
    fake.failNext('chat.postMessage', 1, 1);
    const started = performance.now();
    await client.chat.postMessage({ channel: 'U1', text: 'hello' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.callsTo('chat.postMessage').map((call) => call.rateLimited)).toEqual([true, false]);
    expect(fake.messages).toHaveLength(1);
  });

  it('refuses calls over an enforced rate without applying them', async () => {
    fake.enforceRate('chat.postMessage', 2);
    await Promise.all(['U1', 'U2', 'U3', 'U4'].map((channel) => client.chat.postMessage({ channel, text: 'hi' })));
    expect(fake.rejected.get('chat.postMessage')).toBe(2);
    expect(fake.messages.map((message) => message.user).sort()).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(6);
  });

  it('rejects a 51-block message with invalid_blocks', async () => {
    const blocks = Array.from({ length: 51 }, () => ({ type: 'divider' }));
    await expect(client.chat.postMessage({ channel: 'U1', text: 'too long', blocks })).rejects.toMatchObject({
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'invalid_blocks' },
    });
    expect(fake.messages).toHaveLength(0);
  });

  it('keeps the bytes of a filesUploadV2 upload', async () => {
    await client.filesUploadV2({ channel_id: 'DU1', filename: 'report.csv', title: 'Report', content: 'a,b\n1,2\n' });
    const [file] = fake.sharedFiles;
    expect(file).toMatchObject({ filename: 'report.csv', title: 'Report', channel_id: 'DU1' });
    expect(file?.bytes?.toString('utf8')).toBe('a,b\n1,2\n');
  });
});

describe('the fake Slack Web API and signed requests, driven by a real Bolt app', () => {
  let fake: FakeSlackApi;
  let app: App;
  let appUrl: string;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    app = new App({ token: TOKEN, receiver: new HTTPReceiver({ signingSecret: SIGNING_SECRET }), clientOptions: { slackApiUrl: fake.url } });
    app.command('/pulse', async ({ ack, command, respond, client }) => {
      await ack();
      await client.chat.postMessage({ channel: command.user_id, text: `pong ${command.text}` });
      await respond({ text: 'sent you a DM', response_type: 'ephemeral' });
    });
    const server = await app.start(0);
    if (!(server instanceof Server)) throw new Error('HTTPReceiver did not return its server');
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    await app.stop();
    await fake.stop();
  });

  it('signs bodies the way Bolt verifies them', () => {
    const body = slashCommandBody({ command: '/pulse', text: 'x', user_id: 'U1' });
    const headers = slackSignatureHeaders(body, SIGNING_SECRET);
    const signature = { 'x-slack-signature': headers['x-slack-signature']!, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) };
    expect(isValidSlackRequest({ signingSecret: SIGNING_SECRET, body, headers: signature })).toBe(true);
    expect(isValidSlackRequest({ signingSecret: 'other', body, headers: signature })).toBe(false);
  });

  it('runs a slash command end to end: DM through the Web API, reply through response_url', async () => {
    const body = slashCommandBody({ command: '/pulse', text: 'ping', user_id: 'U7', response_url: fake.responseUrl('cmd-1') });
    const reply = await postSigned(appUrl, body, { signingSecret: SIGNING_SECRET, contentType: 'application/x-www-form-urlencoded' });
    expect(reply.status).toBe(200);
    await expect.poll(() => fake.callsTo('response_url:cmd-1').length).toBe(1);
    expect(fake.callsTo('response_url:cmd-1')[0]?.params).toEqual({ text: 'sent you a DM', response_type: 'ephemeral' });
    expect(fake.messagesTo('U7')).toEqual([expect.objectContaining({ text: 'pong ping' })]);
    expect(fake.callsTo('auth.test').length).toBeGreaterThanOrEqual(1);

    const forged = await postSigned(appUrl, body, {
      signingSecret: SIGNING_SECRET,
      contentType: 'application/x-www-form-urlencoded',
      signatureOverride: 'v0=00',
    });
    expect(forged.status).toBe(401);
  });
});
