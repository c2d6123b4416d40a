import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { SENTIMENTS } from '../../src/domain/insight/classify-comment.js';
import { THEMES } from '../../src/domain/insight/theme-lexicon.js';

const rowSchema = z.object({ text: z.string().min(1), theme: z.enum(THEMES), sentiment: z.enum(SENTIMENTS) });
export type LabelledComment = z.infer<typeof rowSchema>;

/**
 * The labelled comments of one language (test/fixtures/comments/<lang>.jsonl), each line checked;
 * `holdout`: a smaller set written after the lexicons were, never used to tune them.
 */
export function labelledComments(lang: 'en' | 'nb' | 'sv', set: 'main' | 'holdout' = 'main'): LabelledComment[] {
  const path = fileURLToPath(new URL(`../fixtures/comments/${set === 'main' ? '' : 'holdout-'}${lang}.jsonl`, import.meta.url));
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => rowSchema.parse(JSON.parse(line)));
}
