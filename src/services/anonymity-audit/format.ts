import type { AnonymityReport } from './run-audit.js';

const CHECK_TITLES: Record<string, string> = {
  fields: 'every answer-side document has exactly the allowed fields',
  'id-shape': 'ids are keyed UUIDs (responses, comments) or counter keys',
  'object-id': 'no value is an ObjectId (which embeds a creation time)',
  'fine-time': 'no date or time finer than a day',
  identifier: "no value is a person's key, platform user id or e-mail",
  order: "a closed round's documents are stored in keyed-id order",
  ledger: 'no participation-ledger entry of a closed round remains',
  link: 'no answer of a closed round still carries the link between its prompt’s answers, or its attribute values',
  staging: 'no reorder staging copy of a closed round remains',
};

/** The report as text for a works council or DPO; never prints an offending value or a hidden group's count. */
export function formatAnonymityReport(report: AnonymityReport): string {
  const lines: string[] = [];
  const s = report.thresholds.settings;
  lines.push('Anonymity audit', '', `Thresholds in force: scores need ${s.minGroupSize} respondents, comments ${s.minCommentGroupSize}.`);
  for (const r of report.thresholds.rounds) lines.push(`  round ${r.roundId} (${r.state}): scores ${r.minGroupSize}, comments ${r.minCommentGroupSize}`);
  lines.push('', 'Answer-side collections:');
  for (const c of report.collections) lines.push(`  ${c.name} (${c.documents} documents): ${c.fields.join(', ')}`);
  lines.push('', 'Checks:');
  for (const check of report.checks) {
    lines.push(`  [${check.passed ? 'PASS' : 'FAIL'}] ${check.name}: ${CHECK_TITLES[check.name] ?? check.name}`);
    for (const f of report.findings.filter((x) => x.check === check.name)) {
      lines.push(`         ${f.collection}${f.field === null ? '' : `.${f.field}`}: ${f.documents} document${f.documents === 1 ? '' : 's'}`);
    }
  }
  lines.push('', 'Suppressions in the last closed round:');
  if (report.suppressions.length === 0) lines.push('  (no closed pulse round)');
  for (const sup of report.suppressions) {
    const hidden = sup.hidden.map((h) => h.name ?? h.segment);
    lines.push(
      `  ${sup.roundId}: ${hidden.length === 0 ? 'no group hidden' : `hidden (below the threshold, or so it cannot be found by subtraction): ${hidden.join(', ')}`}`,
    );
  }
  lines.push('', report.passed ? 'Result: every check passed.' : 'Result: FAILED (see the checks above).');
  return lines.join('\n');
}
