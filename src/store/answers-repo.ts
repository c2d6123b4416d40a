import type { Database } from './database.js';
import { InsertBatcher } from './insert-batcher.js';
import { WriteLane } from './write-lane.js';
import { COUNTER_ANSWERED, commentDocSchema, responseDocSchema, type CommentDoc, type ResponseDoc } from './documents/answers.js';

export interface CountRow {
  readonly segment: string;
  readonly questionId: string;
  readonly value: string;
  readonly n: number;
}

/** Raw anonymous answers: responses (scores and choices) and comments (free text). */
export class AnswersRepo {
  private readonly responses: InsertBatcher<ResponseDoc>;
  private readonly comments: InsertBatcher<CommentDoc>;

  constructor(
    private readonly database: Database,
    lane: WriteLane = new WriteLane(),
  ) {
    this.responses = new InsertBatcher(database.collections.responses, lane);
    this.comments = new InsertBatcher(database.collections.comments, lane);
  }

  /** Stores a response unless one with its id exists. True when this call stored it. Settles once it is written. */
  async addResponse(doc: ResponseDoc): Promise<boolean> {
    return this.responses.add(responseDocSchema.parse(doc));
  }

  async addComment(doc: CommentDoc): Promise<boolean> {
    return this.comments.add(commentDocSchema.parse(doc));
  }

  /** The stored answer with this id, as a comparable string (null when there is none). */
  async storedValue(kind: 'response' | 'comment', id: string): Promise<string | null> {
    if (kind === 'comment') {
      const doc = await this.database.collections.comments.findOne({ _id: id });
      return doc === null ? null : commentDocSchema.parse(doc).text;
    }
    const doc = await this.database.collections.responses.findOne({ _id: id });
    return doc === null ? null : JSON.stringify(responseDocSchema.parse(doc).value);
  }

  /**
   * Exact counts for a round, recomputed from the raw answers: per segment × question × value,
   * plus `_answered` per question. Used at close to make the live counters final.
   */
  async countRound(roundId: string): Promise<CountRow[]> {
    const { responses, comments } = this.database.collections;
    const rows: CountRow[] = [];
    // FerretDB v1 cannot $unwind-then-$group every shape we need reliably, so multi-select
    // arrays are expanded here; the scan happens once per round, at close.
    const byValue = new Map<string, CountRow>();
    const bump = (segment: string, questionId: string, value: string): void => {
      const key = `${segment}|${questionId}|${value}`;
      const row = byValue.get(key);
      byValue.set(key, { segment, questionId, value, n: (row?.n ?? 0) + 1 });
    };
    for await (const raw of responses.find({ roundId })) {
      const doc = responseDocSchema.parse(raw);
      const values = Array.isArray(doc.value) ? doc.value : [String(doc.value)];
      for (const value of values) bump(doc.segment, doc.questionId, value);
      bump(doc.segment, doc.questionId, COUNTER_ANSWERED);
    }
    for await (const raw of comments.find({ roundId })) {
      const doc = commentDocSchema.parse(raw);
      bump(doc.segment, doc.questionId, COUNTER_ANSWERED);
    }
    rows.push(...byValue.values());
    return rows;
  }
}
