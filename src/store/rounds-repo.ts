import type { z } from 'zod';
import type { Database } from './database.js';
import { insertOnce } from './database.js';
import { roundDocSchema, surveyDocSchema, type RoundDoc, type SurveyDoc } from './documents/rounds.js';
import type { SurveyDefinition } from '../domain/survey-definition.js';
import { TtlCache } from '../lib/ttl-cache.js';

/**
 * How long a process trusts a round it read for an answer. A change made through this repo is
 * seen at once; one made by another process within this long, well inside close-round's grace
 * (CLOSE_GRACE_MS, 3.5 s) for answers already under way, so none lands after the recount.
 */
export const ROUND_CACHE_MS = 1_000;

/** Survey definitions and their rounds. */
export class RoundsRepo {
  private readonly cache = new TtlCache<string, RoundDoc>(ROUND_CACHE_MS, 1_000);

  constructor(private readonly database: Database) {}

  async saveSurvey(definition: SurveyDefinition): Promise<void> {
    const doc = surveyDocSchema.parse({ _id: definition.id, definition, active: true });
    await this.database.collections.surveys.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }

  /** Stores a new survey; false when one with its id exists (nothing is changed then). */
  async createSurvey(doc: z.input<typeof surveyDocSchema>): Promise<boolean> {
    return insertOnce(this.database.collections.surveys, surveyDocSchema.parse(doc));
  }

  /** Replaces a survey's definition and document (its state is kept). */
  async replaceSurvey(doc: SurveyDoc): Promise<void> {
    await this.database.collections.surveys.replaceOne({ _id: doc._id }, surveyDocSchema.parse(doc));
  }

  async setSurveyState(id: string, state: Partial<Pick<SurveyDoc, 'active' | 'archived' | 'updatedAt'>>): Promise<void> {
    await this.database.collections.surveys.updateOne({ _id: id }, { $set: state });
  }

  /** Every round of a survey (newest first), for what history says about an edit. */
  async roundsOf(surveyId: string): Promise<RoundDoc[]> {
    const docs = await this.database.collections.rounds.find({ surveyId }).sort({ date: -1 }).toArray();
    return docs.map((doc) => roundDocSchema.parse(doc));
  }

  async survey(id: string): Promise<SurveyDoc | null> {
    const doc = await this.database.collections.surveys.findOne({ _id: id });
    return doc === null ? null : surveyDocSchema.parse(doc);
  }

  /** Creates the round unless it exists; returns the stored one either way (a double fire is a no-op). */
  async createOnce(round: z.input<typeof roundDocSchema>): Promise<{ round: RoundDoc; created: boolean }> {
    const created = await insertOnce(this.database.collections.rounds, roundDocSchema.parse(round));
    this.cache.delete(round._id);
    const stored = await this.get(round._id);
    if (stored === null) throw new Error(`round ${round._id} vanished right after it was written`);
    return { round: stored, created };
  }

  async get(id: string): Promise<RoundDoc | null> {
    const doc = await this.database.collections.rounds.findOne({ _id: id });
    return doc === null ? null : roundDocSchema.parse(doc);
  }

  /**
   * The round as the answer path reads it on every click: from the database at most once per
   * ROUND_CACHE_MS in this process. Callers still check `state` and `closesAt` (against the clock)
   * themselves; do not change the document returned.
   */
  async getCached(id: string): Promise<RoundDoc | null> {
    return this.cache.through(id, () => this.get(id));
  }

  /** Moves a round's close time later (never earlier). */
  async setPooledQuarters(id: string, quarters: readonly string[]): Promise<void> {
    this.cache.delete(id);
    await this.database.collections.rounds.updateOne({ _id: id }, { $set: { pooledQuarters: [...quarters] } });
    this.cache.delete(id);
  }

  async extendClose(id: string, closesAt: Date): Promise<void> {
    this.cache.delete(id);
    await this.database.collections.rounds.updateOne({ _id: id, closesAt: { $lt: closesAt } }, { $set: { closesAt } });
    this.cache.delete(id);
  }

  async openRounds(): Promise<RoundDoc[]> {
    const docs = await this.database.collections.rounds.find({ state: { $in: ['open', 'closing'] } }).toArray();
    return docs.map((doc) => roundDocSchema.parse(doc));
  }

  /** The survey's latest closed rounds, newest first (open rounds show no scores: no bias, no leaks). */
  async latestClosed(surveyId: string, count: number): Promise<RoundDoc[]> {
    // A pooled quarter that rolled into the next pool has nothing of its own to show.
    const docs = await this.database.collections.rounds.find({ surveyId, state: 'closed', mergedInto: null }).sort({ date: -1 }).limit(count).toArray();
    return docs.map((doc) => roundDocSchema.parse(doc));
  }

  /** Closed rounds whose close time is before `at`. */
  async closedBefore(at: Date): Promise<RoundDoc[]> {
    const docs = await this.database.collections.rounds.find({ state: 'closed', closesAt: { $lt: at } }).toArray();
    return docs.map((doc) => roundDocSchema.parse(doc));
  }

  async surveys(): Promise<SurveyDoc[]> {
    const docs = await this.database.collections.surveys.find({}).toArray();
    return docs.map((doc) => surveyDocSchema.parse(doc));
  }

  async update(id: string, fields: Partial<Pick<RoundDoc, 'state' | 'countsFinal' | 'fannedOut' | 'keyedOrder' | 'mergedInto' | 'announced'>>): Promise<void> {
    this.cache.delete(id);
    await this.database.collections.rounds.updateOne({ _id: id }, { $set: fields });
    this.cache.delete(id);
  }
}
