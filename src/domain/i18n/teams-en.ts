/** English texts of the Microsoft Teams adapter (spread into `en`). */
export const teamsEn = {
  'teams.ui.choose': 'Choose…',
  'teams.welcome': 'Hi, I am pulsebot. Now and then I will send you a short survey here; your answers are anonymous. Type **help** to see what I can do.',
  'teams.cmd.personalOnly': 'Let us keep this private: write to me in a 1:1 chat with pulsebot.',
  'teams.status.unreachable':
    'Not reachable in Teams: {count} (pulsebot is not installed for them). Install it for everyone from the Teams admin center (see the README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '“{text}”',
  'teams.results.cut': 'Only part of the results fit in one Teams message; type **results [segment]** to see one group.',
} as const;
