/**
 * `npm run bench -- hostile --requests 5000`: hostile requests (see support/hostile-requests.ts)
 * against pulsebot running as its own process with Slack, Teams and the HR API on, after a real
 * round went out and was answered once on each platform. Every document is compared before and
 * after: `writes` counts the documents added, changed or removed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { numberFlag, type Flags } from './support/args.js';
import { startBot } from './support/bot-process.js';
import { openBenchDb } from './support/db.js';
import { changes, snapshot } from './support/db-snapshot.js';
import { hostileRound, type HostileContext, type HostileRequest } from './support/hostile-requests.js';
import { benchMongo } from './support/mongo.js';
import { answerClicks, newDbName, postInteraction, sendNow, slackEnv, startFakeSlack } from './support/slack-world.js';
import { answerInvokes, cardsPerMember, installInTeam, postActivity, say, startFakeTeams, teamsEnv, teamsRoster, TEAMS_ADMIN } from './support/teams-world.js';
import { sleep, waitFor } from './support/time.js';
import { noScheduledRoundDuringBench } from './support/quiet-schedule.js';

export type HostileResult = {
  bench: 'hostile';
  requests: number;
  rejected: number;
  accepted: number;
  writes: number;
  crashes: number;
  serverErrors: number;
};

const PEOPLE = 10;
const CONCURRENCY = 8;

/** Why the last request without a response failed (a reset, a timeout), for the notes on stderr. */
const failures = new Map<string, string>();

