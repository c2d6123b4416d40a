import type { ActionDoc } from './documents/actions.js';
import type { ConversationDoc } from './documents/conversations.js';
import type { WebhookDeliveryDoc, WebhookDoc } from './documents/webhooks.js';
import type { UsedLinkDoc, WebSessionDoc } from './documents/web-sessions.js';
import {
  MongoBulkWriteError,
  MongoClient,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  type AnyBulkWriteOperation,
  type Collection,
  type Db,
  type Document,
} from 'mongodb';
import pLimit, { type LimitFunction } from 'p-limit';
import type { CommentDoc, CounterDoc, ResponseDoc } from './documents/answers.js';
import type { DeliveryDoc, EventRequestDoc, ParticipationDoc, PersonDoc, SegmentDoc, SendLockDoc } from './documents/identity.js';
import type { RoundDoc, SurveyDoc } from './documents/rounds.js';
import type { CloseDrainDoc, InstanceDoc } from './instance-registry.js';
import type { SendLeaseDoc } from './send-leases.js';

/**
 * The answer side: what was answered, never by whom. Identity lives in people, segments,
 * deliveries, send_locks, participation and event_requests; surveys, rounds, meta and installations are
 * configuration.
 */
export const ANSWER_COLLECTIONS = ['responses', 'comments', 'counters', 'conversations'] as const;

export interface Collections {
  people: Collection<PersonDoc>;
  segments: Collection<SegmentDoc>;
  deliveries: Collection<DeliveryDoc>;
  /** One document per attempt to send a delivery: inserting it is the claim (see DeliveriesRepo.claim). */
  sendLocks: Collection<SendLockDoc>;
  /** Which instance sends to each workspace or tenant (see SendLeases). */
  sendLeases: Collection<SendLeaseDoc>;
  /** Running instances (heartbeats) and which have written all answers of a closing round. */
  instances: Collection<InstanceDoc>;
  closeDrains: Collection<CloseDrainDoc>;
  participation: Collection<ParticipationDoc>;
  eventRequests: Collection<EventRequestDoc>;
  /** Events received, by a hash of their name and idempotency key (no person): the same key twice is one event. */
  eventReceipts: Collection<{ _id: string; event: string; receivedAt: Date }>;
  /** Conversations on comments, filed under the comment's own id (answer side; issue #19). */
  conversations: Collection<ConversationDoc>;
  /** Neutral "some comments got replies" notices waiting to go out, per round and day (no person). */
  repliesNotices: Collection<{ _id: string; roundId: string; day: string; segments: string[]; state: 'pending' | 'sending' | 'sent' }>;
  /** Results owed to everyone invited to a closed round of a survey with `shareResults` (one per round, no person). */
  resultShares: Collection<{ _id: string; state: 'pending' | 'sending' | 'sent' }>;
  /** Actions leaders committed to (issue #19; leader side: owner and group, no one who answered). */
  actions: Collection<ActionDoc>;
  /** Outgoing webhooks HR configured, and their outbox (services/webhooks). */
  webhooks: Collection<WebhookDoc>;
  webhookDeliveries: Collection<WebhookDeliveryDoc>;
  /** Systems that sign the events they report (services/events/event-sources.ts). */
  eventSources: Collection<{ _id: string; secret: string; createdAt: Date; revokedAt: Date | null }>;
  responses: Collection<ResponseDoc>;
  comments: Collection<CommentDoc>;
  counters: Collection<CounterDoc>;
  surveys: Collection<SurveyDoc>;
  rounds: Collection<RoundDoc>;
  meta: Collection<{ _id: string; at?: Date; values?: string[] }>;
  installations: Collection<{ _id: string; installation: string; updatedAt: Date }>;
  webSessions: Collection<WebSessionDoc>;
  usedLinks: Collection<UsedLinkDoc>;
}

export interface Database {
  readonly client: MongoClient;
  readonly db: Db;
  readonly collections: Collections;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** How long to look for a server before giving up (ms). */
  serverSelectionTimeoutMS?: number;
  /** Emit the driver's command events (the app counts failed commands for its metrics). */
  monitorCommands?: boolean;
}

/** How long opening a connection (and a heartbeat's own round trip) may take (ms; the driver's default is 30 s). */
export const CONNECT_TIMEOUT_MS = 10_000;
/** How often the driver checks the server between operations (ms; the driver's default). */
export const HEARTBEAT_MS = 10_000;

/** Connects and checks the server answers; throws with the URI's host (never its password) if not. */
export async function connectDatabase(uri: string, dbName: string, options: ConnectOptions = {}): Promise<Database> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    heartbeatFrequencyMS: HEARTBEAT_MS,
    ignoreUndefined: true,
    monitorCommands: options.monitorCommands ?? false,
  });
  try {
    await client.connect();
    await client.db(dbName).command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new Error(`cannot reach MongoDB at ${redact(uri)}: ${(error as Error).message}`, { cause: error });
  }
  return openDatabase(client, dbName);
}

