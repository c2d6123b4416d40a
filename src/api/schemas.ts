import { questionResultSchema } from './survey-schemas.js';
import { z } from 'zod';
import { LOCALES } from '../domain/i18n/locale.js';
import { reportableAttributeSchema } from '../domain/people/attributes.js';
import { personRowSchema } from '../pulse/index.js';
import { API_ERROR_CODES } from './http-json.js';

/** Request and response shapes of `/api/v1`: validation and the OpenAPI document come from these. */

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string().meta({ description: 'What went wrong and what to do about it.' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

export const createExitSurveySchema = z
  .strictObject({
    email: z.email().optional().meta({ description: 'The leaver’s e-mail as their chat account has it.' }),
    platformUserId: z.string().min(1).max(100).optional().meta({ description: 'Or their chat user id (Slack `U…`, Teams user id).' }),
    lastDay: z.iso.date().optional().meta({
      description:
        'The last working day (YYYY-MM-DD), from today to a year ahead. The survey is sent at 10:00 the leaver’s time, three working days before it (or today, if that is later). Without it: the next working day.',
    }),
    language: z.enum(LOCALES).optional().meta({ description: 'Language of the survey; default the person’s own.' }),
  })
  .refine((body) => (body.email === undefined) !== (body.platformUserId === undefined), {
    message: 'give exactly one of email or platformUserId',
    path: ['email'],
  })
  .meta({ id: 'CreateExitSurvey' });

export const exitSurveyCreatedSchema = z
  .object({
    state: z.literal('scheduled'),
    sendDate: z.iso.date(),
    sendAt: z.iso.datetime().meta({ description: 'When the DM goes out (UTC).' }),
    timezone: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'ExitSurveyScheduled' });

export const exitSurveyConflictSchema = z
  .object({
    error: z.object({
      code: z.literal('EXIT_ALREADY_OPEN'),
      message: z.string(),
      sendDate: z.iso.date().meta({ description: 'The day the open exit survey is (or was) sent.' }),
    }),
  })
  .meta({ id: 'ExitSurveyConflict' });

export const peopleUpsertSchema = z
  .strictObject({
    people: z.array(personRowSchema).min(1).max(10_000),
    reportable: z.array(reportableAttributeSchema).max(20).optional().meta({
      description:
        'The attributes HR marks reportable (`location`, `employmentType`, `tenure`, `remote`, `custom.<name>`); when given, replaces the list kept. Attribute cuts of results are not shown yet.',
    }),
  })
  .meta({
    id: 'PeopleUpsert',
    description:
      'People matched to chat users by e-mail. `team` is a path (`Engineering/Platform`: department → team). A manager becomes a leader of the teams of their reports. All or nothing; the same body twice changes nothing.',
  });

export const peopleUpsertedSchema = z
  .object({
    matched: z.number().int(),
    unmatched: z.array(z.string()).meta({ description: 'E-mails no chat user has (yet); skipped.' }),
    segments: z.number().int(),
    leaders: z.number().int(),
    reportable: z.array(z.string()).meta({ description: 'The attributes marked reportable, as kept now.' }),
  })
  .meta({ id: 'PeopleUpserted' });

export const resultsQuerySchema = z.strictObject({
  survey: z.string().min(1).max(100).meta({ description: 'Survey id (`pulse` is the default survey; `exit` for exit surveys).' }),
  segment: z.string().min(1).max(200).optional().meta({ description: 'Only this segment and those below it.' }),
  from: z.iso.date().optional().meta({ description: 'Rounds dated on or after this day.' }),
  to: z.iso.date().optional().meta({ description: 'Rounds dated on or before this day.' }),
});

const enpsSchema = z
  .object({
    respondents: z.number(),
    promoters: z.number(),
    passives: z.number(),
    detractors: z.number(),
    score: z.number(),
    marginOfError: z.number(),
    band: z.string(),
  })
  .nullable();
const likertSchema = z.object({ respondents: z.number(), mean: z.number(), favourable: z.number() });

export const exitSliceSchema = z.object({
  segment: z.string(),
  name: z.string().nullable(),
  respondents: z.number(),
  reasons: z.array(z.object({ reason: z.string(), count: z.number(), share: z.number() })),
  ratings: z.record(z.string(), likertSchema.nullable()),
  enps: enpsSchema,
  comments: z.null().meta({ description: 'Comments are not served by the API.' }),
});

/** One group's figures in a round (results, and the webhook payloads). */
export const segmentSliceSchema = z
  .object({
    segment: z.string(),
    name: z.string().nullable(),
    visible: z.boolean().meta({ description: 'false: below the threshold, or hidden so it cannot be worked out by subtraction; no numbers then.' }),
    invited: z.number().nullable(),
    respondents: z.number().nullable(),
    participationRate: z.number().nullable(),
    enps: enpsSchema,
    drivers: z.array(likertSchema.extend({ driver: z.string() })),
    questions: z.array(questionResultSchema),
  })
  .meta({ id: 'SegmentResults' });

export const resultsSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('pulse'),
      survey: z.string(),
      rounds: z.array(
        z.object({
          roundId: z.string(),
          date: z.iso.date().meta({ description: 'The round’s date; for an event-triggered survey, the first day of its pool’s first quarter.' }),
          quarters: z
            .array(z.string())
            .optional()
            .meta({ description: 'Event-triggered surveys: the quarters pooled in this round (`YYYY-Qn`), until together they passed the threshold.' }),
          step: z.number().int().optional().meta({ description: 'Event-triggered surveys: which delay of the trigger’s series (0 = the first).' }),
          segments: z.array(segmentSliceSchema),
        }),
      ),
    }),
    z.object({
      kind: z.literal('exit'),
      survey: z.literal('exit'),
      exit: z.object({
        pools: z.array(z.object({ quarters: z.array(z.string()), organisation: exitSliceSchema, departments: z.array(exitSliceSchema) })),
        pendingQuarters: z.array(z.string()),
        minGroupSize: z.number(),
        minCommentGroupSize: z.number(),
      }),
    }),
  ])
  .meta({ id: 'Results' });

const thresholdsSchema = z.object({ minGroupSize: z.number().int(), minCommentGroupSize: z.number().int() });

/** The anonymity audit's report (documentation of the response; the audit builds it). */
export const anonymityReportSchema = z
  .object({
    passed: z.boolean().meta({ description: 'true when every check passed.' }),
    thresholds: z.object({
      settings: thresholdsSchema.meta({ description: 'The thresholds in force now (PULSE_MIN_GROUP_SIZE, PULSE_MIN_COMMENT_GROUP_SIZE).' }),
      rounds: z.array(thresholdsSchema.extend({ roundId: z.string(), state: z.string() })),
    }),
    collections: z
      .array(z.object({ name: z.string(), fields: z.array(z.string()), documents: z.number().int() }))
      .meta({ description: 'Every answer-side collection and the fields its documents carry.' }),
    checks: z.array(z.object({ name: z.string(), passed: z.boolean() })),
    findings: z
      .array(z.object({ check: z.string(), collection: z.string(), field: z.string().nullable(), documents: z.number().int() }))
      .meta({ description: 'What failed: the check, collection, field and number of documents, never a value.' }),
    suppressions: z
      .array(z.object({ surveyId: z.string(), roundId: z.string(), hidden: z.array(z.object({ segment: z.string(), name: z.string().nullable() })) }))
      .meta({ description: 'The groups hidden in each survey’s last closed round (never with a count).' }),
  })
  .meta({ id: 'AnonymityReport' });
