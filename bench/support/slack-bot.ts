/** A Slack bench's moving parts: the fake Web API, pulsebot as a process, and the bench's view of its database. */
import type { FakeSlackApi } from '../../test/fakes/slack-api.js';
import { startBot, type BotProcess } from './bot-process.js';
import { openBenchDb, type BenchDb } from './db.js';
import { noScheduledRoundDuringBench } from './quiet-schedule.js';
import { newDbName, slackEnv, startFakeSlack } from './slack-world.js';
import { sleep, waitFor } from './time.js';

export interface SlackBot {
  readonly fake: FakeSlackApi;
  readonly bot: BotProcess;
  readonly db: BenchDb;
  readonly env: Record<string, string>;
  /** Starts the bot again on the same port, database and fake (after a kill). */
  restart(): Promise<BotProcess>;
  dispose(): Promise<void>;
}

export interface SlackBotOptions {
  readonly mongoUri: string;
  readonly people: number;
  /** Messages per second the fake allows and the bot paces to (0 = no limit). */
  readonly rate: number;
  readonly env?: Record<string, string>;
  readonly keepLines?: boolean;
  readonly fake?: FakeSlackApi;
  readonly entry?: string;
  readonly nodeArgs?: readonly string[];
}

/** Starts the fake and the bot and waits until the bot's directory sync has stored every person. */
export async function startSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const fake = options.fake ?? (await startFakeSlack(options.people));
  if (options.rate > 0) fake.enforceRate('chat.postMessage', options.rate);
  const dbName = newDbName('slack');
  const env = slackEnv(fake, options.mongoUri, dbName, options.rate, options.env);
  const db = await openBenchDb(options.mongoUri, dbName);
  const keepLines = options.keepLines ?? false;
  const how = { ...(options.entry ? { entry: options.entry } : {}), ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}) };
  await noScheduledRoundDuringBench(db.db);
  let bot = await startBot({ env, keepLines, ...how });
  const synced = await waitFor(async () => (await db.count('people')) >= options.people, 60_000 + options.people * 20, 250);
  if (!synced) {
    const stored = await db.count('people');
    await bot.stop();
    await db.drop();
    await db.close();
    if (options.fake === undefined) await fake.stop();
    throw new Error(`the directory sync stored ${stored} of ${options.people} people`);
  }
  return {
    fake,
    get bot() {
      return bot;
    },
    db,
    env,
    async restart() {
      bot = await startBot({ env, keepLines, port: bot.port, ...how });
      return bot;
    },
    async dispose() {
      await bot.stop();
      await db.drop();
      await db.close();
      if (options.fake === undefined) await fake.stop();
    },
  };
}

export interface FanoutStats {
  readonly delivered: number;
  readonly duplicates: number;
  readonly lost: number;
}

/** Prompts per person as the fake saw them: duplicates are extra prompts, lost are people with none. */
export function fanoutStats(fake: FakeSlackApi, people: number): FanoutStats {
  const perUser = new Map<string, number>();
  for (const message of fake.messages) if (message.user) perUser.set(message.user, (perUser.get(message.user) ?? 0) + 1);
  let duplicates = 0;
  for (const n of perUser.values()) duplicates += n - 1;
  return { delivered: perUser.size, duplicates, lost: people - perUser.size };
}

/**
 * Waits until `people` have a prompt, or nothing new was posted for `stallMs` once prompts began
 * (writing a big round's deliveries comes first: up to `firstPromptMs` for the first prompt).
 */
export async function waitForFanout(fake: FakeSlackApi, people: number, stallMs: number, firstPromptMs = 600_000): Promise<void> {
  let last = fake.messages.length;
  let lastChange = performance.now();
  while (fanoutStats(fake, people).delivered < people) {
    await sleep(100);
    if (fake.messages.length !== last) {
      last = fake.messages.length;
      lastChange = performance.now();
    } else if (performance.now() - lastChange > (last === 0 ? firstPromptMs : stallMs)) return;
  }
}
