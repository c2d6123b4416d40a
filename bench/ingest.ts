/**
 * `npm run bench -- ingest --rps R --seconds T [--platform slack|teams]`: answer clicks (Slack
 * `block_actions`, signed) or Action.Execute invokes (Teams, with channel JWTs) sent open-loop at R
 * per second for T seconds to pulsebot running as its own process, each click a different
 * question of a real prompt it delivered first. Latency is from sending the request to its
 * response; stored counts the answers in the database afterwards.
 */
import { numberFlag, stringFlag, type Flags } from './support/args.js';
import { startBot } from './support/bot-process.js';
import { openBenchDb, type BenchDb } from './support/db.js';
import { benchMongo } from './support/mongo.js';
import { startSlackBot, waitForFanout } from './support/slack-bot.js';
import { answerClicks, newDbName, postInteraction, sendNow } from './support/slack-world.js';
import { answerInvokes, cardsPerMember, installInTeam, postActivity, say, startFakeTeams, teamsEnv, teamsRoster, TEAMS_ADMIN } from './support/teams-world.js';
import { quantile, sleep, waitFor } from './support/time.js';
import { BUSY_TEXTS } from './support/busy-texts.js';
import { noScheduledRoundDuringBench } from './support/quiet-schedule.js';

export type IngestResult = {
  bench: 'ingest';
  platform: 'slack' | 'teams';
  sent: number;
  stored: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Answered after 2.5 s: close to Slack's limit. */
  past2500Ms: number;
  /** Answered after 3 s, or not with a 200 (Bolt's own timeout answers 404): the person sees an error. */
  past3000Ms: number;
  /** Answered 200 with "try again in a minute", nothing stored. */
  shed: number;
  /** Answered 200 as recorded, and yet not in the database afterwards. Must be 0. */
  confirmedButLost: number;
  /** The bot process's CPU (user + system) per click while the clicks came in, ms. */
  botCpuMsPerClick: number;
};

/** `busy`: the answer said to try again (shed at the door or by the answer path): nothing was stored. */
type Outcome = { status: number; ms: number; busy?: boolean };

type Send = (i: number) => Promise<Outcome>;

/** Fires request i at start + i/rps, without waiting for earlier ones (an open-loop load). */
export async function openLoop(total: number, rps: number, send: Send): Promise<{ latencies: number[]; errors: number; outcomes: Outcome[] }> {
  const latencies: number[] = [];
  const outcomes: Outcome[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      send(i).then((outcome) => {
        const { status, ms } = outcome;
        latencies.push(ms);
        outcomes.push(outcome);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 200) errors++;
      }),
    );
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(
    `ingest: ${total} requests in ${seconds.toFixed(1)} s; HTTP status counts ${[...statuses].map(([s, n]) => `${s === 0 ? 'none' : s}×${n}`).join(', ')}\n`,
  );
  return { latencies, errors, outcomes };
}

/** The figures every platform reports from one open-loop run. */
function summarise(outcomes: readonly Outcome[], stored: number, shed: number, cpuMs: number): Omit<IngestResult, 'bench' | 'platform' | 'sent' | 'stored'> {
  const latencies = outcomes.map((o) => o.ms);
  const confirmed = outcomes.filter((o) => o.status === 200).length - shed;
  return {
    p50Ms: round1(quantile(latencies, 0.5)),
    p99Ms: round1(quantile(latencies, 0.99)),
    errors: outcomes.filter((o) => o.status !== 200).length,
    past2500Ms: outcomes.filter((o) => o.ms > 2_500).length,
    past3000Ms: outcomes.filter((o) => o.ms > 3_000 || o.status !== 200).length,
    shed,
    confirmedButLost: Math.max(0, confirmed - stored),
    botCpuMsPerClick: round1(cpuMs / Math.max(1, outcomes.length)),
  };
}

/** Prompts needed for `clicks` answers, at `perPrompt` single-click questions each, plus slack. */
function peopleFor(clicks: number, perPrompt: number): number {
  return Math.ceil(clicks / perPrompt) + 5;
}

async function storedAnswers(db: BenchDb): Promise<number> {
  return (await db.count('responses')) + (await db.count('comments'));
}

