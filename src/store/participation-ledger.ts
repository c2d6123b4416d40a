import { createHmac } from 'node:crypto';
import { insertOnce, type Database } from './database.js';
import type { ParticipationDoc, PersonKey } from './documents/identity.js';
import { InsertBatcher } from './insert-batcher.js';
import { WriteLane } from './write-lane.js';
import { promptTag, promptTagMatches, responseId } from './answer-id.js';
import { TtlCache } from '../lib/ttl-cache.js';

/** How many ledger entries a process remembers it has seen (about 100 bytes each). */
const KNOWN_ENTRIES = 50_000;
/** An entry is only ever removed by `purge` at close; the TTL just lets memory go. */
const KNOWN_MS = 60 * 60_000;

/**
 * The participation ledger: keyed hashes that say "this person has answered (this question of)
 * this round" and nothing else. Without PULSE_SECRET nobody can tell whose hash is whose.
 */
export class ParticipationLedger {
  /**
   * Entries this process wrote or read (their keyed hashes only). An entry leaves the ledger only
   * when its round is purged, and that clears this too; so "known" means "in the ledger" and
   * saves the answer path a round trip. Not knowing means nothing: the database is asked.
   */
  private readonly known = new TtlCache<string, true>(KNOWN_MS, KNOWN_ENTRIES);
  private readonly inserts: InsertBatcher<ParticipationDoc>;

  constructor(
    private readonly database: Database,
    private readonly secret: string,
    lane: WriteLane = new WriteLane(),
  ) {
    this.inserts = new InsertBatcher(database.collections.participation, lane);
  }

  private async exists(key: string): Promise<boolean> {
    if (this.known.get(key) === true) return true;
    const doc = await this.database.collections.participation.findOne({ _id: key }, { projection: { _id: 1 } });
    if (doc !== null) this.known.set(key, true);
    return doc !== null;
  }

  private key(parts: readonly string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\u001f')).digest('hex');
  }

  /** The tag binding a prompt's token to its recipient (see answer-id.ts). */
  promptTag(token: string, person: PersonKey): string {
    return promptTag(this.secret, token, person);
  }

  promptTagMatches(token: string, person: PersonKey, tag: string | undefined): boolean {
    return promptTagMatches(this.secret, token, person, tag);
  }

  /** The id of the answer given through a prompt's token (see services/response-id.ts). */
  answerId(token: string, questionId: string): string {
    return responseId(this.secret, token, questionId);
  }

  /**
   * The key linking the scored answers given through one prompt (issue #20), from its token alone:
   * never a person, and unreadable without both the chat message and PULSE_SECRET.
   */
  promptLink(token: string): string {
    return this.key(['link', token]);
  }

  roundKey(roundId: string, person: PersonKey): string {
    return this.key(['round', roundId, person]);
  }

  questionKey(roundId: string, person: PersonKey, questionId: string): string {
    return this.key(['question', roundId, person, questionId]);
  }

  async hasAnswered(roundId: string, person: PersonKey, questionId: string): Promise<boolean> {
    return this.exists(this.questionKey(roundId, person, questionId));
  }

  /** Which of `questionIds` the person has answered (the unknown ones read in parallel, by _id). */
  async answeredQuestions(roundId: string, person: PersonKey, questionIds: readonly string[]): Promise<Set<string>> {
    const answered = await Promise.all(questionIds.map((id) => this.hasAnswered(roundId, person, id)));
    return new Set(questionIds.filter((_, i) => answered[i] === true));
  }

  /** Which of `questionIds` this process knows the person answered (it wrote or read their entries), without asking the database. */
  knownAnswered(roundId: string, person: PersonKey, questionIds: readonly string[]): string[] {
    return questionIds.filter((id) => this.known.get(this.questionKey(roundId, person, id)) === true);
  }

  async hasTakenPart(roundId: string, person: PersonKey): Promise<boolean> {
    return this.exists(this.roundKey(roundId, person));
  }

  /** Notes an answer to a question. True the first time. */
  async markQuestion(roundId: string, person: PersonKey, questionId: string): Promise<boolean> {
    const _id = this.questionKey(roundId, person, questionId);
    const inserted = await this.inserts.add({ _id, roundId, scope: 'question', segment: null });
    this.known.set(_id, true);
    return inserted;
  }

  /** Notes that the person took part in the round. True the first time (a new respondent). */
  async markRound(roundId: string, person: PersonKey, segment: string): Promise<boolean> {
    const _id = this.roundKey(roundId, person);
    // Their second answer onwards: already a respondent, nothing to write.
    if (this.known.get(_id) === true) return false;
    const inserted = await this.inserts.add({ _id, roundId, scope: 'round', segment });
    this.known.set(_id, true);
    return inserted;
  }

  /** Respondents so far by reporting segment. */
  async respondentsBySegment(roundId: string): Promise<Map<string, number>> {
    const rows = this.database.collections.participation.aggregate<{ _id: string; n: number }>([
      { $match: { roundId, scope: 'round' } },
      { $group: { _id: '$segment', n: { $sum: 1 } } },
    ]);
    const out = new Map<string, number>();
    for await (const row of rows) out.set(row._id, row.n);
    return out;
  }

  /**
   * Counts the respondents of `fromRound` as respondents of `toRound` too (an exit quarter below
   * the threshold pooled into the next): one new keyed entry per "took part" entry, with its
   * segment, so the next round's final count includes them. Idempotent.
   */
  async carryRespondents(fromRound: string, toRound: string): Promise<void> {
    const entries = await this.database.collections.participation.find({ roundId: fromRound, scope: 'round' }).toArray();
    for (const entry of entries) {
      await insertOnce(this.database.collections.participation, {
        _id: this.key(['carried', entry._id, toRound]),
        roundId: toRound,
        scope: 'round' as const,
        segment: entry.segment,
      });
    }
  }

  /** Removes every entry of a closed round. */
  async purge(roundId: string): Promise<number> {
    this.known.clear();
    const result = await this.database.collections.participation.deleteMany({ roundId });
    this.known.clear();
    return result.deletedCount;
  }
}
