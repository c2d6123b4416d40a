import { COUNTER_ANSWERED } from '../../store/documents/answers.js';
import { insertOnce } from '../../store/database.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { ServiceDeps } from '../deps.js';
import { cellsCollection, cellsDocSchema, countsCollection, keptValues, OTHER_VALUE, RESPONDENTS_KEY, toCountsDoc, type AttributeCount } from './cuts-docs.js';

/** The counter values one stored answer adds to (as counterValues does for a parsed answer). */
function answerValues(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * At close, before the rewrite drops each answer's prompt link and attribute values: counts the
 * round's answers per attribute, value, question and answer value, and each value's respondents
 * (distinct prompts), small values folded as the fan-out recorded. Only single attributes are
 * counted, never their combinations. Idempotent: once the document exists it is kept, so a close
 * resumed after a crash halfway through the rewrite cannot count half the answers.
 */
export async function reduceAttributeCutsAtClose(deps: ServiceDeps, round: RoundDoc): Promise<number> {
  const database = deps.store.database;
  const found = await cellsCollection(database).findOne({ _id: round._id });
  if (found === null) return 0;
  if ((await countsCollection(database).countDocuments({ _id: round._id })) > 0) return 0;
  const cells = cellsDocSchema.parse(found);
  const kept = keptValues(cells);
  const fold = (attribute: string, value: string): string => (value === '' || kept.get(attribute)?.has(value) === true ? value : OTHER_VALUE);
  const counts = new Map<string, AttributeCount>();
  const bump = (attribute: string, value: string, questionId: string, answer: string): void => {
    const key = [attribute, value, questionId, answer].join('\u001f');
    const before = counts.get(key);
    counts.set(key, { attribute, value, questionId, answer, n: (before?.n ?? 0) + 1 });
  };
  const respondents = new Set<string>();
  const cursor = database.collections.responses.find(
    { roundId: round._id, cut: { $exists: true } },
    { projection: { _id: 0, link: 1, cut: 1, questionId: 1, value: 1 } },
  );
  // A question asked of one group only (an action's follow-up) would be that group cut by the
  // attribute: a combination. It is not counted per attribute.
  const scoped = new Set(Object.keys(round.questionScopes ?? {}));
  for await (const doc of cursor) {
    const cut = (doc as { cut?: unknown }).cut;
    if (!Array.isArray(cut) || scoped.has(doc.questionId)) continue;
    cells.attributes.forEach((attribute, i) => {
      const value = fold(attribute, typeof cut[i] === 'string' ? cut[i] : '');
      for (const answer of answerValues(doc.value)) bump(attribute, value, doc.questionId, answer);
      bump(attribute, value, doc.questionId, COUNTER_ANSWERED);
      if (typeof doc.link === 'string' && !respondents.has(`${doc.link}|${attribute}`)) {
        respondents.add(`${doc.link}|${attribute}`);
        bump(attribute, value, ...RESPONDENTS_KEY);
      }
    });
  }
  await insertOnce(countsCollection(database), toCountsDoc(round._id, [...counts.values()]));
  return counts.size;
}