async function slackIngest(mongoUri: string, total: number, rps: number): Promise<Omit<IngestResult, 'bench' | 'platform'>> {
  // A prompt has at least three single-click questions (eNPS and two drivers).
  const people = peopleFor(total, 3);
  const world = await startSlackBot({ mongoUri, people, rate: 0 });
  try {
    if ((await sendNow(world.bot.origin, world.fake)) !== 200) throw new Error('/pulse send-now failed');
    await waitForFanout(world.fake, people, 30_000);
    const bodies = world.fake.messages.flatMap((m) => answerClicks(m, undefined, world.fake.responseUrl(`click-${m.ts}`, m))).slice(0, total);
    if (bodies.length < total) throw new Error(`only ${bodies.length} distinct answer clicks for ${total}`);
    const cpuBefore = world.bot.cpuMs() ?? 0;
    const { outcomes } = await openLoop(total, rps, (i) => postInteraction(world.bot.origin, bodies[i] ?? ''));
    const cpuMs = (world.bot.cpuMs() ?? 0) - cpuBefore;
    // Shed by the answer path (an ephemeral message) or at the door (through the click's response_url).
    const shed = () =>
      [...world.fake.callsTo('chat.postEphemeral'), ...world.fake.calls.filter((c) => c.method.startsWith('response_url:click-'))].filter((c) =>
        BUSY_TEXTS.has(String(c.params.text)),
      ).length;
    const confirmed = () => outcomes.filter((o) => o.status === 200).length - shed();
    await waitFor(async () => (await storedAnswers(world.db)) >= confirmed(), 10_000, 200);
    const stored = await storedAnswers(world.db);
    return { sent: total, stored, ...summarise(outcomes, stored, shed(), cpuMs) };
  } finally {
    await world.dispose();
  }
}

async function teamsIngest(mongoUri: string, total: number, rps: number): Promise<Omit<IngestResult, 'bench' | 'platform'>> {
  const people = peopleFor(total, 3);
  const roster = teamsRoster(people);
  const fake = await startFakeTeams(roster);
  const dbName = newDbName('teams');
  const db = await openBenchDb(mongoUri, dbName);
  await noScheduledRoundDuringBench(db.db);
  const bot = await startBot({ env: teamsEnv(fake, mongoUri, dbName), keepLines: false });
  try {
    const installed = await postActivity(bot.origin, fake, installInTeam(fake));
    if (installed.status !== 200) throw new Error(`installing in the team answered HTTP ${installed.status}`);
    if (!(await waitFor(async () => (await db.count('people')) >= people, 60_000 + people * 20, 250))) throw new Error('the roster was not stored');
    const started = await postActivity(bot.origin, fake, say(fake, TEAMS_ADMIN, 'send-now'));
    if (started.status !== 200) throw new Error(`send-now answered HTTP ${started.status}`);
    await waitFor(() => cardsPerMember(fake).size >= people, 60_000 + people * 20, 250);
    const invokes = answerInvokes(fake, roster).slice(0, total);
    if (invokes.length < total) throw new Error(`only ${invokes.length} distinct answer invokes for ${total}`);
    const cpuBefore = bot.cpuMs() ?? 0;
    // A shed invoke is answered with the busy text (in a message at the door, in the card's note by the answer path).
    const busy = [...BUSY_TEXTS].map((text) => JSON.stringify(text).slice(1, -1));
    const { outcomes } = await openLoop(total, rps, async (i) => {
      const { status, ms, text } = await postActivity(bot.origin, fake, invokes[i] ?? {});
      return { status, ms, busy: busy.some((b) => text.includes(b)) };
    });
    const cpuMs = (bot.cpuMs() ?? 0) - cpuBefore;
    const shed = outcomes.filter((o) => o.status === 200 && o.busy === true).length;
    await waitFor(async () => (await storedAnswers(db)) >= outcomes.filter((o) => o.status === 200).length - shed, 10_000, 200);
    const stored = await storedAnswers(db);
    return { sent: total, stored, ...summarise(outcomes, stored, shed, cpuMs) };
  } finally {
    await bot.stop();
    await db.drop();
    await db.close();
    await fake.stop();
  }
}

export async function ingest(flags: Flags, options: { mongoUri?: string } = {}): Promise<IngestResult> {
  const rps = numberFlag(flags, 'rps', 300);
  const seconds = numberFlag(flags, 'seconds', 30);
  const platform = stringFlag(flags, 'platform', 'slack');
  if (platform !== 'slack' && platform !== 'teams') throw new Error('--platform must be slack or teams');
  if (rps <= 0) throw new Error('--rps must be above 0');
  const total = Math.round(rps * seconds);
  const mongo = await benchMongo(options.mongoUri);
  try {
    const result = platform === 'slack' ? await slackIngest(mongo.uri, total, rps) : await teamsIngest(mongo.uri, total, rps);
    return { bench: 'ingest', platform, ...result };
  } finally {
    await mongo.stop();
  }
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
