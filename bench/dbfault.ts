/**
 * `npm run bench -- dbfault [--rps 50 --seconds 30 --outage-at 10 --outage-seconds 10]`: answer
 * clicks at a steady rate to pulsebot (its own process) while its database server is stopped for
 * `outage-seconds` in the middle and started again on the same port and data. A click counts as
 * confirmed when pulsebot answered it 200 within Slack's 3 seconds (Slack then shows it as done);
 * every confirmed answer must be in the database at the end, and the process must still be up.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { responseId } from '../src/store/answer-id.js';
import { startMongoServer, type RunningServer } from '../src/embedded-db/launcher.js';
import { numberFlag, type Flags } from './support/args.js';
import { startSlackBot, waitForFanout } from './support/slack-bot.js';
import { answerClicks, postInteraction, SECRET, sendNow } from './support/slack-world.js';
import { sleep, waitFor } from './support/time.js';

export type DbfaultResult = {
  bench: 'dbfault';
  confirmed: number;
  stored: number;
  lostConfirmed: number;
  processAlive: boolean;
};

/** How long the process may take to be healthy again after the outage (the watchdog acts after 25 s). */
const RECOVERY_MS = 60_000;

/** Slack's limit for the HTTP 200 of an interaction: later, the person sees an error. */
const SLACK_ACK_MS = 3_000;

/** The answer id a click stores under (see src/store/answer-id.ts). */
function answerIdOf(body: string): string {
  const payload = JSON.parse(new URLSearchParams(body).get('payload') ?? '{}') as { actions?: { value?: string; selected_option?: { value: string } }[] };
  const action = payload.actions?.[0];
  const value = JSON.parse(action?.value ?? action?.selected_option?.value ?? '{}') as { t?: string; q?: string };
  return responseId(SECRET, value.t ?? '', value.q ?? '');
}

export async function dbfault(flags: Flags): Promise<DbfaultResult> {
  const rps = numberFlag(flags, 'rps', 50);
  const seconds = numberFlag(flags, 'seconds', 30);
  const outageAt = numberFlag(flags, 'outage-at', 10);
  const outageSeconds = numberFlag(flags, 'outage-seconds', 10);
  const total = Math.round(rps * seconds);
  // Its own server, always: the bench stops it.
  const dataDir = await mkdtemp(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'pulsebot-dbfault-'));
  let server: RunningServer = await startMongoServer({ dataDir });
  const port = Number(new URL(server.uri).port);
  const people = Math.ceil(total / 3) + 5;
  const world = await startSlackBot({ mongoUri: server.uri, people, rate: 0, keepLines: true });
  try {
    if ((await sendNow(world.bot.origin, world.fake)) !== 200) throw new Error('/pulse send-now failed');
    await waitForFanout(world.fake, people, 30_000);
    const bodies = world.fake.messages.flatMap((m) => answerClicks(m)).slice(0, total);
    if (bodies.length < total) throw new Error(`only ${bodies.length} distinct answer clicks for ${total}`);

    const results: { status: number; ms: number }[] = new Array<{ status: number; ms: number }>(total);
    const inFlight: Promise<void>[] = [];
    const outage = (async () => {
      await sleep(outageAt * 1000);
      await server.stop();
      process.stderr.write(`dbfault: database stopped at ${outageAt} s\n`);
      await sleep(outageSeconds * 1000);
      server = await startMongoServer({ dataDir, port });
      process.stderr.write(`dbfault: database started again at ${outageAt + outageSeconds} s\n`);
    })();
    const start = performance.now();
    for (let i = 0; i < total; i++) {
      const wait = start + (i * 1000) / rps - performance.now();
      if (wait > 1) await sleep(wait);
      inFlight.push(postInteraction(world.bot.origin, bodies[i] ?? '', 60_000).then((r) => void (results[i] = r)));
    }
    await Promise.all([...inFlight, outage]);

    const confirmedIds = results.flatMap((r, i) => (r.status === 200 && r.ms <= SLACK_ACK_MS ? [answerIdOf(bodies[i] ?? '')] : []));
    const responses = world.db.db.collection<{ _id: string }>('responses');
    // Give retries inside the bot time to land before counting.
    await waitFor(async () => (await responses.countDocuments({ _id: { $in: confirmedIds } })) === confirmedIds.length, 15_000, 500);
    const storedConfirmed = await responses.countDocuments({ _id: { $in: confirmedIds } });
    const stored = await responses.countDocuments();
    // Alive, and answering its health check again: at once, or once the driver watchdog has
    // reconnected a client whose monitor the outage left stuck (src/store/monitor-watchdog.ts).
    const back = performance.now();
    const processAlive = world.bot.alive() && (await waitFor(() => world.bot.healthy(), RECOVERY_MS, 500));
    process.stderr.write(`dbfault: healthy again ${((performance.now() - back) / 1000).toFixed(1)} s after the clicks ended\n`);
    const late = results.filter((r) => r.status === 200 && r.ms > SLACK_ACK_MS).length;
    const failed = results.filter((r) => r.status !== 200).length;
    const errors = world.bot.lines.filter((l) => /"level":(50|60)/.test(l)).length;
    process.stderr.write(
      `dbfault: ${total} clicks; ${confirmedIds.length} confirmed in time, ${late} answered 200 too late, ${failed} failed; ${errors} error log lines\n`,
    );
    return { bench: 'dbfault', confirmed: confirmedIds.length, stored, lostConfirmed: confirmedIds.length - storedConfirmed, processAlive };
  } finally {
    await world.dispose().catch(() => undefined);
    await server.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}
