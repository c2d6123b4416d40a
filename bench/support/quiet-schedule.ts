/**
 * Keeps the bot's own schedule out of a bench's way. The default survey `/pulse send-now`
 * creates runs weekly from tomorrow, so on a Sunday after 10:00 UTC its Monday round opens at
 * once (midnight in UTC+14): a second fan-out to everyone, writing beside the one measured. A
 * bench measures one round: the default survey is saved first, with a start a year ahead.
 */
import { DateTime } from 'luxon';
import type { Db } from 'mongodb';
import { surveyDocSchema } from '../../src/store/documents/rounds.js';
import { DEFAULT_SURVEY_ID } from '../../src/services/surveys.js';

export async function noScheduledRoundDuringBench(db: Db): Promise<void> {
  const startDate = DateTime.utc().plus({ years: 1 }).toISODate();
  const doc = surveyDocSchema.parse({
    _id: DEFAULT_SURVEY_ID,
    definition: { id: DEFAULT_SURVEY_ID, name: 'Pulse', cadence: { every: 'weekly', weekday: 1, time: '10:00', startDate } },
    active: true,
  });
  await db.collection<{ _id: string }>('surveys').replaceOne({ _id: doc._id }, doc, { upsert: true });
}
