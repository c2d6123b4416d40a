import { createHmac } from 'node:crypto';
import type { Database } from './database.js';
import { insertOnce } from './database.js';
import type { PersonKey } from './documents/identity.js';
import { responseId } from './answer-id.js';

/**
 * The participation ledger: keyed hashes that say "this person has answered (this question of)
 * this round" and nothing else. Without PULSE_SECRET nobody can tell whose hash is whose.
 */
export class ParticipationLedger {
  constructor(
    private readonly database: Database,
    private readonly secret: string,
  ) {}

  private key(parts: readonly string[]): string {
    return createHmac('sha256', this.secret).update(parts.join('\u001f')).digest('hex');
  }

  /** The id of the answer given through a prompt's token (see services/response-id.ts). */
  answerId(token: string, questionId: string): string {
    return responseId(this.secret, token, questionId);
  }

  roundKey(roundId: string, person: PersonKey): string {
    return this.key(['round', roundId, person]);
  }

  questionKey(roundId: string, person: PersonKey, questionId: string): string {
    return this.key(['question', roundId, person, questionId]);
  }

  async hasAnswered(roundId: string, person: PersonKey, questionId: string): Promise<boolean> {
    const doc = await this.database.collections.participation.findOne({ _id: this.questionKey(roundId, person, questionId) });
    return doc !== null;
  }

  async hasTakenPart(roundId: string, person: PersonKey): Promise<boolean> {
    const doc = await this.database.collections.participation.findOne({ _id: this.roundKey(roundId, person) });
    return doc !== null;
  }

  /** Notes an answer to a question. True the first time. */
  async markQuestion(roundId: string, person: PersonKey, questionId: string): Promise<boolean> {
    return insertOnce(this.database.collections.participation, {
      _id: this.questionKey(roundId, person, questionId),
      roundId,
      scope: 'question',
      segment: null,
    });
  }

  /** Notes that the person took part in the round. True the first time (a new respondent). */
  async markRound(roundId: string, person: PersonKey, segment: string): Promise<boolean> {
    return insertOnce(this.database.collections.participation, {
      _id: this.roundKey(roundId, person),
      roundId,
      scope: 'round',
      segment,
    });
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

  /** Removes every entry of a closed round. */
  async purge(roundId: string): Promise<number> {
    const result = await this.database.collections.participation.deleteMany({ roundId });
    return result.deletedCount;
  }

}
