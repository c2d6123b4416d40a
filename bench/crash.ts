/**
 * `npm run bench -- crash --recipients 2000 --kills 10`: `kills` fan-outs, each to `recipients`
 * people; pulsebot (its own process) is SIGKILLed at a random point of each (any number of
 * prompts from none to all but one already posted), restarted on the same database, and left to
 * finish. The fake Slack reports every posted prompt back (`message_metadata_posted`, as Slack
 * does), which is how a restarted pulsebot settles the prompts a dead one was sending. Counts,
 * over all runs, prompts a person got more than once and people who got none.
 *
 * `--timings test` (the default) runs `test/support/child-app.ts`: the real app with the schedule
 * ticked every 250 ms and the crash lease and Slack's report window cut to seconds, so a run
 * settles in a minute; `--timings production` runs `app/main.ts` (agenda's 1-minute tick, a
 * 10-minute lease), where the same settling takes about ten minutes per kill.
 */
import { PROMPT_EVENT_TYPE } from '../adapters/slack/action-value.js';
import { numberFlag, stringFlag, type Flags } from './support/args.js';
import { benchMongo } from './support/mongo.js';
import { fanoutStats, startSlackBot, waitForFanout } from './support/slack-bot.js';
import { sendNow, SIGNING_SECRET, startFakeSlack } from './support/slack-world.js';
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
  const timings = stringFlag(flags, 'timings', 'test');
  if (timings !== 'test' && timings !== 'production') throw new Error('--timings must be test or production');
  const fast = timings === 'test';
  // Longer than a claim takes to settle: the lease and report window below, or agenda's 1-minute tick.
  const stallMs = numberFlag(flags, 'stall-ms', fast ? 30_000 : 65_000);
  const entry: { entry?: string; env: Record<string, string> } = fast
    ? { entry: 'test/support/child-app.ts', env: { NODE_ENV: 'test', PULSEBOT_TEST_CLAIM_LEASE_MS: '12000', PULSEBOT_TEST_CONFIRMATION_WINDOW_MS: '11000' } }
    : { env: {} };
  const random = options.random ?? Math.random;
  const mongo = await benchMongo(options.mongoUri);
  const fake = await startFakeSlack(recipients);
  let duplicates = 0;
  let lost = 0;
  try {
    for (let run = 0; run < kills; run++) {
      fake.reset();
      const world = await startSlackBot({ mongoUri: mongo.uri, people: recipients, rate, fake, ...entry });
      fake.reportPostsTo({
        url: `${world.bot.origin}/slack/events`,
        signingSecret: SIGNING_SECRET,
        appId: 'A0PULSEBOT',
        retryDelaysMs: fast ? [1000, 8000] : [1000, 60_000, 300_000],
        metadataTypes: [PROMPT_EVENT_TYPE],
      });
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
        await fake.events?.settled();
        await world.dispose();
      }
    }
  } finally {
    await fake.stop();
    await mongo.stop();
  }
  return { bench: 'crash', runs: kills, duplicates, lost };
}
