import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';

/** The CLI of issue #18: event surveys as code, event sources and webhooks. */

const SERVICE = `id: it-service
name: IT service desk
trigger: { type: event, event: ticket.resolved, delay: { workingDays: 1 }, time: "09:00", expiresAfterDays: 3 }
reminderDays: []
questions:
  - { id: solved, type: yesno, text: { en: Was your issue solved? } }
`;

describe('pulsebot event-source, webhook and event surveys', () => {
  let db: TestDatabase;
  let dir: string;
  beforeEach(async () => {
    db = await openTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'pulsebot-events-'));
  });
  afterEach(async () => {
    await db.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('a dry run of an event survey says what sends it; a reminder after expiry is refused at its path', async () => {
    const path = join(dir, 'service.yaml');
    await writeFile(path, SERVICE);
    const dry = await cli(db.database, ['survey', 'apply', path, '--dry-run']);
    expect(dry.out).toContain('sent to one person when ticket.resolved happens: 1 working day after it, at 09:00 their time; answers taken for 3 days');
    await writeFile(path, SERVICE.replace('reminderDays: []', 'reminderDays: [5]'));
    const bad = await cli(db.database, ['survey', 'apply', path]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('reminderDays[0]');
    expect(bad.err).toContain('expiresAfterDays is 3');
    await writeFile(path, SERVICE.replace('ticket.resolved', 'person.leaving'));
    expect((await cli(db.database, ['survey', 'apply', path])).err).toContain('trigger.event');
    expect(await db.database.collections.surveys.countDocuments({})).toBe(0);
  });

  it('event-source create prints the secret once; list never shows it; revoke stops it', async () => {
    const created = await cli(db.database, ['event-source', 'create', '--name', 'servicedesk']);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^whsec_[A-Za-z0-9+/]{43}=\n$/);
    expect(created.err).toContain('shown only this once');
    expect((await cli(db.database, ['event-source', 'create', '--name', 'servicedesk'])).code).toBe(1);
    expect((await cli(db.database, ['event-source', 'create', '--name', 'Service Desk'])).code).toBe(2);
    const listed = await cli(db.database, ['event-source', 'list']);
    expect(listed.out).toMatch(/servicedesk\t\d{4}-\d{2}-\d{2}\tactive/);
    expect(listed.out).not.toContain('whsec_');
    expect((await cli(db.database, ['event-source', 'revoke', 'servicedesk'])).out).toContain('revoked');
    expect((await cli(db.database, ['event-source', 'list'])).out).toContain('revoked');
  });

  it('webhook create prints the secret once, names a bad event, and list, deliveries and delete work', async () => {
    const bad = await cli(db.database, ['webhook', 'create', '--url', 'https://hr.example.com/hook', '--event', 'round.opened']);
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--event')]);
    expect((await cli(db.database, ['webhook', 'create', '--url', 'ftp://x', '--event', 'round.closed'])).code).toBe(2);
    const created = await cli(db.database, [
      'webhook',
      'create',
      '--url',
      'https://hr.example.com/hook',
      '--event',
      'round.closed',
      '--event',
      'survey.changed',
    ]);
    expect(created.out).toMatch(/^whsec_/);
    const id = /created webhook (wh_[0-9a-f]{16})/.exec(created.err)?.[1] ?? '';
    expect((await cli(db.database, ['webhook', 'list'])).out).toContain(`${id}\thttps://hr.example.com/hook\tround.closed,survey.changed`);
    expect((await cli(db.database, ['webhook', 'deliveries', id])).out).toBe('message\tevent\tstate\tattempts\tlast status\tlast error\n');
    expect((await cli(db.database, ['webhook', 'delete', id])).out).toContain('deleted');
    expect((await cli(db.database, ['webhook', 'list'])).err).toContain('no webhooks yet');
  });
});
