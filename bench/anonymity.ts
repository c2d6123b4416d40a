/**
 * `npm run bench -- anonymity [--people 50] [--log-level info]`: a full round for the people
 * through the real Slack path (Bolt over HTTP, the fake Slack API), every question answered
 * (buttons, selects, multi-selects, a comment each), the round closed; then every collection and
 * every log line is searched for what could link an answer to a person.
 */
import { randomInt } from 'node:crypto';
import { DateTime } from 'luxon';
import { createApp } from '../app/create-app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/ports/clock.js';
import { operator } from '../src/pulse/index.js';
import { ANSWER_COLLECTIONS } from '../src/store/database.js';
import type { FakeSlackApi, PostedMessage } from '../test/fakes/slack-api.js';
import { ORG_ROOT } from '../src/domain/anonymity/segment-tree.js';
import { interactionBody } from '../test/fakes/slack-signing.js';
import { numberFlag, stringFlag, type Flags } from './support/args.js';
import { scanDocuments } from './support/answer-side-scan.js';
import { capturingLogger } from './support/log-capture.js';
import { benchMongo } from './support/mongo.js';
import { answerClicks, clickPayload, newDbName, postInteraction, sendNow, slackEnv, startFakeSlack } from './support/slack-world.js';
import { waitFor } from './support/time.js';

export type AnonymityResult = {
  bench: 'anonymity';
  identifiersOnAnswerSide: number;
  objectIdsOnAnswerSide: number;
  finestTimestampSeconds: number;
  ledgerAfterClose: number;
  answerLogLinesWithUserIds: number;
  identifiersInActions: number;
  linksAfterClose: number;
  impactRoundsStored: number;
  cutsAfterClose: number;
  attributeRoundsCounted: number;
  closedRoundsNotCounted: number;
};

interface Element {
  type?: string;
  action_id?: string;
  value?: string;
  options?: { value: string }[];
}

/** Multi-select submits (one option ticked) and comment-button clicks of a prompt. */
function otherClicks(message: PostedMessage): { multi: string[]; comments: string[] } {
  const multi: string[] = [];
  const comments: string[] = [];
  for (const block of (message.blocks ?? []) as { block_id?: string; elements?: Element[] }[]) {
    const elements = block.elements ?? [];
    const box = elements.find((e) => e.action_id?.startsWith('pulse:multi:'));
    const submit = elements.find((e) => e.action_id?.startsWith('pulse:multi-submit:'));
    if (box && submit && block.block_id) {
      const state = { values: { [block.block_id]: { [box.action_id ?? '']: { type: 'checkboxes', selected_options: box.options?.slice(0, 1) ?? [] } } } };
      const action = { type: 'button', action_id: submit.action_id, block_id: block.block_id, value: submit.value, action_ts: '1' };
      multi.push(interactionBody(clickPayload(message, [action], { state })));
    }
    const comment = elements.find((e) => e.action_id?.startsWith('pulse:comment:'));
    if (comment && block.block_id) {
      comments.push(
        interactionBody(
          clickPayload(message, [{ type: 'button', action_id: comment.action_id, block_id: block.block_id, value: comment.value, action_ts: '1' }]),
        ),
      );
    }
  }
  return { multi, comments };
}

/** Answers every question of `prompts` through Slack (buttons, selects, multi-selects, the comment box); notes each prompt's token. */
async function answerAll(origin: string, fake: FakeSlackApi, prompts: readonly PostedMessage[], tokens: Set<string>): Promise<void> {
  for (const message of prompts) {
    for (const match of JSON.stringify(message.blocks ?? []).matchAll(/\\"t\\":\\"([0-9a-f-]{36})\\"/g)) if (match[1]) tokens.add(match[1]);
    const { multi, comments } = otherClicks(message);
    for (const body of [...answerClicks(message, (n) => randomInt(n)), ...multi]) {
      const { status } = await postInteraction(origin, body);
      if (status !== 200) throw new Error(`an answer click answered HTTP ${status}`);
    }
    for (const body of comments) {
      const opened = fake.callsTo('views.open').length;
      if ((await postInteraction(origin, body)).status !== 200) throw new Error('the comment button failed');
      await waitFor(() => fake.callsTo('views.open').length > opened, 5_000, 10);
      const view = fake.callsTo('views.open').at(-1)?.params.view as Record<string, unknown>;
      const payload = {
        type: 'view_submission',
        user: { id: message.user, username: message.user, team_id: 'T0BENCH' },
        team: { id: 'T0BENCH', domain: 'bench' },
        api_app_id: 'A0APP',
        token: 'verification-token',
        trigger_id: 'trigger-view',
        view: {
          ...view,
          id: 'V1',
          state: { values: { comment: { text: { type: 'plain_text_input', value: 'More focus time would help the whole team.' } } } },
        },
      };
      if ((await postInteraction(origin, interactionBody(payload))).status !== 200) throw new Error('the comment submission failed');
    }
  }
}

