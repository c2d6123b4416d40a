import { AnswerLookups } from './answer-lookups.js';
import { AnswersRepo } from './answers-repo.js';
import { CountersRepo } from './counters-repo.js';
import type { Database } from './database.js';
import { DeliveriesRepo } from './deliveries-repo.js';
import { ParticipationLedger } from './participation-ledger.js';
import { MetaRepo } from './meta-repo.js';
import { PeopleRepo } from './people-repo.js';
import { RoundsRepo } from './rounds-repo.js';
import { SegmentsRepo } from './segments-repo.js';

/** Every repository over one database: what services receive. */
export interface Store {
  readonly database: Database;
  readonly people: PeopleRepo;
  readonly segments: SegmentsRepo;
  readonly rounds: RoundsRepo;
  readonly deliveries: DeliveriesRepo;
  readonly ledger: ParticipationLedger;
  readonly answers: AnswersRepo;
  readonly counters: CountersRepo;
  readonly meta: MetaRepo;
  /** Per-process reads the answer path repeats on every click (see answer-lookups.ts). */
  readonly lookups: AnswerLookups;
}

export function createStore(database: Database, secret: string): Store {
  const people = new PeopleRepo(database);
  const deliveries = new DeliveriesRepo(database);
  return {
    database,
    people,
    segments: new SegmentsRepo(database),
    rounds: new RoundsRepo(database),
    deliveries,
    ledger: new ParticipationLedger(database, secret),
    answers: new AnswersRepo(database),
    counters: new CountersRepo(database),
    meta: new MetaRepo(database),
    lookups: new AnswerLookups(deliveries, people),
  };
}
