import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../store/database.js';
import type { ServiceDeps } from './deps.js';

/**
 * API keys for the HR system integration. A key is `pb_<id>_<secret>`: the id finds the record,
 * the secret (256 random bits) is never stored, only its SHA-256. A slow hash is not needed for
 * a secret with that much entropy; comparison is constant-time.
 */
/**
 * What a key may do. `results:read` reads aggregated results; `people:write` imports people;
 * `exit:write` schedules and cancels exit surveys; `surveys:write` writes survey definitions;
 * `events:write` reports events that trigger surveys; `webhooks:write` configures outgoing webhooks;
 * `admin` reads the anonymity report (and is never implied by the others).
 */
export const API_SCOPES = ['results:read', 'people:write', 'exit:write', 'surveys:write', 'events:write', 'webhooks:write', 'admin'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const apiScopeSchema = z.enum(API_SCOPES);

/** Keys made before scopes existed could call every route there was then: they keep exactly that. */
export const LEGACY_SCOPES: readonly ApiScope[] = ['results:read', 'people:write', 'exit:write'];

export const apiKeyDocSchema = z.object({
  _id: z.string().regex(/^[0-9a-f]{12}$/),
  name: z.string().min(1).max(100),
  /** hex SHA-256 of the secret part. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.date(),
  revokedAt: z.date().nullable().default(null),
  /** The last day (UTC) the key was used; written at most once a day. */
  lastUsedOn: z.iso.date().nullable().default(null),
  /** Absent on keys made before scopes existed (see LEGACY_SCOPES). */
  scopes: z.array(apiScopeSchema).optional(),
});
export type ApiKeyDoc = z.infer<typeof apiKeyDocSchema>;

export interface ApiKeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedOn: string | null;
  readonly scopes: readonly ApiScope[];
}

const KEY_PATTERN = /^pb_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function apiKeys(database: Database) {
  return database.db.collection<ApiKeyDoc>('api_keys');
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

const info = (doc: ApiKeyDoc): ApiKeyInfo => ({
  id: doc._id,
  name: doc.name,
  createdAt: doc.createdAt,
  revokedAt: doc.revokedAt,
  lastUsedOn: doc.lastUsedOn,
  scopes: doc.scopes ?? LEGACY_SCOPES,
});

/** Creates a key with `scopes` (at least one). The returned `key` is shown once and cannot be recovered later. */
export async function createApiKey(deps: ServiceDeps, name: string, scopes: readonly ApiScope[]): Promise<{ key: string; info: ApiKeyInfo }> {
  if (scopes.length === 0) throw new Error('an API key needs at least one scope');
  const id = randomBytes(6).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const doc = apiKeyDocSchema.parse({
    _id: id,
    name: name.trim(),
    hash: sha256(secret).toString('hex'),
    createdAt: deps.clock.now().toJSDate(),
    scopes: [...new Set(scopes)],
  });
  await apiKeys(deps.store.database).insertOne(doc);
  return { key: `pb_${id}_${secret}`, info: info(doc) };
}

export async function listApiKeys(deps: ServiceDeps): Promise<ApiKeyInfo[]> {
  const docs = await apiKeys(deps.store.database).find({}).sort({ createdAt: 1 }).toArray();
  return docs.map((doc) => info(apiKeyDocSchema.parse(doc)));
}

/** Revokes a key at once. Returns false when there is no such key or it was already revoked. */
export async function revokeApiKey(deps: ServiceDeps, id: string): Promise<boolean> {
  const result = await apiKeys(deps.store.database).updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: deps.clock.now().toJSDate() } });
  return result.modifiedCount === 1;
}

/** The key a bearer token belongs to, when it is well-formed, known, matches and is not revoked; else null. */
export async function verifyApiKey(deps: ServiceDeps, token: string): Promise<ApiKeyInfo | null> {
  const match = KEY_PATTERN.exec(token);
  if (match === null) return null;
  const [, id = '', secret = ''] = match;
  const raw = await apiKeys(deps.store.database).findOne({ _id: id });
  const doc = raw === null ? null : apiKeyDocSchema.parse(raw);
  const given = sha256(secret);
  // Compare even when the id is unknown, so timing does not tell known ids from unknown ones.
  const stored = doc === null ? Buffer.alloc(32) : Buffer.from(doc.hash, 'hex');
  const equal = timingSafeEqual(given, stored);
  if (doc === null || !equal || doc.revokedAt !== null) return null;
  const today = deps.clock.now().toUTC().toISODate() ?? '';
  if (doc.lastUsedOn !== today) await apiKeys(deps.store.database).updateOne({ _id: id }, { $set: { lastUsedOn: today } });
  return info(doc);
}
