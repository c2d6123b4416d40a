import { buildSegmentTree } from '../../domain/anonymity/segment-tree.js';
import { repliesNoticeText } from '../../domain/prompt-view.js';
import type { PlatformRegistry } from '../deliver-due.js';
import type { ServiceDeps } from '../deps.js';
import { recipientOf } from '../recipient.js';

/**
 * The neutral notice (issue #19): when a group's comments get replies, everyone invited to that
 * round in that group hears "some comments got replies", at most once a day per round, so the
 * notice says nothing about who wrote what. One record per round and day lists the groups; the
 * schedule tick sends it. No person is in it.
 */
function today(deps: ServiceDeps): string {
  return deps.clock.now().setZone(deps.settings.defaultTimezone).toISODate() ?? '';
}

/** Records that `group`'s comments in `roundId` got a reply: today's notice, or tomorrow's if today's went out. */
export async function noteReplies(deps: ServiceDeps, roundId: string, group: string): Promise<void> {
  const { repliesNotices } = deps.store.database.collections;
  const day = today(deps);
  const pending = await repliesNotices.updateOne({ _id: `${roundId}|${day}`, state: 'pending' }, { $addToSet: { segments: group } });
  if (pending.matchedCount === 1) return;
  const sentToday = (await repliesNotices.countDocuments({ _id: `${roundId}|${day}` }, { limit: 1 })) > 0;
  const next = sentToday ? (deps.clock.now().setZone(deps.settings.defaultTimezone).plus({ days: 1 }).toISODate() ?? day) : day;
  await repliesNotices.updateOne(
    { _id: `${roundId}|${next}` },
    { $setOnInsert: { roundId, day: next, state: 'pending' }, $addToSet: { segments: group } },
    { upsert: true },
  );
}

/** Sends the notices due (today's or older): one message to each person invited to the round in the groups, once. */
export async function sendRepliesNotices(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { repliesNotices, deliveries } = deps.store.database.collections;
  let sent = 0;
  for (const notice of await repliesNotices.find({ state: 'pending', day: { $lte: today(deps) } }).toArray()) {
    // The claim: one instance sends it.
    const claimed = await repliesNotices.updateOne({ _id: notice._id, state: 'pending' }, { $set: { state: 'sending' } });
    if (claimed.modifiedCount !== 1) continue;
    const round = await deps.store.rounds.get(notice.roundId);
    if (round !== null) {
      const tree = buildSegmentTree(Object.entries(round.segmentParents).map(([id, parentId]) => ({ id, parentId })));
      const groups = [...new Set(notice.segments.flatMap((s) => (tree.has(s) ? tree.subtree(s) : [s])))];
      const invited = deliveries.find(
        { roundId: round._id, reportingSegment: { $in: groups }, state: { $in: ['sent', 'closed'] } },
        { projection: { personKey: 1, locale: 1, platform: 1 } },
      );
      for await (const delivery of invited) {
        const person = await deps.store.people.get(delivery.personKey);
        const platform = platforms.get(delivery.platform);
        if (person === null || !person.active || platform === undefined) continue;
        try {
          const recipient = recipientOf(deps, person, delivery);
          await platform.sendNotice(recipient, repliesNoticeText(round.kind, recipient.locale, round.surveyName));
          sent++;
        } catch (error) {
          deps.logger.warn({ roundId: round._id, code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'replies notice not sent');
        }
      }
    }
    await repliesNotices.updateOne({ _id: notice._id }, { $set: { state: 'sent' } });
  }
  return sent;
}
