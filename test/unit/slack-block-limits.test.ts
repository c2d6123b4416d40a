import { describe, expect, it } from 'vitest';
import { BLOCK_LIMITS, promptMessage } from '../../adapters/slack/prompt-blocks.js';
import { markAnswered } from '../../adapters/slack/prompt-state.js';
import { commentModal } from '../../adapters/slack/handlers/comments.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import type { Question } from '../../src/domain/question.js';
import { ENGAGEMENT_BANK, PULSE_COMMENT_QUESTION } from '../../src/domain/templates/engagement-bank.js';
import { ENPS_QUESTION } from '../../src/domain/templates/enps.js';
import { EXIT_SURVEY_QUESTIONS } from '../../src/domain/templates/exit-survey.js';

type Node = Record<string, unknown>;

/** Walks a Block Kit tree and reports every limit it breaks. */
function violations(blocks: readonly Node[]): string[] {
  const out: string[] = [];
  if (blocks.length > BLOCK_LIMITS.blocks) out.push(`${blocks.length} blocks`);
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}[${i}]`));
    if (node === null || typeof node !== 'object') return;
    const n = node as Node;
    if (n.type === 'actions' && Array.isArray(n.elements) && n.elements.length > BLOCK_LIMITS.actionsElements)
      out.push(`${path}: ${n.elements.length} elements`);
    if (n.type === 'button') {
      const text = (n.text as Node | undefined)?.text;
      if (typeof text === 'string' && text.length > BLOCK_LIMITS.buttonText) out.push(`${path}: button text ${text.length}`);
      if (typeof n.value === 'string' && n.value.length > 2000) out.push(`${path}: value ${n.value.length}`);
    }
    if (n.type === 'static_select' && Array.isArray(n.options) && n.options.length > BLOCK_LIMITS.staticOptions) out.push(`${path}: options`);
    for (const key of ['block_id', 'action_id'] as const) {
      const id = n[key];
      if (typeof id === 'string' && id.length > BLOCK_LIMITS.id) out.push(`${path}.${key}: ${id.length}`);
    }
    if ((n.type === 'mrkdwn' || n.type === 'plain_text') && typeof n.text === 'string' && n.text.length > BLOCK_LIMITS.text)
      out.push(`${path}: text ${n.text.length}`);
    for (const [key, value] of Object.entries(n)) visit(value, `${path}.${key}`);
  };
  visit(blocks, 'blocks');
  return out;
}

const longestStatements = DRIVERS.map((d) => ENGAGEMENT_BANK[d].reduce((a, b) => (a.id.length > b.id.length ? a : b)));
const surveys: Record<string, Question[]> = {
  'pulse, 5 questions + comment': [ENPS_QUESTION, ...longestStatements.slice(0, 4), PULSE_COMMENT_QUESTION],
  'every bank question at once': [ENPS_QUESTION, ...DRIVERS.flatMap((d) => ENGAGEMENT_BANK[d]).slice(0, 9), PULSE_COMMENT_QUESTION],
  exit: [...EXIT_SURVEY_QUESTIONS],
};

describe('Slack prompts respect Block Kit limits', () => {
  for (const locale of LOCALES) {
    for (const [name, questions] of Object.entries(surveys)) {
      it(`${name} in ${locale}`, () => {
        const message = promptMessage(
          {
            roundId: 'pulse-with-a-long-survey-id-for-safety:2026-11-23',
            surveyKind: name === 'exit' ? 'exit' : 'pulse',
            questions,
            responseToken: '0f6b1c1e-6c0b-4d5e-9f3a-2b1c0d9e8f7a',
            binding: 'Ab-_'.repeat(6).slice(0, 22),
            minGroupSize: 5,
            orgName: 'A'.repeat(80),
          },
          locale,
        );
        expect(violations(message.blocks as unknown as Node[])).toEqual([]);
        let answered = message.blocks as unknown as Node[];
        for (const q of questions) answered = markAnswered(answered as never, q.id, locale) as unknown as Node[];
        expect(violations(answered)).toEqual([]);
        expect(JSON.stringify(answered)).not.toContain('pulse:answer:');
      });
    }
    it(`the comment modal title fits Slack's 24 characters in ${locale}`, () => {
      const view = commentModal({ r: 'r', t: '0f6b1c1e-6c0b-4d5e-9f3a-2b1c0d9e8f7a', q: 'comment', channel: 'D1', ts: '1.1' }, locale);
      expect(view.title.text.length).toBeLessThanOrEqual(24);
      expect((view.submit?.text.length ?? 0) <= 24 && (view.close?.text.length ?? 0) <= 24).toBe(true);
    });
  }
});
