import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` on a machine with nothing configured: no MONGODB_URI, no secret, no Slack or Teams.
 * It must start the embedded database in an empty data folder (reusing the FerretDB binary the
 * test setup built, from the same cache), seed the demo, and serve the playground.
 */
const dataDir = await mkdtemp(join(tmpdir(), 'pulsebot-start-'));
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.pid && alive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

interface Started {
  readonly child: ChildProcess;
  readonly lines: string[];
  readonly base: string;
}

async function npmStart(args: string[]): Promise<Started> {
  const port = await freePort();
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PULSE_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info' };
  const child = spawn('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up:\n${lines.join('\n')}`)), 90_000);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${lines.join('\n')}`)));
    for (const stream of [child.stdout, child.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        lines.push(line);
        if (line.includes('this is the playground')) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  return { child, lines, base: `http://127.0.0.1:${port}` };
}

const alive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to npm and everything under it (as Ctrl-C does); resolves when every process of the group is gone. */
async function stop(started: Started): Promise<boolean> {
  const pid = started.child.pid ?? 0;
  const exited = new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
  process.kill(-pid, 'SIGTERM');
  await exited;
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  return !alive(pid);
}

describe('npm start with nothing configured', () => {
  it('comes up on an empty data folder with the embedded database and the demo, serves the playground, and stops cleanly', async () => {
    const started = await npmStart([]);
    const said = started.lines.join('\n');
    expect(said).toContain(`the embedded database is running with its data in ${join(dataDir, 'db')}`);
    expect(said).toContain(
      `pulsebot: no Slack or Teams credentials, so this is the playground: open http://localhost:${new URL(started.base).port}/playground`,
    );
    expect(started.lines.filter((l) => l.includes('this is the playground'))).toHaveLength(1);

    const page = await fetch(`${started.base}/playground`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/web/assets/adaptivecards.min.js');
    expect((await fetch(`${started.base}/web/assets/adaptivecards.min.js`)).status).toBe(200);
    const { people } = (await (await fetch(`${started.base}/web/api/people`)).json()) as { people: { team: string; roles: string[] }[] };
    expect(people).toHaveLength(40);
    expect(new Set(people.map((p) => p.team)).size).toBe(5);
    expect(people.filter((p) => p.roles.includes('leader'))).toHaveLength(5);
    expect(people.filter((p) => p.roles.includes('hr'))).toHaveLength(1);
    const view = await (await fetch(`${started.base}/dashboard/view`)).text();
    expect(view).toContain('Latest closed round');
    expect(await stop(started)).toBe(true);
    // The data and the playground secret stay for the next start.
    expect(started.lines.some((l) => l.includes('"msg":"shutting down"'))).toBe(true);
    expect((await readdir(dataDir)).sort()).toEqual(['db', 'secret']);
  }, 150_000);

  it('npm start -- --fresh starts empty', async () => {
    const started = await npmStart(['--fresh']);
    const { people } = (await (await fetch(`${started.base}/web/api/people`)).json()) as { people: unknown[] };
    expect(people).toEqual([]);
    expect(started.lines.join('\n')).not.toContain('seeding a demo organisation');
    expect(await stop(started)).toBe(true);
  }, 150_000);
});