const ANSWER_WORDS = /answer|respon|comment|click|action|ledger|particip|counter|vote|score/i;

export async function anonymity(flags: Flags, options: { mongoUri?: string } = {}): Promise<AnonymityResult> {
  const people = numberFlag(flags, 'people', 50);
  const logLevel = stringFlag(flags, 'log-level', 'info');
  const mongo = await benchMongo(options.mongoUri);
  const fake = await startFakeSlack(people);
  const { logger, lines } = capturingLogger(logLevel);
  const dbName = newDbName('anon');
  const config = loadConfig({ ...slackEnv(fake, mongo.uri, dbName, 0), LOG_LEVEL: logLevel });
  const clock = new ManualClock(DateTime.utc());
  const app = await createApp(config, clock, logger, { timings: { scheduler: false, deliveryEveryMs: 3_600_000, closeGraceMs: 0, slackRetries: 2 } });
  try {
    const port = await app.listen(0);
    const origin = `http://127.0.0.1:${port}`;
    await app.slack?.syncDirectories(true);
    // HR's import (issue #20): everyone gets a location and remote work, both reportable, so each
    // prompt carries them until its round closes and closing counts answers per single attribute.
    const rows = fake.users.map((u, i) => ({
      where: `row ${i + 1}`,
      row: { email: u.profile?.email, team: 'Bench', location: i % 2 === 0 ? 'Oslo' : 'Bergen', remote: i % 3 === 0 },
    }));
    const imported = await app.pulse.directory.import(rows, { reportable: ['location', 'remote'] });
    if (imported.matched < fake.users.length) throw new Error(`the people import matched ${imported.matched} of ${fake.users.length}`);
    if ((await sendNow(origin, fake)) !== 200) throw new Error('/pulse send-now failed');
    if (!(await waitFor(() => new Set(fake.messages.map((m) => m.user)).size >= people, 60_000))) throw new Error('not everyone got a prompt');
    await app.delivery.idle();

    const tokens = new Set<string>();
    await answerAll(
      origin,
      fake,
      fake.messages.map((m) => structuredClone(m)),
      tokens,
    );
    await app.delivery.idle();
    const answered = (await app.database.collections.responses.countDocuments()) + (await app.database.collections.comments.countDocuments());
    if (answered === 0) throw new Error('no answer was stored: the bench answered nothing');

    // Close: past the round's last day everywhere, then one scheduler pass.
    const round = await app.database.collections.rounds.findOne({});
    if (round === null) throw new Error('no round was opened');
    clock.set(DateTime.fromJSDate(round.closesAt).plus({ hours: 1 }));
    app.delivery.kick();
    await app.delivery.idle();
    if ((await app.database.collections.rounds.findOne({ _id: round._id }))?.state === 'open') throw new Error('the round did not close');
    // A leader replies to a comment (issue #19): the conversation is on the answer side and is scanned with it.
    const [comment] = await app.database.collections.comments.find({}).limit(1).toArray();
    if (comment === undefined) throw new Error('no comment was stored: the bench wrote none');
    await app.pulse.conversations.respond(operator('cli', 'bench'), comment._id, { text: 'Thank you, can you tell us more?' });

    // An action (issue #19): committed for everyone, announced, and asked about in the next round, whose answers are scanned too.
    const action = await app.pulse.actions.commit(operator('cli', 'bench'), {
      segment: ORG_ROOT,
      driver: 'workload',
      words: { text: 'Focus time on Wednesdays' },
      dueDate: clock.now().plus({ days: 30 }).toISODate() ?? '',
    });
    clock.set(clock.now().plus({ days: 1 }));
    const sentBefore = fake.messages.length;
    if ((await sendNow(origin, fake)) !== 200) throw new Error('the second /pulse send-now failed');
    const secondPrompts = () => fake.messages.slice(sentBefore).filter((m) => JSON.stringify(m.blocks ?? []).includes(`action-${action._id}`));
    if (!(await waitFor(() => secondPrompts().length >= people, 60_000))) throw new Error('the next round did not ask the action’s follow-up');
    await app.delivery.idle();
    await answerAll(
      origin,
      fake,
      secondPrompts().map((m) => structuredClone(m)),
      tokens,
    );
    await app.delivery.idle();
    const second = await app.database.collections.rounds.findOne({ state: 'open' });
    if (second === null) throw new Error('the second round was not opened');
    clock.set(DateTime.fromJSDate(second.closesAt).plus({ hours: 1 }));
    app.delivery.kick();
    await app.delivery.idle();
    if ((await app.database.collections.responses.countDocuments({ questionId: `action-${action._id}` })) === 0)
      throw new Error('nobody answered the follow-up');

    const identity = [
      ...fake.users.flatMap((u) => [u.id, u.name ?? '', u.real_name ?? '', u.profile?.email ?? '']),
      ...(await app.database.collections.people.find({}).toArray()).flatMap((p) => [p._id, p.userId, p.email ?? '']),
      ...(await app.database.collections.deliveries.find({}).toArray()).flatMap((d) => [d.messageChannel ?? '', d.messageId ?? '']),
      ...tokens,
    ].filter((s) => s !== '');
    const answerDocs: { collection: string; doc: unknown }[] = [];
    // Driver impact's pair sums and the counts per attribute (issue #20) are answer side too.
    for (const name of [...ANSWER_COLLECTIONS, 'impact_sums', 'attribute_counts']) {
      for (const doc of await app.database.db.collection(name).find({}).toArray()) answerDocs.push({ collection: name, doc });
    }
    const scan = scanDocuments(answerDocs, identity);
    // Actions name their owner (a leader, known by role) and a group; never anyone who answered.
    const actionScan = scanDocuments(
      (await app.database.collections.actions.find({}).toArray()).map((doc) => ({ collection: 'actions', doc })),
      identity,
    );
    const ledgerAfterClose = await app.database.collections.participation.countDocuments();
    // No link between one prompt's answers survives its round's close; only sums per group stay.
    const openRounds = (await app.database.collections.rounds.find({ state: { $ne: 'closed' } }).toArray()).map((r) => r._id);
    const linksAfterClose = await app.database.collections.responses.countDocuments({ link: { $exists: true }, roundId: { $nin: openRounds } });
    const impactRoundsStored = await app.database.db.collection('impact_sums').countDocuments();
    // Nor the attribute values its answers carried; only counts per single attribute stay.
    const cutsAfterClose = await app.database.collections.responses.countDocuments({ cut: { $exists: true }, roundId: { $nin: openRounds } });
    const attributeRoundsCounted = await app.database.db.collection('attribute_counts').countDocuments();
    const counted = new Set((await app.database.db.collection('attribute_counts').find({}).toArray()).map((d) => String(d._id)));
    const closedRoundsNotCounted = (await app.database.collections.rounds.find({ state: 'closed' }).toArray()).filter((r) => !counted.has(r._id)).length;
    const needles = identity.filter((id) => id.length >= 4);
    const answerLines = lines.filter((line) => ANSWER_WORDS.test(line) && needles.some((id) => line.includes(id)));
    const collections = (await app.database.db.listCollections().toArray()).map((c) => c.name).sort();
    process.stderr.write(
      `anonymity: ${answered} answers in ${answerDocs.length} answer-side documents; collections ${collections.join(', ')}; ` +
        `${lines.length} log lines at ${logLevel}; findings: ${[...scan.findings.slice(0, 10), ...answerLines.slice(0, 5)].join(' | ') || 'none'}\n`,
    );
    return {
      bench: 'anonymity',
      identifiersOnAnswerSide: scan.identifiers,
      objectIdsOnAnswerSide: scan.objectIds,
      finestTimestampSeconds: scan.finestTimestampSeconds,
      ledgerAfterClose,
      answerLogLinesWithUserIds: answerLines.length,
      identifiersInActions: actionScan.identifiers,
      linksAfterClose,
      impactRoundsStored,
      cutsAfterClose,
      attributeRoundsCounted,
      closedRoundsNotCounted,
    };
  } finally {
    await app.close().catch(() => undefined);
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(mongo.uri);
    await client
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await fake.stop();
    await mongo.stop();
  }
}
