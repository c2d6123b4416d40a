import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { quarterStart } from '../../domain/exit-schedule.js';
import type { ManualClock } from '../../ports/clock.js';
import { closeRound } from '../close-round.js';
import type { ServiceDeps } from '../deps.js';
import { requestExitSurvey } from '../exit-surveys.js';
import { recordAnswer } from '../record-answer.js';
import { roundQuestions } from '../round-questions.js';
import { WEB_TENANT } from './demo-org.js';
import { DEMO_EMAIL_DOMAIN, DEMO_EXIT_COMMENTS, DEMO_LEAVERS } from './demo-org.js';
import { answerFor } from './demo-answers.js';

/**
 * Last quarter's leavers: each got an exit survey from HR (through the real service), answered
 * it, and left; the quarter's pooled round is closed, so the dashboard has exit results to show.
 */
export async function seedExits(deps: ServiceDeps & { clock: ManualClock }, hrKey: string, random: () => number): Promise<number> {
  const now = deps.clock.now();
  const lastQuarter = DateTime.fromISO(quarterStart(now.minus({ months: 3 }).toISODate() ?? ''), { zone: 'utc' });
  let roundId: string | null = null;
  for (const [i, leaver] of DEMO_LEAVERS.entries()) {
    const key = await deps.store.people.upsert({
      platform: 'web',
      tenant: WEB_TENANT,
      userId: leaver.userId,
      email: `${leaver.userId}@${DEMO_EMAIL_DOMAIN}`,
      timezone: 'Europe/Oslo',
      locale: null,
      segment: leaver.team,
      segmentSource: 'import',
    });
    const date = lastQuarter.plus({ days: 7 + i * 9 }).toISODate() ?? '';
    deps.clock.set(DateTime.fromISO(`${date}T06:00:00Z`));
    const outcome = await requestExitSurvey(deps, hrKey, { target: key, date });
    roundId = outcome.request.roundId;
    const round = await deps.store.rounds.get(roundId);
    if (round === null) continue;
    deps.clock.set(DateTime.fromISO(`${date}T12:00:00Z`));
    const token = randomUUID();
    for (const question of roundQuestions(round)) {
      const raw = question.kind === 'text' ? (question.id === 'exit-comment' ? (DEMO_EXIT_COMMENTS[i] ?? null) : null) : answerFor(question, -0.5, random);
      if (raw === null || (Array.isArray(raw) && raw.length === 0)) continue;
      await recordAnswer(deps, { roundId, person: key, responseToken: token, questionId: question.id, raw });
    }
    await deps.store.people.deactivate(key);
  }
  if (roundId !== null) {
    const round = await deps.store.rounds.get(roundId);
    if (round !== null) deps.clock.set(DateTime.fromJSDate(round.closesAt).plus({ minutes: 1 }));
    await closeRound(deps, roundId, { graceMs: 0 });
    await deps.store.deliveries.closePending(roundId);
    await deps.store.database.collections.eventRequests.updateMany({ roundId }, { $set: { state: 'expired' } });
  }
  deps.clock.set(now);
  return DEMO_LEAVERS.length;
}
