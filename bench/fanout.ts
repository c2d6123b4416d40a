/**
 * `npm run bench -- fanout --recipients N --rate R`: one round to N people through the real Slack
 * path (pulsebot as a process, `/pulse send-now`), against the fake Slack API enforcing R
 * chat.postMessage calls per second (0: no limit). `seconds` runs from the command to the last
 * prompt accepted; peak RSS is the bot process's own (VmHWM). pulsebot runs as production runs
 * it, `npm run start:prod` (built first if needed); `--runtime tsx` runs `npm start`'s way instead.
 */
import { numberFlag, stringFlag, type Flags } from './support/args.js';
import { benchMongo } from './support/mongo.js';
import { ensureBuilt, prodEntry } from './support/prod-entry.js';
import { fanoutStats, startSlackBot, waitForFanout } from './support/slack-bot.js';
import { sendNow } from './support/slack-world.js';
import { wallMs } from './support/time.js';

export type FanoutResult = {
  bench: 'fanout';
  recipients: number;
  rate: number;
  seconds: number;
  boundSeconds: number | null;
  delivered: number;
  duplicates: number;
  lost: number;
  peakRssMb: number | null;
};

export async function fanout(flags: Flags, options: { mongoUri?: string } = {}): Promise<FanoutResult> {
  const recipients = numberFlag(flags, 'recipients', 5000);
  const rate = numberFlag(flags, 'rate', 100);
  const runtime = stringFlag(flags, 'runtime', 'prod');
  if (runtime !== 'prod' && runtime !== 'tsx') throw new Error(`--runtime must be prod or tsx, got "${runtime}"`);
  const prod = runtime === 'prod' ? prodEntry() : null;
  if (prod) ensureBuilt(prod.entry);
  const mongo = await benchMongo(options.mongoUri);
  try {
    const world = await startSlackBot({ mongoUri: mongo.uri, people: recipients, rate, ...(prod ? { entry: prod.entry, nodeArgs: prod.nodeArgs } : {}) });
    try {
      const started = wallMs();
      const status = await sendNow(world.bot.origin, world.fake);
      if (status !== 200) throw new Error(`/pulse send-now answered HTTP ${status}`);
      const boundSeconds = rate > 0 ? recipients / rate : null;
      await waitForFanout(world.fake, recipients, 30_000);
      const posts = world.fake.callsTo('chat.postMessage').filter((c) => !c.rateLimited);
      const last = posts.at(-1)?.at ?? started;
      const first = posts[0]?.at ?? started;
      const stats = fanoutStats(world.fake, recipients);
      const rejected = world.fake.rejected.get('chat.postMessage') ?? 0;
      process.stderr.write(
        `fanout: first prompt after ${((first - started) / 1000).toFixed(2)} s, first→last ${((last - first) / 1000).toFixed(2)} s, 429s ${rejected}${paceNote(
          posts.map((p) => p.at),
          rate,
        )}\n`,
      );
      return {
        bench: 'fanout',
        recipients,
        rate,
        seconds: round2((last - started) / 1000),
        boundSeconds,
        ...stats,
        peakRssMb: world.bot.peakRssMb(),
      };
    } finally {
      await world.dispose();
    }
  } finally {
    await mongo.stop();
  }
}

/**
 * Where a paced run lost time. The limit allows `rate` prompts in any second, so each run of
 * `rate` consecutive prompts takes a second at best: the slowest such run, and how many went
 * out in the first five seconds (`5 × rate` at best), show where the rest went.
 */
function paceNote(times: readonly number[], rate: number): string {
  if (rate <= 0 || times.length <= rate) return '';
  let slowest = 0;
  for (let i = 0; i + rate - 1 < times.length; i++) slowest = Math.max(slowest, (times[i + rate - 1] as number) - (times[i] as number));
  const early = times.filter((t) => t - (times[0] as number) < 5000).length;
  return `, slowest ${rate} in a row took ${(slowest / 1000).toFixed(2)} s, ${early} prompts in the first 5 s`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
