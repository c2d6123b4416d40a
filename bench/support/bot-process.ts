/**
 * pulsebot as its own process (`node --import tsx app/main.ts`), the way it runs in production:
 * the bench talks to it over HTTP only, can SIGKILL it, and reads its peak memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { waitFor } from './time.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Linux's USER_HZ, which /proc reports CPU times in. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface BotProcess {
  readonly pid: number;
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** Every stdout/stderr line so far (pino JSON on stdout). */
  readonly lines: string[];
  alive(): boolean;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<string>;
  /** Peak resident set (VmHWM) in MB; null once the process is gone. */
  peakRssMb(): number | null;
  /** CPU time the process has used so far (user + system, ms; clock-tick resolution); null once it is gone. */
  cpuMs(): number | null;
  healthy(): Promise<boolean>;
  kill(signal: NodeJS.Signals): Promise<string>;
  /** SIGTERM (graceful shutdown), SIGKILL after 15 s. */
  stop(): Promise<string>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Only what node needs from the bench's own environment: no stray SLACK_* or TEAMS_* settings. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'];
  const env: Record<string, string> = {};
  for (const name of keep) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

export interface StartBotOptions {
  readonly env: Record<string, string>;
  readonly port?: number;
  /** Keep log lines (off for big fan-outs, to keep the bench's own memory flat). */
  readonly keepLines?: boolean;
  readonly readyTimeoutMs?: number;
  /** The entry file, from the repository root: `app/main.ts` (as `npm start`) unless told otherwise; a `.js` entry runs without tsx. */
  readonly entry?: string;
  /** Node's own flags before a `.js` entry (from `npm run start:prod`). */
  readonly nodeArgs?: readonly string[];
}

export async function startBot(options: StartBotOptions): Promise<BotProcess> {
  const port = options.port ?? (await freePort());
  const entry = options.entry ?? 'app/main.ts';
  // A built entry (`npm run build`, then dist/…/*.js) runs on plain node, as `npm run start:prod` does.
  // e.g. BENCH_BOT_NODE_ARGS='--cpu-prof --cpu-prof-dir=.cache/profiles' profiles the bot, not the bench.
  const extra = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(/\s+/).filter((arg) => arg !== '');
  const args = entry.endsWith('.js') ? [...extra, ...(options.nodeArgs ?? []), entry] : [...extra, '--import', 'tsx', entry];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...baseEnv(), PORT: String(port), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid ?? 0;
  const lines: string[] = [];
  const keep = options.keepLines ?? true;
  let running = true;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve(signal ?? String(code));
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => (keep || lines.length < 200 ? lines.push(line) : undefined));
  }
  const origin = `http://127.0.0.1:${port}`;
  const healthy = async (): Promise<boolean> => {
    try {
      const response = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  };
  const bot: BotProcess = {
    pid,
    port,
    origin,
    lines,
    alive: () => running,
    exited,
    peakRssMb() {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1]);
        return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : null;
      } catch {
        return null;
      }
    },
    cpuMs() {
      try {
        // /proc/PID/stat: the fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return null;
      }
    },
    healthy,
    async kill(signal) {
      if (running) child.kill(signal);
      return exited;
    },
    async stop() {
      if (!running) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
  const ready = await waitFor(async () => !running || (await healthy()), options.readyTimeoutMs ?? 60_000, 100);
  if (!ready || !running) {
    await bot.kill('SIGKILL');
    throw new Error(`pulsebot did not start: ${lines.slice(-10).join('\n')}`);
  }
  return bot;
}
