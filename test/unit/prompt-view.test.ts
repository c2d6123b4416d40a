import { describe, expect, it } from 'vitest';
import { t } from '../../src/domain/i18n/translate.js';
import { promptView } from '../../src/domain/prompt-view.js';
import { ENPS_QUESTION } from '../../src/domain/templates/enps.js';
import { EXIT_REASONS, EXIT_SURVEY_QUESTIONS } from '../../src/domain/templates/exit-survey.js';

describe('the prompt view every renderer draws', () => {
  it('says everything in the reader’s language, with the organisation’s name and the round’s k', () => {
    const view = promptView({ surveyKind: 'pulse', questions: [ENPS_QUESTION], minGroupSize: 7, orgName: 'Fjordkraft' }, 'nb');
    expect(view.title).toBe(t('nb', 'survey.pulse.title'));
    expect(view.privacy).toBe(t('nb', 'privacy.promise', { k: 7 }));
    expect(view.notification).toBe(t('nb', 'prompt.notification', { survey: view.title }));
    const [enps] = view.questions;
    expect(enps?.text).toBe(t('nb', 'q.enps', { org: 'Fjordkraft' }));
    expect(enps?.position).toBe(t('nb', 'ui.questionNumber', { n: 1, total: 1 }));
    expect(enps?.kind === 'scale' && enps.choices.map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(enps?.kind === 'scale' && enps.hint).toBe(t('nb', 'ui.scaleHint', { low: t('nb', 'scale.low'), high: t('nb', 'scale.high') }));
  });

  it('an exit survey has its own title and promise, and a choice question lists every option with its label', () => {
    const view = promptView({ surveyKind: 'exit', questions: EXIT_SURVEY_QUESTIONS, minGroupSize: 5, orgName: null }, 'sv');
    expect(view.title).toBe(t('sv', 'survey.exit.title'));
    expect(view.privacy).toBe(t('sv', 'privacy.exit', { k: 5 }));
    const reasons = view.questions.find((q) => q.kind === 'multi');
    expect(reasons?.kind === 'multi' && reasons.choices.map((c) => c.value)).toEqual([...EXIT_REASONS]);
    expect(reasons?.kind === 'multi' && reasons.choices.every((c) => c.label.length > 0 && c.label !== c.value)).toBe(true);
    expect(view.questions.map((q) => q.position).at(-1)).toBe(
      t('sv', 'ui.questionNumber', { n: EXIT_SURVEY_QUESTIONS.length, total: EXIT_SURVEY_QUESTIONS.length }),
    );
  });
});
