import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the storage tests', () => {
  it('fail, not skip, when MONGODB_URI points where nothing listens', async () => {
    const env = { ...process.env, MONGODB_URI: 'mongodb://127.0.0.1:9/', CI: 'true', NO_COLOR: '1' };
    const vitest = 'node_modules/vitest/vitest.mjs';
    const outcome = await run(process.execPath, [vitest, 'run', '--project', 'integration'], { env, timeout: 60_000 }).then(
      (ok) => ({ code: 0, output: ok.stdout + ok.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
    );
    expect(outcome.code).not.toBe(0);
    expect(outcome.output).toContain('the test database at mongodb://127.0.0.1:9/ does not answer');
  }, 90_000);
});
