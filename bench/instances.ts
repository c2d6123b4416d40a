/**
 * `npm run bench -- instances --recipients 1000 --instances 3 --rate 20`: several pulsebot
 * processes on one database behind one Slack workspace, as a load-balanced deployment runs. A
 * `send-now` fans out to `recipients` people; once about a third have their prompt, the instance
 * that is sending (the holder of the workspace's send lease, found from each instance's
 * `/metrics`) is SIGKILLed. The others must finish: every person gets exactly one prompt, and
 * the workspace never sees more than the configured rate (the fake Slack answers 429 beyond it,
 * as a single paced sender never makes it do).
 */
import { PROMPT_EVENT_TYPE } from '../adapters/slack/action-value.js';
import { numberFlag, type Flags } from './support/args.js';
import { startBot, type BotProcess } from './support/bot-process.js';
import { openBenchDb } from './support/db.js';
import { benchMongo } from './support/mongo.js';
import { noScheduledRoundDuringBench } from './support/quiet-schedule.js';
import { fanoutStats, waitForFanout } from './support/slack-bot.js';
import { newDbName, sendNow, SIGNING_SECRET, slackEnv, startFakeSlack } from './support/slack-world.js';
import { waitFor } from './support/time.js';

export type InstancesResult = {
  bench: 'instances';
  instances: number;
  recipients: number;
  /** Prompts sent when the sending instance was killed. */
  killedAfter: number;
  duplicates: number;
  lost: number;
  /** chat.postMessage calls the workspace refused for going over the rate. */
  rateLimited: number;
  /** The most prompts accepted in any one second. */
  peakPerSecond: number;
};

/** Prompts this instance has sent, from its own metrics (0 when it cannot say). */
async function promptsSent(bot: BotProcess): Promise<number> {
  try {
    const text = await (await fetch(`${bot.origin}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('pulsebot_prompts_sent_total{platform="slack"} '));
    return line === undefined ? 0 : Number(line.split(' ')[1]);
  } catch {
    return 0;
  }
}

export async function instances(flags: Flags, options: { mongoUri?: string } = {}): Promise<InstancesResult> {
  const recipients = numberFlag(flags, 'recipients', 1000);
  const count = numberFlag(flags, 'instances', 3);
  const rate = numberFlag(flags, 'rate', 20);
  if (count < 2) throw new Error('--instances must be at least 2');
  if (rate <= 0) throw new Error('--rate must be above 0: the bench checks the pace holds across instances');
  const mongo = await benchMongo(options.mongoUri);
  const fake = await startFakeSlack(recipients);
  fake.enforceRate('chat.postMessage', rate);
  const dbName = newDbName('instances');
  const db = await openBenchDb(mongo.uri, dbName);
  await noScheduledRoundDuringBench(db.db);
  const env = slackEnv(fake, mongo.uri, dbName, rate, {
    NODE_ENV: 'test',
    PULSEBOT_TEST_CLAIM_LEASE_MS: '12000',
    PULSEBOT_TEST_CONFIRMATION_WINDOW_MS: '11000',
  });
  const bots: BotProcess[] = [];
  try {
    for (let i = 0; i < count; i++) bots.push(await startBot({ env, entry: 'test/support/child-app.ts', keepLines: false }));
    if (!(await waitFor(async () => (await db.count('people')) >= recipients, 60_000 + recipients * 20, 250))) throw new Error('the directory was not synced');
    // Slack reports posted prompts to the app's one URL: here, the first instance (never the one killed below, unless it is the sender).
    const reportTo = bots[0] as BotProcess;
    fake.reportPostsTo({
      url: `${reportTo.origin}/slack/events`,
      signingSecret: SIGNING_SECRET,
      appId: 'A0PULSEBOT',
      retryDelaysMs: [1000, 8000],
      metadataTypes: [PROMPT_EVENT_TYPE],
    });
    const status = await sendNow((bots[count - 1] as BotProcess).origin, fake);
    if (status !== 200) throw new Error(`/pulse send-now answered HTTP ${status}`);
    await waitFor(() => fake.messages.length >= Math.floor(recipients / 3), 300_000, 20);
    const sent = await Promise.all(bots.map(promptsSent));
    const sender = bots[sent.indexOf(Math.max(...sent))] as BotProcess;
    const killedAfter = fake.messages.length;
    await sender.kill('SIGKILL');
    await waitForFanout(fake, recipients, 60_000, 120_000);
    const stats = fanoutStats(fake, recipients);
    const accepted = fake
      .callsTo('chat.postMessage')
      .filter((c) => !c.rateLimited)
      .map((c) => c.at)
      .sort((a, b) => a - b);
    let peak = 0;
    for (let i = 0, j = 0; i < accepted.length; i++) {
      while ((accepted[i] ?? 0) - (accepted[j] ?? 0) >= 1000) j++;
      peak = Math.max(peak, i - j + 1);
    }
    process.stderr.write(
      `instances: ${count} instances, the sender killed after ${killedAfter} prompts; sends per instance before the kill: ${sent.join(', ')}\n`,
    );
    return {
      bench: 'instances',
      instances: count,
      recipients,
      killedAfter,
      duplicates: stats.duplicates,
      lost: stats.lost,
      rateLimited: fake.rejected.get('chat.postMessage') ?? 0,
      peakPerSecond: peak,
    };
  } finally {
    await fake.events?.settled();
    await Promise.all(bots.map((b) => b.stop()));
    await db.drop();
    await db.close();
    await fake.stop();
    await mongo.stop();
  }
}