/** Wraps a connected client (the app shares one with agenda). */
export function openDatabase(client: MongoClient, dbName: string): Database {
  const db = client.db(dbName);
  const collection = <T extends Document>(name: string): Collection<T> => db.collection<T>(name);
  const collections: Collections = {
    people: collection('people'),
    segments: collection('segments'),
    deliveries: collection('deliveries'),
    sendLocks: collection('send_locks'),
    sendLeases: collection('send_leases'),
    instances: collection('instances'),
    closeDrains: collection('close_drains'),
    participation: collection('participation'),
    eventRequests: collection('event_requests'),
    eventReceipts: collection('event_receipts'),
    eventSources: collection('event_sources'),
    conversations: collection('conversations'),
    repliesNotices: collection('replies_notices'),
    resultShares: collection('result_shares'),
    actions: collection('actions'),
    webhooks: collection('webhooks'),
    webhookDeliveries: collection('webhook_deliveries'),
    responses: collection('responses'),
    comments: collection('comments'),
    counters: collection('counters'),
    surveys: collection('surveys'),
    rounds: collection('rounds'),
    meta: collection('meta'),
    installations: collection('installations'),
    webSessions: collection('web_sessions'),
    usedLinks: collection('used_links'),
  };
  return { client, db, collections, close: () => client.close() };
}

/** A MongoDB URI with any password replaced, safe for logs and error messages. */
export function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}

/**
 * True when a bulk write failed only because some documents already existed: two upserts of the
 * same new key can race, and the loser's duplicate-key error means the document is there.
 */
export function isOnlyDuplicateKeys(error: unknown): boolean {
  if (!(error instanceof MongoBulkWriteError)) return false;
  const errors = error.result.getWriteErrors();
  return errors.length > 0 && errors.every((e) => e.code === 11000);
}

/** Inserts `doc` unless one with its `_id` exists. True when this call inserted it. */
export async function insertOnce<T extends Document & { _id: string }>(collection: Collection<T>, doc: T): Promise<boolean> {
  try {
    await collection.insertOne(doc as Parameters<Collection<T>['insertOne']>[0]);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Statements per write command. FerretDB v1 (SQLite) keeps one pooled SQLite connection open for
 * every statement of an update command that matched a document, until the whole command ends,
 * and its pool holds 100 connections per database: a command of 100 such statements, or a few
 * concurrent ones adding up to 100, wait for a connection they themselves hold, and that
 * database never answers again (a re-run fan-out of 500 upserts did exactly that).
 */
export const WRITE_CHUNK = 16;

/**
 * Bulk write commands one process has in flight per database: with WRITE_CHUNK that is at most
 * 48 statements, so even two processes writing at once stay below FerretDB's pool of 100.
 * Chunking alone did not bound it: eight counter batches written at once held 128 and the
 * database hung. MongoDB loses little, each command of 16 being short.
 */
export const BULK_COMMANDS_AT_ONCE = 3;

const bulkCommandLimits = new Map<string, LimitFunction>();

/** Runs one bulk write command of at most WRITE_CHUNK statements, within this database's limit. */
function bulkCommand<T extends Document>(collection: Collection<T>, operations: AnyBulkWriteOperation<T>[]): Promise<unknown> {
  let limit = bulkCommandLimits.get(collection.dbName);
  if (limit === undefined) {
    limit = pLimit(BULK_COMMANDS_AT_ONCE);
    bulkCommandLimits.set(collection.dbName, limit);
  }
  return limit(() => collection.bulkWrite(operations, { ordered: false }));
}

/** `bulkWrite` in commands of at most WRITE_CHUNK statements, unordered. */
export async function bulkWriteChunked<T extends Document>(collection: Collection<T>, operations: readonly AnyBulkWriteOperation<T>[]): Promise<void> {
  for (let i = 0; i < operations.length; i += WRITE_CHUNK) {
    await bulkCommand(collection, operations.slice(i, i + WRITE_CHUNK));
  }
}

/**
 * Runs upserts (in commands of WRITE_CHUNK), retrying those that lost a race to create the same
 * document: a losing upsert fails with a duplicate key and applies nothing, and by the retry the
 * document exists.
 */
export async function bulkUpsert<T extends Document>(collection: Collection<T>, operations: AnyBulkWriteOperation<T>[]): Promise<void> {
  for (let i = 0; i < operations.length; i += WRITE_CHUNK) {
    let pending = operations.slice(i, i + WRITE_CHUNK);
    for (let attempt = 0; pending.length > 0; attempt++) {
      try {
        await bulkCommand(collection, pending);
        break;
      } catch (error) {
        if (attempt >= 4 || !isOnlyDuplicateKeys(error) || !(error instanceof MongoBulkWriteError)) throw error;
        const failed = new Set(error.result.getWriteErrors().map((e) => e.index));
        pending = pending.filter((_, index) => failed.has(index));
      }
    }
  }
}

/**
 * The database did not answer (down, unreachable, or past a deadline), as opposed to refusing
 * what was asked: the caller may say "try again shortly" (503) rather than "our fault" (500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || error instanceof MongoOperationTimeoutError;
}
