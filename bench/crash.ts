/**
 * `npm run bench -- crash --recipients 2000 --kills 10`: `kills` fan-outs, each to `recipients`
 * people; pulsebot (its own process) is SIGKILLed at a random point of each (any number of
 * prompts from none to all but one already posted), restarted on the same database, and left to
 * finish. Counts, over all runs, prompts a person got more than once and people who got none.
 */
import { numberFlag, type Flags } from './support/args.js';
import { benchMongo } from './support/mongo.js';
import { fanoutStats, startSlackBot, waitForFanout } from './support/slack-bot.js';
import { sendNow, startFakeSlack } from './support/slack-world.js';
import { waitFor } from './support/time.js';

export type CrashResult = {
  bench: 'crash';
  runs: number;
  duplicates: number;
  lost: number;
};

export async function crash(flags: Flags, options: { mongoUri?: string; random?: () => number } = {}): Promise<CrashResult> {
  const recipients = numberFlag(flags, 'recipients', 2000);
  const kills = numberFlag(flags, 'kills', 10);
  const rate = numberFlag(flags, 'rate', 100);
  // Longer than the scheduler's 1-minute tick: after a restart, sends resume from it (see docs/benchmarks.md).
  const stallMs = numberFlag(flags, 'stall-ms', 65_000);
  const random = options.random ?? Math.random;
  const mongo = await benchMongo(options.mongoUri);
  const fake = await startFakeSlack(recipients);
  let duplicates = 0;
  let lost = 0;
  try {
    for (let run = 0; run < kills; run++) {
      fake.reset();
      const world = await startSlackBot({ mongoUri: mongo.uri, people: recipients, rate, fake });
      try {
        const killAfter = Math.floor(random() * recipients);
        const status = await sendNow(world.bot.origin, fake);
        if (status !== 200) throw new Error(`/pulse send-now answered HTTP ${status}`);
        await waitFor(() => fake.messages.length >= killAfter, 120_000, 5);
        const posted = fake.messages.length;
        await world.bot.kill('SIGKILL');
        await world.restart();
        await waitForFanout(fake, recipients, stallMs, 120_000);
        const stats = fanoutStats(fake, recipients);
        duplicates += stats.duplicates;
        lost += stats.lost;
        process.stderr.write(`crash run ${run + 1}: killed after ${posted} prompts; duplicates ${stats.duplicates}, lost ${stats.lost}\n`);
      } finally {
        await world.dispose();
      }
    }
  } finally {
    await fake.stop();
    await mongo.stop();
  }
  return { bench: 'crash', runs: kills, duplicates, lost };
}
