import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsIn } from '../support/card-actions.js';
import { operator } from '../../src/services/actors.js';
import { respondToComment } from '../../src/services/conversations/leader-replies.js';
import type { PostedActivity } from '../fakes/bot-connector.js';
import { ADMIN, HR, startTeamsHarness, TEAM_ID, teamsPeople, type TeamsHarness, type TeamsPerson } from '../fakes/teams-harness.js';
import { eventually } from '../support/slack-harness.js';

/** Issue #19 through the real teams-ai app: the author opens replies from their own entry card and answers back. */

const json = (value: unknown) => JSON.stringify(value);

describe('Teams: replies to a comment, from the author’s own card', () => {
  const people = teamsPeople(6);
  let h: TeamsHarness;
  const attachmentsOf = (a: PostedActivity) => a.activity.attachments;
  const prompt = (person: TeamsPerson) => h.posted(person).find((a) => actionsIn(attachmentsOf(a)).some((x) => x.verb === 'pulse.answer')) as PostedActivity;
  const entry = (person: TeamsPerson) => h.posted(person).find((a) => actionsIn(attachmentsOf(a)).some((x) => x.verb === 'pulse.replies'));

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people, ADMIN, HR] });
    await h.installInTeam(TEAM_ID, 'Support');
    await h.say(ADMIN, 'send-now');
    await eventually(() => h.fake.activities.filter((a) => a.activity.attachments).length === 8, 15_000);
    await h.app.delivery.idle();
    for (const [i, person] of people.entries()) {
      const comment = actionsIn(attachmentsOf(prompt(person))).find((a) => a.verb === 'pulse.answer' && a.data.q === 'comment');
      expect(comment).toBeDefined();
      const reply = await h.execute(person, 'pulse.answer', { ...comment?.data, 'a-comment': `idea number ${i + 1}` }, prompt(person).id);
      expect(reply.status).toBe(200);
    }
    await eventually(() => people.every((p) => entry(p) !== undefined), 15_000);
    const [round] = await h.app.deps.store.rounds.openRounds();
    h.clock.set(h.clock.now().plus({ days: 8 }));
    h.app.delivery.kick();
    await eventually(async () => (await h.app.deps.store.rounds.get(round?._id ?? ''))?.state === 'closed', 15_000);
    await h.app.delivery.idle();
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('HR replies; the author opens it from their entry card and answers back; another member’s card shows nothing of it', async () => {
    const comment = await h.app.database.collections.comments.findOne({ text: 'idea number 1' });
    await respondToComment(h.app.deps, operator('cli', 'hr'), comment?._id ?? '', { ack: 'say-more' });
    const [author, other] = people as [TeamsPerson, TeamsPerson];
    const open = actionsIn(attachmentsOf(entry(author) as PostedActivity)).find((a) => a.verb === 'pulse.replies');
    const opened = await h.execute(author, 'pulse.replies', open?.data ?? {}, (entry(author) as PostedActivity).id);
    expect(opened.status).toBe(200);
    expect(json(opened.body)).toContain('Can you say more?');
    expect(json(opened.body)).toContain('idea number 1');
    const send = actionsIn(opened.body).find((a) => a.verb === 'pulse.replies.answer');
    const answered = await h.execute(
      author,
      'pulse.replies.answer',
      { ...send?.data, reply: 'The handover at shift change.' },
      (entry(author) as PostedActivity).id,
    );
    expect(json(answered.body)).toContain('The handover at shift change.');
    expect((await h.app.database.collections.conversations.findOne({ _id: comment?._id ?? '' }))?.messages.at(-1)).toEqual({
      kind: 'reply',
      from: 'author',
      text: 'The handover at shift change.',
    });

    const theirs = actionsIn(attachmentsOf(entry(other) as PostedActivity)).find((a) => a.verb === 'pulse.replies');
    const nothing = await h.execute(other, 'pulse.replies', theirs?.data ?? {}, (entry(other) as PostedActivity).id);
    expect(json(nothing.body)).toContain('No replies to your comment yet');
    expect(json(nothing.body)).not.toContain('Can you say more?');
    // The author's card clicked by someone else shows nothing either: the token is bound to its recipient.
    const forged = await h.execute(other, 'pulse.replies', open?.data ?? {}, (entry(author) as PostedActivity).id);
    expect(json(forged.body)).not.toContain('Can you say more?');

    // Every invitee of the group hears the same neutral notice, once: receiving it says nothing about who wrote what.
    const notice = (person: TeamsPerson) =>
      h.posted(person).filter((a) => typeof a.activity.text === 'string' && a.activity.text.startsWith('Some comments from your team’s last'));
    h.app.delivery.kick();
    await h.app.delivery.idle();
    await eventually(() => people.every((p) => notice(p).length === 1), 15_000);
    h.app.delivery.kick();
    await h.app.delivery.idle();
    for (const p of people) expect(notice(p)).toHaveLength(1);
  });
});
