import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyApiKey } from '../../src/services/api-keys.js';
import { cliEnv } from '../support/cli.js';
import { openTestDatabase, type TestDatabase } from '../support/database.js';
import { testDeps } from '../support/fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/pulsebot.js', import.meta.url));

/** Runs the real `pulsebot` executable (the package.json bin) in a child process. */
function pulsebot(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

describe('the pulsebot executable', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db.dispose();
  });

  it('--help lists the commands and exits 0; a bad command or missing config exits 2 with one line that says what to do', async () => {
    const help = await pulsebot(['--help'], {});
    expect(help.code).toBe(0);
    for (const command of ['people import', 'api-key create', 'role add', 'export results']) expect(help.out).toContain(command);
    const bad = await pulsebot(['frobnicate'], {});
    expect([bad.code, bad.err]).toEqual([2, 'pulsebot: unknown command "frobnicate"\nRun `npx pulsebot --help` for the commands.\n']);
    const noConfig = await pulsebot(['api-key', 'list'], {});
    expect(noConfig.code).toBe(2);
    expect(noConfig.err).toBe('pulsebot: config error: MONGODB_URI is missing: set it to your MongoDB connection string, e.g. mongodb://localhost:27017\n');
  }, 40_000);

  it('api-key create prints a working key once; list never shows it; revoke stops it', async () => {
    const env = cliEnv(db.database);
    // A key without a scope, or with one that does not exist, is refused and nothing is stored.
    const unscoped = await pulsebot(['api-key', 'create', '--name', 'Workday'], env);
    expect([unscoped.code, unscoped.err]).toEqual([
      2,
      'pulsebot: api-key create needs at least one --scope (repeat it for more): results:read, people:write, exit:write, surveys:write, events:write, webhooks:write, admin\nRun `npx pulsebot --help` for the commands.\n',
    ]);
    const misspelt = await pulsebot(['api-key', 'create', '--name', 'Workday', '--scope', 'results:write'], env);
    expect([misspelt.code, misspelt.err.split('\n')[0]]).toEqual([
      2,
      'pulsebot: unknown scope "results:write": use results:read, people:write, exit:write, surveys:write, events:write, webhooks:write, admin',
    ]);
    expect(await db.database.db.collection('api_keys').countDocuments({})).toBe(0);

    const created = await pulsebot(['api-key', 'create', '--name', 'Workday', '--scope', 'exit:write', '--scope', 'people:write'], env);
    expect(created.code).toBe(0);
    const key = created.out.trim();
    expect(key).toMatch(/^pb_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    const deps = testDeps(db.database);
    const info = await verifyApiKey(deps, key);
    expect(info?.name).toBe('Workday');
    expect(info?.scopes).toEqual(['exit:write', 'people:write']);

    const list = await pulsebot(['api-key', 'list'], env);
    expect(list.out).toContain(`${info?.id}\tWorkday\texit:write,people:write\t`);
    expect(list.out).toContain('active');
    expect(list.out).not.toContain(key.slice(16));

    expect((await pulsebot(['api-key', 'revoke', info?.id ?? ''], env)).code).toBe(0);
    expect(await verifyApiKey(deps, key)).toBeNull();
    const again = await pulsebot(['api-key', 'revoke', info?.id ?? ''], env);
    expect(again.code).toBe(1);
    expect((await pulsebot(['api-key', 'create'], env)).code).toBe(2);
  }, 60_000);
});
