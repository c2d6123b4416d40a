import type { Database } from './database.js';
import { migrateExitRequests } from './migrate-exit-requests.js';

/**
 * Creates every index the app relies on. Safe to run at each start: creating an index that
 * exists is a no-op. Only plain and unique indexes, which MongoDB and FerretDB both support.
 */
export async function ensureIndexes(database: Database): Promise<void> {
  const c = database.collections;
  // Before issue #18 a survey had one round a date; an event survey's series has one per step.
  await c.rounds.dropIndex('survey_date').catch(() => undefined);
  await migrateExitRequests(database);
  await Promise.all([
    c.people.createIndex({ platform: 1, tenant: 1, userId: 1 }, { unique: true, name: 'platform_user' }),
    c.people.createIndex({ email: 1 }, { name: 'email' }),
    c.people.createIndex({ segment: 1 }, { name: 'segment' }),
    c.segments.createIndex({ parentId: 1 }, { name: 'parent' }),
    c.rounds.createIndex({ surveyId: 1, date: 1, step: 1 }, { unique: true, name: 'survey_date_step' }),
    c.eventRequests.createIndex({ personKey: 1 }, { name: 'person' }),
    c.eventRequests.createIndex({ state: 1, expiresAt: 1 }, { name: 'state_expires' }),
    c.rounds.createIndex({ state: 1, closesAt: 1 }, { name: 'state_closes' }),
    c.deliveries.createIndex({ roundId: 1, state: 1, sendAt: 1 }, { name: 'round_state_send' }),
    c.deliveries.createIndex({ state: 1, sendAt: 1 }, { name: 'state_send' }),
    c.deliveries.createIndex({ personKey: 1 }, { name: 'person' }),
    c.deliveries.createIndex({ state: 1, nextReminderAt: 1 }, { name: 'state_reminder' }),
    c.sendLocks.createIndex({ roundId: 1 }, { name: 'round' }),
    c.sendLeases.createIndex({ key: 1, generation: 1 }, { name: 'key_generation' }),
    c.closeDrains.createIndex({ roundId: 1 }, { name: 'round' }),
    c.participation.createIndex({ roundId: 1, scope: 1 }, { name: 'round_scope' }),
    c.responses.createIndex({ roundId: 1, questionId: 1 }, { name: 'round_question' }),
    c.comments.createIndex({ roundId: 1, segment: 1 }, { name: 'round_segment' }),
    c.counters.createIndex({ roundId: 1, segment: 1 }, { name: 'round_segment' }),
    c.webSessions.createIndex({ person: 1 }, { name: 'person' }),
    c.actions.createIndex({ owner: 1 }, { name: 'owner' }),
    c.actions.createIndex({ surveyId: 1, segment: 1 }, { name: 'survey_segment' }),
  ]);
}