async function send(origin: string, request: HostileRequest): Promise<number> {
  try {
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
      signal: AbortSignal.timeout(30_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch (error) {
    failures.set(request.kind, String((error as Error).cause ?? error).slice(0, 160));
    return 0;
  }
}

export async function hostile(flags: Flags, options: { mongoUri?: string } = {}): Promise<HostileResult> {
  const total = numberFlag(flags, 'requests', 5000);
  const mongo = await benchMongo(options.mongoUri);
  const slackFake = await startFakeSlack(PEOPLE);
  const roster = teamsRoster(PEOPLE);
  const teamsFake = await startFakeTeams(roster);
  const dbName = newDbName('hostile');
  const db = await openBenchDb(mongo.uri, dbName);
  await noScheduledRoundDuringBench(db.db);
  const env = {
    ...slackEnv(slackFake, mongo.uri, dbName, 0),
    ...teamsEnv(teamsFake, mongo.uri, dbName),
    PULSE_ADMINS: `slack:UADMIN,teams:${TEAMS_ADMIN.aadObjectId}`,
  };
  let bot = await startBot({ env, keepLines: true });
  try {
    // An HR API key, stored the way `pulsebot api-key create` stores one.
    const keyId = randomBytes(6).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await db.db.collection('api_keys').insertOne({
      _id: keyId as never,
      name: 'bench',
      hash: createHash('sha256').update(secret).digest('hex'),
      createdAt: new Date(),
      revokedAt: null,
      lastUsedOn: null,
    });
    const apiKey = `pb_${keyId}_${secret}`;

    // A real round on both platforms, answered once on each, before anything hostile.
    if ((await postActivity(bot.origin, teamsFake, installInTeam(teamsFake))).status !== 200) throw new Error('the Teams install failed');
    if (!(await waitFor(async () => (await db.count('people')) >= PEOPLE + roster.length, 60_000, 100))) throw new Error('the directories were not synced');
    if ((await sendNow(bot.origin, slackFake)) !== 200) throw new Error('/pulse send-now failed');
    await waitFor(() => slackFake.messages.length >= PEOPLE && cardsPerMember(teamsFake).size >= roster.length, 60_000, 100);
    const prompt = slackFake.messages.find((m) => m.user !== 'UADMIN') ?? slackFake.messages[0];
    const legitClick = prompt ? answerClicks(prompt)[0] : undefined;
    const legitInvoke = answerInvokes(teamsFake, roster)[0];
    if (!prompt || !legitClick || !legitInvoke) throw new Error('no prompt to answer');
    if ((await postInteraction(bot.origin, legitClick)).status !== 200) throw new Error('the legitimate click failed');
    if ((await postActivity(bot.origin, teamsFake, legitInvoke)).status !== 200) throw new Error('the legitimate invoke failed');
    if (
      (await send(bot.origin, { kind: 'warm-up', path: '/api/v1/results?survey=pulse', method: 'GET', headers: { authorization: `Bearer ${apiKey}` } })) >= 500
    )
      throw new Error('the HR API failed');
    const member =
      roster.find((m) => m.id === (teamsFake.conversations.get(String((legitInvoke.conversation as { id: string }).id))?.members[0] ?? '')) ?? roster[0];
    // First contact from the admin and the member: pulsebot then knows their chat (a legitimate write).
    for (const who of [TEAMS_ADMIN, member ?? TEAMS_ADMIN]) await postActivity(bot.origin, teamsFake, say(teamsFake, who, 'help'));
    await sleep(1_500);
    const value = (legitInvoke.value as { action: { data: Record<string, unknown> } }).action.data;
    const ctx: HostileContext = {
      legitClick,
      channel: prompt.channel,
      ts: prompt.ts,
      userId: prompt.user ?? 'U000001',
      apiKey,
      teams: teamsFake,
      member: member ?? roster[0]!,
      teamsPromptId: String(legitInvoke.replyToId),
      teamsLink: { r: value.r, t: value.t, q: value.q },
    };

    const before = await snapshot(db.db);
    const statuses = new Map<string, Map<number, number>>();
    let sent = 0;
    let crashes = 0;
    for (let round = 0; sent < total; round++) {
      const batch = hostileRound(ctx, round).slice(0, total - sent);
      for (let i = 0; i < batch.length; i += CONCURRENCY) {
        const slice = batch.slice(i, i + CONCURRENCY);
        const results = await Promise.all(slice.map((request) => send(bot.origin, request)));
        slice.forEach((request, j) => {
          const status = results[j] ?? 0;
          if ((status === 0 || status >= 500) && (statuses.get(request.kind)?.size ?? 0) < 3) {
            process.stderr.write(`hostile: ${request.kind} #${round} → ${status === 0 ? 'no response' : status}: ${(request.body ?? '').slice(0, 300)}\n`);
          }
          const byStatus = statuses.get(request.kind) ?? new Map<number, number>();
          byStatus.set(results[j] ?? 0, (byStatus.get(results[j] ?? 0) ?? 0) + 1);
          statuses.set(request.kind, byStatus);
        });
        sent += slice.length;
      }
      if (!bot.alive()) {
        // A crash: count it and start the bot again, so the rest of the requests still run.
        crashes++;
        process.stderr.write(`hostile: pulsebot died (${await bot.exited}): ${bot.lines.slice(-5).join(' | ')}\n`);
        bot = await startBot({ env, keepLines: false, port: bot.port });
      }
    }
    await sleep(2_000);
    if (!(await bot.healthy())) crashes++;
    const after = await snapshot(db.db);
    const written = changes(before, after);

    let rejected = 0;
    let accepted = 0;
    let serverErrors = 0;
    const summary: string[] = [];
    for (const [kind, byStatus] of statuses) {
      for (const [status, n] of byStatus) {
        if (status >= 500) serverErrors += n;
        else if (status >= 200 && status < 400) accepted += n;
        else rejected += n;
      }
      summary.push(`${kind} ${[...byStatus].map(([s, n]) => `${s}×${n}`).join(',')}`);
    }
    process.stderr.write(`hostile: ${summary.join('; ')}\n`);
    for (const [kind, why] of failures) process.stderr.write(`hostile: ${kind} had no response: ${why}\n`);
    const problems = bot.lines.filter((line) => /"level":(50|60)/.test(line));
    if (problems.length > 0) process.stderr.write(`hostile: pulsebot logged ${problems.length} errors, e.g. ${problems.slice(0, 3).join(' | ')}\n`);
    if (written.length > 0) process.stderr.write(`hostile: writes: ${written.slice(0, 20).join(', ')}\n`);
    return { bench: 'hostile', requests: sent, rejected, accepted, writes: written.length, crashes, serverErrors };
  } finally {
    await bot.stop();
    await db.drop();
    await db.close();
    await slackFake.stop();
    await teamsFake.stop();
    await mongo.stop();
  }
}
