import { AnswerLookups } from './answer-lookups.js';
import { AnswersInFlight } from './answers-in-flight.js';
import { AnswersRepo } from './answers-repo.js';
import { CountersRepo } from './counters-repo.js';
import type { Database } from './database.js';
import { DeliveriesRepo } from './deliveries-repo.js';
import { ParticipationLedger } from './participation-ledger.js';
import { MetaRepo } from './meta-repo.js';
import { PeopleRepo } from './people-repo.js';
import { RoundsRepo } from './rounds-repo.js';
import { SegmentsRepo } from './segments-repo.js';
import { WebSessionsRepo } from './web-sessions-repo.js';
import { WriteLane } from './write-lane.js';

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
  /** Dashboard sessions and used sign-in links. */
  readonly webSessions: WebSessionsRepo;
  /** Per-process reads the answer path repeats on every click (see answer-lookups.ts). */
  readonly lookups: AnswerLookups;
  /** The answers this process is recording, which closing a round waits for (answers-in-flight.ts). */
  readonly inFlight: AnswersInFlight;
}

export function createStore(database: Database, secret: string): Store {
  const people = new PeopleRepo(database);
  // The answer path's writes (answers, ledger entries, counters) go out one at a time, batched.
  const lane = new WriteLane();
  const deliveries = new DeliveriesRepo(database);
  return {
    database,
    people,
    segments: new SegmentsRepo(database),
    rounds: new RoundsRepo(database),
    deliveries,
    ledger: new ParticipationLedger(database, secret, lane),
    answers: new AnswersRepo(database, lane),
    counters: new CountersRepo(database, lane),
    meta: new MetaRepo(database),
    webSessions: new WebSessionsRepo(database),
    lookups: new AnswerLookups(deliveries, people),
    inFlight: new AnswersInFlight(),
  };
}
