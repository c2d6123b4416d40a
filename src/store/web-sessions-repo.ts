import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from './database.js';
import { isDuplicateKey } from './database.js';
import { webSessionDocSchema, type WebSessionDoc } from './documents/web-sessions.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface WebSession {
  readonly person: string;
  readonly csrf: string;
  readonly expiresAt: Date;
}

/**
 * Dashboard sessions: a random id in the browser's cookie, everything else here. Revoked or
 * expired sessions are refused at once; expired ones are deleted when new ones are made.
 */
export class WebSessionsRepo {
  constructor(private readonly database: Database) {}

  /**
   * Marks a sign-in link as used; false when it already was. The link's hash is kept until it
   * would have expired anyway, so a link from a chat history or a browser history opens nothing.
   */
  async useLink(token: string, linkExpiresAt: Date, now: Date): Promise<boolean> {
    await this.database.collections.usedLinks.deleteMany({ expiresAt: { $lte: now } });
    try {
      await this.database.collections.usedLinks.insertOne({ _id: sha256(`link|${token}`), expiresAt: linkExpiresAt });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Starts a session for `person`; returns the id for the cookie (shown nowhere else). */
  async create(person: string, now: Date, expiresAt: Date): Promise<{ id: string; session: WebSession }> {
    await this.database.collections.webSessions.deleteMany({ expiresAt: { $lte: now } });
    const id = randomBytes(32).toString('base64url');
    const doc: WebSessionDoc = webSessionDocSchema.parse({
      _id: sha256(id),
      person,
      csrf: randomBytes(32).toString('hex'),
      createdAt: now,
      expiresAt,
      revokedAt: null,
    });
    await this.database.collections.webSessions.insertOne(doc);
    return { id, session: { person, csrf: doc.csrf, expiresAt } };
  }

  /** The live session with this cookie id; null when unknown, revoked or expired. */
  async get(id: string, now: Date): Promise<WebSession | null> {
    if (id.length === 0 || id.length > 100) return null;
    const doc = await this.database.collections.webSessions.findOne({ _id: sha256(id) });
    if (doc === null || doc.revokedAt !== null || doc.expiresAt <= now) return null;
    return { person: doc.person, csrf: doc.csrf, expiresAt: doc.expiresAt };
  }

  /** Ends one session (logout). */
  async revoke(id: string, now: Date): Promise<void> {
    await this.database.collections.webSessions.updateOne({ _id: sha256(id), revokedAt: null }, { $set: { revokedAt: now } });
  }

  /** Ends every session not yet ended, or a person's; returns how many. */
  async revokeAll(now: Date, person?: string): Promise<number> {
    const result = await this.database.collections.webSessions.updateMany(
      { revokedAt: null, ...(person === undefined ? {} : { person }) },
      { $set: { revokedAt: now } },
    );
    return result.modifiedCount;
  }
}

/** Sessions that ended (expired, or revoked) more than a day before `now`: deleted by the retention job. */
export async function deleteEndedSessions(database: Database, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const result = await database.collections.webSessions.deleteMany({ $or: [{ expiresAt: { $lt: dayAgo } }, { revokedAt: { $lt: dayAgo } }] });
  await database.collections.usedLinks.deleteMany({ expiresAt: { $lte: now } });
  return result.deletedCount;
}

/** Whether a CSRF token given with a request is the session's, compared in constant time. */
export function csrfMatches(session: WebSession, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length !== session.csrf.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(session.csrf));
}
