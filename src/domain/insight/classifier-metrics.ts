/** Share of items whose predicted label is the expected one. */
export function accuracy(pairs: readonly { readonly expected: string; readonly predicted: string }[]): number {
  return pairs.length === 0 ? 0 : pairs.filter((p) => p.expected === p.predicted).length / pairs.length;
}

/** The mean over the expected labels of each label's F1 (precision and recall of that label). */
export function macroF1(pairs: readonly { readonly expected: string; readonly predicted: string }[]): number {
  const labels = [...new Set(pairs.map((p) => p.expected))];
  if (labels.length === 0) return 0;
  const f1s = labels.map((label) => {
    const tp = pairs.filter((p) => p.expected === label && p.predicted === label).length;
    const predicted = pairs.filter((p) => p.predicted === label).length;
    const actual = pairs.filter((p) => p.expected === label).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = actual === 0 ? 0 : tp / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return f1s.reduce((a, b) => a + b, 0) / f1s.length;
}
