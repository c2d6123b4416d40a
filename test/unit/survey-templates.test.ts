import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/domain/i18n/locale.js';
import { checkSurveyDocument } from '../../src/domain/survey-document.js';
import { fromTemplate, SURVEY_TEMPLATES, surveyTemplate } from '../../src/domain/templates/survey-templates.js';

const FLOOR = { minGroupSize: 5, minCommentGroupSize: 5 };
const TODAY = DateTime.fromISO('2027-01-04', { zone: 'utc' });

describe('the survey templates HR starts from', () => {
  it('offers the engagement pulse, onboarding, manager effectiveness, wellbeing, new manager and internal service (exit is built in)', () => {
    expect(SURVEY_TEMPLATES.map((t) => t.id)).toEqual([
      'engagement-pulse',
      'onboarding',
      'manager-effectiveness',
      'wellbeing',
      'new-manager',
      'service-experience',
    ]);
  });

  for (const template of SURVEY_TEMPLATES) {
    it(`${template.id}: makes a valid survey in every language, with every text in en, nb and sv`, () => {
      for (const locale of LOCALES) {
        const check = checkSurveyDocument(fromTemplate(template, { id: `${template.id}-x`, defaultLocale: locale }, TODAY), FLOOR);
        expect(check.ok ? [] : check.issues, `${template.id} in ${locale}`).toEqual([]);
        expect(check.ok && check.document.name).toBe(template.name[locale]);
      }
      const texts = JSON.stringify(template.document.questions);
      for (const match of texts.matchAll(/"text":\{([^}]*)\}/g)) {
        for (const locale of LOCALES) expect(match[1], `${template.id}: ${match[1]}`).toContain(`"${locale}":`);
      }
    });
  }

  it('HR’s overrides win, and a recurring template starts on the day it is made', () => {
    const document = fromTemplate(surveyTemplate('wellbeing')!, { id: 'wb', name: 'Wellbeing (Oslo)', openDays: 3, reminderDays: [2] }, TODAY);
    const check = checkSurveyDocument(document, FLOOR);
    expect(check.ok && check.document).toMatchObject({
      id: 'wb',
      name: 'Wellbeing (Oslo)',
      openDays: 3,
      reminderDays: [2],
      trigger: { type: 'recurring', every: 'monthly', startDate: '2027-01-04' },
    });
  });
});
