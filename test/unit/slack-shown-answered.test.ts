import { describe, expect, it } from 'vitest';
import { promptMessage } from '../../adapters/slack/prompt-blocks.js';
import { markAnswered, shownAnswered } from '../../adapters/slack/prompt-state.js';
import { DRIVERS } from '../../src/domain/drivers.js';
import { ENGAGEMENT_BANK, PULSE_COMMENT_QUESTION } from '../../src/domain/templates/engagement-bank.js';
import { ENPS_QUESTION } from '../../src/domain/templates/enps.js';
import { EXIT_SURVEY_QUESTIONS } from '../../src/domain/templates/exit-survey.js';

/** Every kind of question a prompt draws: 0–10, 1–5, choices (buttons and a select), multi-select, text. */
const questions = [ENPS_QUESTION, ...DRIVERS.flatMap((d) => ENGAGEMENT_BANK[d]).slice(0, 3), ...EXIT_SURVEY_QUESTIONS, PULSE_COMMENT_QUESTION];
const ids = [...new Set(questions.map((q) => q.id))];

const message = () =>
  promptMessage({ roundId: 'pulse:2026-11-23', surveyKind: 'pulse', questions, responseToken: 'token', binding: 'tag', minGroupSize: 5, orgName: 'Acme' }, 'en')
    .blocks;

/** What a redraw reads from the message a click carries (issue #21: no ledger reads on a Slack click). */
describe('the questions a Slack prompt shows answered', () => {
  it('none on a fresh prompt, and exactly those marked answered since, of every kind', () => {
    expect(new Set(questions.map((q) => q.kind)).size).toBeGreaterThanOrEqual(4);
    expect([...(shownAnswered(message()) ?? [])]).toEqual([]);
    let blocks = message();
    for (const [i, id] of ids.entries()) {
      blocks = markAnswered(blocks, id, 'en');
      expect([...(shownAnswered(blocks) ?? [])].sort()).toEqual(ids.slice(0, i + 1).sort());
    }
  });

  it('nothing to go by without the message (a click from a modal or the home tab)', () => {
    expect(shownAnswered(undefined)).toBeNull();
  });
});
