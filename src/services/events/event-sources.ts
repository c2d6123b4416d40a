import { z } from 'zod';
import { newWebhookSecret, verifyWebhook, type SignedHeaders } from '../../lib/standard-webhooks.js';
import { insertOnce } from '../../store/database.js';
import type { ServiceDeps } from '../deps.js';

/**
 * Systems that report events by signing them instead of holding an API key (a service desk, an
 * HR system): each has a name and a `whsec_` secret, shown once when it is made. The secret is
 * kept (the signature is checked with it), so the collection is operations-side and never holds
 * a person.
 */
export const SOURCE_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export const eventSourceDocSchema = z.object({
  _id: z.string().regex(SOURCE_NAME),
  secret: z.string().startsWith('whsec_'),
  createdAt: z.date(),
  revokedAt: z.date().nullable().default(null),
});
export type EventSourceDoc = z.infer<typeof eventSourceDocSchema>;

export interface EventSourceInfo {
  readonly name: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

const info = (doc: EventSourceDoc): EventSourceInfo => ({ name: doc._id, createdAt: doc.createdAt, revokedAt: doc.revokedAt });

export type CreateSourceOutcome = { readonly status: 'created'; readonly secret: string; readonly source: EventSourceInfo } | { readonly status: 'exists' };

/** Makes a source; its secret is returned this once. A name in use (even revoked) is refused. */
export async function createEventSource(deps: ServiceDeps, name: string): Promise<CreateSourceOutcome> {
  if (!SOURCE_NAME.test(name)) throw new Error('a source name is 1–63 lowercase letters, digits, "-" or "_"');
  const doc = eventSourceDocSchema.parse({ _id: name, secret: newWebhookSecret(), createdAt: deps.clock.now().toJSDate() });
  if (!(await insertOnce(deps.store.database.collections.eventSources, doc))) return { status: 'exists' };
  return { status: 'created', secret: doc.secret, source: info(doc) };
}

export async function listEventSources(deps: ServiceDeps): Promise<EventSourceInfo[]> {
  const docs = await deps.store.database.collections.eventSources.find({}).sort({ createdAt: 1 }).toArray();
  return docs.map((doc) => info(eventSourceDocSchema.parse(doc)));
}

/** Stops a source's signatures from being accepted, at once. False when unknown or already revoked. */
export async function revokeEventSource(deps: ServiceDeps, name: string): Promise<boolean> {
  const result = await deps.store.database.collections.eventSources.updateOne(
    { _id: name, revokedAt: null },
    { $set: { revokedAt: deps.clock.now().toJSDate() } },
  );
  return result.modifiedCount === 1;
}

export type SourceCheck = { readonly ok: true; readonly source: string } | { readonly ok: false; readonly reason: string };

/** The source whose secret signed this request (each live source is tried), else why none did. */
export async function verifyEventSource(deps: ServiceDeps, headers: Partial<SignedHeaders>, body: string): Promise<SourceCheck> {
  const sources = await deps.store.database.collections.eventSources.find({ revokedAt: null }).toArray();
  if (sources.length === 0) return { ok: false, reason: 'no event source exists: create one with `npx pulsebot event-source create --name <name>`' };
  let reason = 'the signature does not match any event source';
  const now = deps.clock.now().toMillis();
  for (const source of sources) {
    const result = verifyWebhook(source.secret, headers, body, now);
    if (result.ok) return { ok: true, source: source._id };
    reason = result.reason;
  }
  return { ok: false, reason };
}
