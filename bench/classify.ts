/**
 * `npm run bench -- classify`: the comment classifier (issue #20) against the labelled comments in
 * test/fixtures/comments/: sentiment accuracy and theme macro-F1 per language, and how long one
 * comment takes.
 */
import { performance } from 'node:perf_hooks';
import { classifyComment, commentLocale } from '../src/domain/insight/classify-comment.js';
import { accuracy, macroF1 } from '../src/domain/insight/classifier-metrics.js';
import { labelledComments } from '../test/support/comment-fixtures.js';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function classify(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { bench: 'classify' };
  let comments = 0;
  const started = performance.now();
  for (const lang of ['en', 'nb', 'sv'] as const) {
    const rows = labelledComments(lang);
    const got = rows.map((row) => ({ row, found: classifyComment(row.text, lang) }));
    comments += rows.length;
    out[lang] = {
      comments: rows.length,
      sentimentAccuracy: round3(accuracy(got.map(({ row, found }) => ({ expected: row.sentiment, predicted: found.sentiment })))),
      themeMacroF1: round3(macroF1(got.map(({ row, found }) => ({ expected: row.theme, predicted: found.theme })))),
      themeAccuracy: round3(accuracy(got.map(({ row, found }) => ({ expected: row.theme, predicted: found.theme })))),
    };
    // Written after the lexicons and never used to tune them: how the classifier does on comments it was not shaped by.
    const held = labelledComments(lang, 'holdout').map((row) => ({ row, found: classifyComment(row.text, lang) }));
    out[`${lang}Holdout`] = {
      comments: held.length,
      sentimentAccuracy: round3(accuracy(held.map(({ row, found }) => ({ expected: row.sentiment, predicted: found.sentiment })))),
      themeAccuracy: round3(accuracy(held.map(({ row, found }) => ({ expected: row.theme, predicted: found.theme })))),
    };
  }
  out.msPerComment = round3((performance.now() - started) / comments);
  // Comments carry no language: the dashboard and summaries guess it from the short words (the organisation's default when they do not tell).
  const all = (['en', 'nb', 'sv'] as const).flatMap((lang) =>
    labelledComments(lang).map((row) => ({ expected: lang, predicted: commentLocale(row.text, 'en') })),
  );
  out.languageAccuracy = round3(accuracy(all));
  return Promise.resolve(out);
}
