/** Survey documents the tests send, as HR would. */

/** The example document, as HR would send it. */
export const teamHealth = () => ({
  id: 'team-health',
  name: 'Team health',
  defaultLocale: 'en',
  trigger: { type: 'recurring', every: 'biweekly', weekday: 2, time: '09:30', startDate: '2027-01-05' },
  audience: { type: 'segments', segments: ['engineering'] },
  openDays: 5,
  reminderDays: [3],
  questions: [
    { builtin: 'enps' },
    {
      id: 'focus',
      type: 'agreement',
      driver: 'workload',
      text: { en: 'I can focus on my work without interruptions.', nb: 'Jeg kan konsentrere meg om arbeidet uten avbrudd.' },
      followUp: { atOrBelow: 2, text: { en: 'What gets in the way?', nb: 'Hva er det som forstyrrer?' } },
    },
    {
      id: 'tools',
      type: 'choice',
      text: { en: 'Which tool slows you down most?', nb: 'Hvilket verktøy sinker deg mest?' },
      options: [
        { id: 'laptop', text: { en: 'My laptop', nb: 'PC-en min' } },
        { id: 'vpn', text: { en: 'The VPN', nb: 'VPN-en' } },
      ],
    },
    { id: 'idea', type: 'text', text: { en: 'One thing we should change?', nb: 'Én ting vi bør endre?' } },
  ],
  minGroupSize: 5,
  minCommentGroupSize: 5,
  inSummary: true,
  shareResults: false,
  announceActions: true,
});
