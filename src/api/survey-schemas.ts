import { z } from 'zod';
import { builtinSchema, customQuestionSchema, rotateSchema, surveyDocumentSchema } from '../domain/survey-document.js';

/**
 * The survey studio's shapes as the OpenAPI document shows them. The request is checked by
 * `checkSurveyDocument` (the same zod schema, plus the rules across fields); these describe it.
 */

export const surveyDocumentDocSchema = surveyDocumentSchema
  .extend({
    questions: z
      .array(z.union([builtinSchema.meta({ description: 'A built-in question by id (`enps`, `growth-1`…).' }), rotateSchema, customQuestionSchema]))
      .min(1)
      .max(30),
  })
  .meta({ id: 'SurveyDocument', description: 'A survey as HR writes it. Everything but id, name, trigger and questions has a default.' });

export const createSurveySchema = z
  .union([
    surveyDocumentDocSchema,
    z.looseObject({
      template: z.string().meta({ description: 'A template id from GET /api/v1/survey-templates; the other fields override it.' }),
      id: z.string(),
    }),
  ])
  .meta({ id: 'CreateSurvey' });

export const surveyViewSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'paused', 'archived']),
    document: surveyDocumentDocSchema.nullable().meta({ description: 'null for the built-in pulse made at install (replace it with PUT to edit it).' }),
    nextRounds: z.array(z.iso.date()).meta({ description: 'The next three round dates; none while paused or archived.' }),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Survey' });

export const surveyListSchema = z.object({ surveys: z.array(surveyViewSchema) }).meta({ id: 'SurveyList' });

export const roundStartedSchema = z
  .object({ roundId: z.string(), surveyId: z.string(), date: z.iso.date(), closesAt: z.iso.datetime() })
  .meta({ id: 'RoundStarted' });

export const templateListSchema = z
  .object({
    templates: z.array(
      z.object({
        id: z.string(),
        name: z.record(z.string(), z.string()),
        description: z.record(z.string(), z.string()),
        document: z
          .record(z.string(), z.unknown())
          .meta({ description: 'The document less id, name and dates; POST {"template": id, "id": …} to start from it.' }),
      }),
    ),
  })
  .meta({ id: 'SurveyTemplates' });

const figures = { questionId: z.string(), visible: z.boolean(), respondents: z.number().nullable() };
export const questionResultSchema = z
  .object({
    ...figures,
    type: z.enum(['agreement', 'scale', 'enps', 'choice', 'multi', 'yesno', 'text']),
    mean: z.number().optional(),
    favourable: z.number().optional().meta({ description: 'agreement: percent answering 4 or 5.' }),
    distribution: z.record(z.string(), z.number()).optional().meta({ description: 'agreement, scale, enps: answers per value.' }),
    enps: z.object({ score: z.number() }).loose().optional(),
    options: z.record(z.string(), z.number()).optional().meta({ description: 'choice, multi, yesno: answers per option id.' }),
    yesShare: z.number().optional().meta({ description: 'yesno: percent answering yes.' }),
  })
  .meta({
    id: 'QuestionResult',
    description:
      'One question in one segment. visible false: its answers are below the threshold (text: the comment threshold) or could be found by subtraction; no figures then.',
  });
