import { DateTime } from 'luxon';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../src/domain/survey-definition.js';
import { silentLogger } from '../../src/logger.js';
import { ManualClock } from '../../src/ports/clock.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import type { Database } from '../../src/store/database.js';
import { createStore } from '../../src/store/store.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hmac-0123456789';

export function testDeps(database: Database, now = '2026-11-22T12:00:00Z'): ServiceDeps & { clock: ManualClock } {
  return {
    store: createStore(database, TEST_SECRET),
    clock: new ManualClock(DateTime.fromISO(now, { zone: 'utc' })),
    logger: silentLogger(),
    settings: {
      anonymity: { minGroupSize: 5, minCommentGroupSize: 5 },
      defaultTimezone: 'UTC',
      defaultLocale: 'en',
      orgName: 'Acme',
      closeGraceMs: 0,
      bootstrapRoles: { admins: [{ platform: 'slack', userId: 'UADMIN' }], hr: [{ platform: 'slack', userId: 'UHR' }] },
    },
  };
}

export function weeklyPulse(overrides: Partial<Record<string, unknown>> = {}): SurveyDefinition {
  return surveyDefinitionSchema.parse({
    id: 'pulse',
    name: 'Weekly pulse',
    cadence: { every: 'weekly', weekday: 1, time: '09:00', startDate: '2026-11-02' },
    ...overrides,
  });
}

/** Adds people `U001…` on Slack team T1, in the given segments, round-robin over three zones. */
export async function seedPeople(deps: ServiceDeps, bySegment: Record<string, number>): Promise<string[]> {
  const zones = ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata'];
  const keys: string[] = [];
  let n = 0;
  for (const [segment, count] of Object.entries(bySegment)) {
    await deps.store.segments.upsert({ _id: segment, name: segment, parentId: null });
    for (let i = 0; i < count; i++, n++) {
      const userId = `U${String(n + 1).padStart(3, '0')}`;
      keys.push(
        await deps.store.people.upsert({
          platform: 'slack',
          tenant: 'T1',
          userId,
          email: `${userId.toLowerCase()}@example.com`,
          timezone: zones[n % zones.length] ?? null,
          locale: 'en',
          segment,
        }),
      );
    }
  }
  return keys;
}
