import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/lib/standard-webhooks.js';
import { closeRound } from '../../src/services/close-round.js';
import { recordAnswer } from '../../src/services/record-answer.js';
import { newResponseToken } from '../../src/services/response-id.js';
import { startRound } from '../../src/services/start-round.js';
import { dispatchDueWebhooks } from '../../src/services/webhooks/dispatch.js';
import { createWebhook, webhookDeliveries } from '../../src/services/webhooks/webhooks-config.js';
import { startWebhookLoop } from '../../src/services/webhooks/webhook-loop.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { seedPeople, testDeps, weeklyPulse } from '../support/fixtures.js';

/** Results out by themselves (issue #18): the outbox survives a receiver that is down and a restart. */

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

function receiver(port: number, received: Received[]): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

describe('outgoing webhooks', () => {
  let db: TestDatabase;
  let server: Server | null = null;
  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await db.dispose();
  });

  it('a receiver down for an hour gets every round.closed exactly once when it is back, signed, across a restart, with figures of visible groups only', async () => {
    let deps = testDeps(db.database, '2026-11-30T12:00:00Z');
    // A port nobody listens on yet: the receiver is down.
    const probe = await receiver(0, []);
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const { webhook, secret } = await createWebhook(deps, { url: `http://127.0.0.1:${port}/hook`, events: ['round.closed'] });

    const people = await seedPeople(deps, { big: 5, small: 1 });
    const rounds = [];
    for (const date of ['2026-11-23', '2026-11-30']) {
      deps.clock.set(DateTime.fromISO(`${date}T12:00:00Z`, { zone: 'utc' }));
      const round = await startRound(deps, weeklyPulse(), date, { defaultTimezone: 'UTC' });
      const question = round.questionIds[0] ?? '';
      for (const person of people)
        await recordAnswer(deps, { roundId: round._id, person, responseToken: newResponseToken(), questionId: question, raw: question === 'enps' ? '8' : '4' });
      if (round.questionIds.includes('comment'))
        for (const person of people)
          await recordAnswer(deps, {
            roundId: round._id,
            person,
            responseToken: newResponseToken(),
            questionId: 'comment',
            raw: 'the coffee machine is broken again',
          });
      rounds.push(round._id);
    }
    for (const id of rounds) await closeRound(deps, id, { graceMs: 0 });
    expect(await db.database.collections.webhookDeliveries.countDocuments({ state: 'pending' })).toBe(2);

    // Down for an hour: every attempt fails and is rescheduled, never dropped.
    const start = deps.clock.now();
    for (let minute = 0; minute <= 60; minute++) {
      deps.clock.set(start.plus({ minutes: minute }));
      await dispatchDueWebhooks(deps);
    }
    expect(await db.database.collections.webhookDeliveries.countDocuments({ state: 'pending' })).toBe(2);
    const failedSoFar = await webhookDeliveries(deps, webhook.id);
    expect(failedSoFar?.every((d) => d.attempts >= 5 && d.lastStatus === null && d.lastError?.startsWith('no answer'))).toBe(true);

    // pulsebot restarts (nothing kept in memory), then the receiver comes back.
    deps = testDeps(db.database, start.plus({ minutes: 61 }).toISO() ?? '');
    const received: Received[] = [];
    server = await receiver(port, received);
    for (let minute = 61; minute <= 180; minute++) {
      deps.clock.set(start.plus({ minutes: minute }));
      await dispatchDueWebhooks(deps);
    }

    expect(received).toHaveLength(2);
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(2);
    for (const message of received) {
      const sentAt = Number(message.headers['webhook-timestamp']) * 1000;
      const headers = {
        'webhook-id': String(message.headers['webhook-id']),
        'webhook-timestamp': String(message.headers['webhook-timestamp']),
        'webhook-signature': String(message.headers['webhook-signature']),
      };
      expect(verifyWebhook(secret, headers, message.body, sentAt)).toEqual({ ok: true });
      expect(verifyWebhook(secret, headers, message.body.replace('"org"', '"big"'), sentAt).ok).toBe(false);
      const payload = JSON.parse(message.body) as { type: string; data: { segments: { segment: string; respondents: number }[] } };
      expect(payload.type).toBe('round.closed');
      // The organisation (6) is shown; "big" (5) is not, as org minus big would single out "small".
      expect(payload.data.segments.map((s) => [s.segment, s.respondents])).toEqual([['org', 6]]);
      for (const person of people) expect(message.body).not.toContain(person.split(':').at(-1));
      expect(message.body).not.toContain('coffee machine');
    }
    const log = await webhookDeliveries(deps, webhook.id);
    expect(log?.map((d) => d.state)).toEqual(['delivered', 'delivered']);
    // Nothing is sent twice afterwards.
    deps.clock.set(DateTime.fromJSDate(start.plus({ hours: 30 }).toJSDate()));
    await dispatchDueWebhooks(deps);
    expect(received).toHaveLength(2);
  });

  it('gives a message up after 24 hours of failures and says so in the delivery log', async () => {
    const deps = testDeps(db.database, '2026-11-30T12:00:00Z');
    const received: Received[] = [];
    server = createServer((_req, res) => {
      received.push({ headers: {}, body: '' });
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const { webhook } = await createWebhook(deps, { url: `http://127.0.0.1:${port}/`, events: ['round.closed'] });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    await closeRound(deps, round._id, { graceMs: 0 });
    const start = deps.clock.now();
    for (let hour = 0; hour <= 26; hour++) {
      deps.clock.set(start.plus({ hours: hour }));
      await dispatchDueWebhooks(deps);
    }
    const [entry] = (await webhookDeliveries(deps, webhook.id)) ?? [];
    expect(entry).toMatchObject({ state: 'failed', lastStatus: 500, lastError: 'the receiver answered 500', nextAttemptAt: null });
    expect(received.length).toBe(entry?.attempts);
  });

  it('a round whose process died between closing it and storing its message is announced by the next webhook pass, once', async () => {
    const deps = testDeps(db.database, '2026-11-23T12:00:00Z');
    await createWebhook(deps, { url: 'http://127.0.0.1:9/never-called', events: ['round.closed'] });
    const round = await startRound(deps, weeklyPulse(), '2026-11-23', { defaultTimezone: 'UTC' });
    await closeRound(deps, round._id, { graceMs: 0 });
    // As if the process died right after the close: no message stored, the round not marked.
    await db.database.collections.webhookDeliveries.deleteMany({});
    await db.database.collections.rounds.updateOne({ _id: round._id }, { $set: { announced: false } });
    const posted: string[] = [];
    const loop = startWebhookLoop(deps, (_url, headers) => {
      posted.push(headers['webhook-id'] ?? '');
      return Promise.resolve(204);
    });
    await loop.run();
    await loop.run();
    expect(posted).toHaveLength(1);
    expect((await deps.store.rounds.get(round._id))?.announced).toBe(true);
  });
});
