import type { SurveyDocumentInput } from '../../domain/survey-document.js';

/**
 * The demo organisation's own survey (issue #17): what HR writes beside the built-in pulse. A
 * monthly workplace check with one question of each kind HR uses most, in three languages.
 * HR's own words, like the demo comments: content, not the product's catalog.
 */
export const DEMO_SURVEY_ID = 'workplace-check';

export function demoSurvey(startDate: string): SurveyDocumentInput {
  return {
    id: DEMO_SURVEY_ID,
    name: 'Workplace check',
    defaultLocale: 'en',
    trigger: { type: 'recurring', every: 'monthly', weekday: 3, time: '10:00', startDate },
    audience: { type: 'everyone' },
    openDays: 5,
    reminderDays: [3],
    questions: [
      {
        id: 'focus',
        type: 'agreement',
        driver: 'workload',
        text: {
          en: 'I can focus on my work without interruptions.',
          nb: 'Jeg kan konsentrere meg om arbeidet uten avbrudd.',
          sv: 'Jag kan fokusera på mitt arbete utan avbrott.',
        },
      },
      {
        id: 'slowdown',
        type: 'choice',
        text: { en: 'What slows you down most?', nb: 'Hva sinker deg mest?', sv: 'Vad saktar ner dig mest?' },
        options: [
          { id: 'meetings', text: { en: 'Meetings', nb: 'Møter', sv: 'Möten' } },
          { id: 'tools', text: { en: 'Slow tools', nb: 'Trege verktøy', sv: 'Långsamma verktyg' } },
          { id: 'waiting', text: { en: 'Waiting for others', nb: 'Venting på andre', sv: 'Att vänta på andra' } },
          { id: 'nothing', text: { en: 'Nothing much', nb: 'Lite eller ingenting', sv: 'Inte mycket' } },
        ],
      },
      {
        id: 'hybrid',
        type: 'yesno',
        text: {
          en: 'Does our hybrid work policy work for you?',
          nb: 'Fungerer retningslinjene for hybridarbeid for deg?',
          sv: 'Fungerar vår policy för hybridarbete för dig?',
        },
      },
      {
        id: 'change',
        type: 'text',
        text: { en: 'One thing we should change?', nb: 'Én ting vi bør endre?', sv: 'En sak vi borde ändra?' },
      },
    ],
    inSummary: true,
  };
}
