import type { PlatformName } from '../ports/chat-platform.js';
import type { ServiceDeps } from './deps.js';

/**
 * Segment ids. A segment a chat platform defines (a Slack user group, a Teams team) is stored as
 * `platform:tenant:handle`, so another workspace's or tenant's "sales" never merges into ours and
 * k is never reached by pooling strangers. People still type the handle or the name.
 */

export function platformSegmentId(platform: PlatformName, tenant: string, handle: string): string {
  return `${platform}:${tenant}:${handle}`;
}

/**
 * Versions before namespacing stored a platform segment under its bare handle. The first time the
 * namespaced segment is made, it takes over that segment's place in the tree and its leaders, so
 * an upgrade changes nothing anyone sees. The old segment stays (an HR import may use the id).
 */
export async function adoptLegacySegment(deps: ServiceDeps, id: string, handle: string, name: string): Promise<void> {
  const segments = deps.store.database.collections.segments;
  if ((await segments.countDocuments({ _id: id }, { limit: 1 })) > 0) return;
  const legacy = await segments.findOne({ _id: handle });
  await deps.store.segments.upsert({ _id: id, name, parentId: legacy?.parentId ?? null });
  if (legacy === null) return;
  await segments.updateMany({ parentId: handle, _id: { $ne: id } }, { $set: { parentId: id } });
  await deps.store.database.collections.people.updateMany({ leads: handle }, { $addToSet: { leads: id } });
}

/**
 * The segment someone means by `typed`: its id, or else the one segment whose handle (the id's
 * last part) or name matches, ignoring case. Null when there is none, or more than one (then the
 * full id must be given).
 */
export async function resolveSegment(deps: ServiceDeps, typed: string): Promise<string | null> {
  const all = await deps.store.segments.all();
  if (all.some((s) => s._id === typed)) return typed;
  const wanted = typed.trim().toLowerCase();
  const matches = all.filter((s) => s._id.split(':').at(-1)?.toLowerCase() === wanted || s.name.toLowerCase() === wanted);
  return matches.length === 1 ? (matches[0]?._id ?? null) : null;
}
