import { inject } from 'vitest';
import { runCli } from '../../app/cli.js';
import type { Database } from '../../src/store/database.js';
import { TEST_SECRET } from './fixtures.js';

/** The environment the CLI would get: the same variables as the server, pointing at a test database. */
export function cliEnv(database: Database): NodeJS.ProcessEnv {
  return { MONGODB_URI: inject('mongoUri'), MONGODB_DB: database.db.databaseName, PULSE_SECRET: TEST_SECRET, PULSE_MIN_GROUP_SIZE: '5' };
}

/** Runs `pulsebot <args>` in this process, capturing what it prints. */
export async function cli(database: Database, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, cliEnv(database), {
    out: (t) => (out += t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => (err += t.endsWith('\n') ? t : `${t}\n`),
  });
  return { code, out, err };
}
