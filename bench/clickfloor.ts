/**
 * `npm run bench -- clickfloor --rps R --seconds T`: what a Slack answer click costs before any
 * pulsebot code runs. The same signed clicks as `ingest` (each carrying its real prompt, about
 * 15 KB) go open-loop to a bare Bolt app (bench/support/bolt-floor-app.ts) that only acks them
 * (`ack`), then to one that also redraws each through its response_url as pulsebot does
 * (`redraw`). Reported beside `ingest`'s bot CPU per click, it says how much of that is Bolt and
 * the HTTP stack, which no change inside pulsebot can remove (issue #21).
 */
import { numberFlag, type Flags } from './support/args.js';
import { startBot } from './support/bot-process.js';
import { benchMongo } from './support/mongo.js';
import { startSlackBot, waitForFanout } from './support/slack-bot.js';
import { answerClicks, postInteraction, sendNow, SIGNING_SECRET } from './support/slack-world.js';
import { quantile } from './support/time.js';
import { openLoop } from './ingest.js';

type FloorRun = {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** The Bolt process's CPU (user + system) per click while the clicks came in, ms. */
  readonly cpuMsPerClick: number;
};

export type ClickFloorResult = {
  readonly bench: 'clickfloor';
  readonly rps: number;
  readonly clicks: number;
  /** The mean size of a click's body, bytes. */
  readonly bodyBytes: number;
  readonly ack: FloorRun;
  readonly redraw: FloorRun;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

async function run(bodies: readonly string[], rps: number, redraw: boolean): Promise<FloorRun> {
  const app = await startBot({ entry: 'bench/support/bolt-floor-app.ts', env: { SLACK_SIGNING_SECRET: SIGNING_SECRET, FLOOR_REDRAW: redraw ? '1' : '0' } });
  try {
    const before = app.cpuMs() ?? 0;
    const { latencies, errors } = await openLoop(bodies.length, rps, (i) => postInteraction(app.origin, bodies[i] ?? ''));
    const cpuMs = (app.cpuMs() ?? 0) - before;
    return {
      p50Ms: round1(quantile(latencies, 0.5)),
      p99Ms: round1(quantile(latencies, 0.99)),
      errors,
      cpuMsPerClick: round1(cpuMs / Math.max(1, bodies.length)),
    };
  } finally {
    await app.stop();
  }
}

export async function clickfloor(flags: Flags, options: { mongoUri?: string } = {}): Promise<ClickFloorResult> {
  const rps = numberFlag(flags, 'rps', 80);
  const seconds = numberFlag(flags, 'seconds', 20);
  if (rps <= 0) throw new Error('--rps must be above 0');
  const total = Math.round(rps * seconds);
  const mongo = await benchMongo(options.mongoUri);
  try {
    // Real prompts, delivered by pulsebot, so the clicks carry exactly what ingest's do.
    const people = Math.ceil(total / 3) + 5;
    const world = await startSlackBot({ mongoUri: mongo.uri, people, rate: 0 });
    try {
      if ((await sendNow(world.bot.origin, world.fake)) !== 200) throw new Error('/pulse send-now failed');
      await waitForFanout(world.fake, people, 30_000);
      const bodies = world.fake.messages.flatMap((m) => answerClicks(m, undefined, world.fake.responseUrl(`click-${m.ts}`, m))).slice(0, total);
      if (bodies.length < total) throw new Error(`only ${bodies.length} distinct answer clicks for ${total}`);
      await world.bot.stop();
      const bodyBytes = Math.round(bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0) / bodies.length);
      return { bench: 'clickfloor', rps, clicks: total, bodyBytes, ack: await run(bodies, rps, false), redraw: await run(bodies, rps, true) };
    } finally {
      await world.dispose();
    }
  } finally {
    await mongo.stop();
  }
}
