import { DefinitionError, DomainError } from '../../domain/errors.js';
import { questionType, type QuestionType } from '../../domain/question.js';
import { checkSurveyDocument, type SurveyDocument } from '../../domain/survey-document.js';
import { surveyTemplate } from '../../domain/templates/survey-templates.js';
import { fromTemplate } from '../../domain/templates/survey-templates.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';
import { roundQuestions } from '../round-questions.js';
import { resolveSegment } from '../segment-ids.js';

/**
 * A survey document as sent, checked through and through: the document's own rules, a template
 * expanded (`{"template": "wellbeing", …overrides}`), segments that exist, and an edit that keeps
 * history whole. Throws a DefinitionError listing every problem; nothing is stored by the caller then.
 */
export async function checkedDocument(deps: ServiceDeps, input: unknown): Promise<{ document: SurveyDocument; segments: readonly string[] | null }> {
  const expanded = expandTemplate(deps, input);
  const check = checkSurveyDocument(expanded, deps.settings.anonymity);
  if (!check.ok) throw new DefinitionError(check.issues);
  const { document } = check;
  if (document.audience.type !== 'segments') return { document, segments: null };
  const resolved: string[] = [];
  const issues: { path: string; message: string }[] = [];
  for (const [i, typed] of document.audience.segments.entries()) {
    const id = await resolveSegment(deps, typed);
    if (id === null)
      issues.push({
        path: `audience.segments[${i}]`,
        message: `no segment "${typed}": use a segment's id or name from the people import or the chat's groups`,
      });
    else resolved.push(id);
  }
  if (issues.length > 0) throw new DefinitionError(issues);
  return { document, segments: resolved };
}

function expandTemplate(deps: ServiceDeps, input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('template' in input)) return input;
  const { template: id, ...overrides } = input as Record<string, unknown>;
  const template = typeof id === 'string' ? surveyTemplate(id) : undefined;
  if (template === undefined) {
    throw new DefinitionError([{ path: 'template', message: `no template "${String(id)}": GET /api/v1/survey-templates lists them` }]);
  }
  return fromTemplate(template, overrides, deps.clock.now().setZone(deps.settings.defaultTimezone));
}

/**
 * An edit may not change the type of a question a past round asked: its answers would be read as
 * the new type. Removing a question or adding one is fine (history keeps its own snapshot).
 */
export function typeChanges(document: SurveyDocument, rounds: readonly RoundDoc[]): { path: string; message: string }[] {
  const asked = new Map<string, { type: QuestionType; roundId: string }>();
  for (const round of rounds) for (const q of roundQuestions(round)) if (!asked.has(q.id)) asked.set(q.id, { type: questionType(q), roundId: round._id });
  const issues: { path: string; message: string }[] = [];
  document.questions.forEach((entry, i) => {
    if (!('type' in entry)) return;
    const before = asked.get(entry.id);
    if (before !== undefined && before.type !== entry.type) {
      issues.push({
        path: `questions[${i}].type`,
        message: `"${entry.id}" was asked as ${before.type} (round ${before.roundId}): a question's type cannot change once asked; give the new question a new id`,
      });
    }
  });
  return issues;
}

export function unknownSurvey(id: string): DomainError {
  return new DomainError('UNKNOWN_SURVEY', `no survey "${id}": GET /api/v1/surveys lists them`);
}
