/** English texts of the Microsoft Teams adapter (spread into `en`). */
export const teamsEn = {
  'teams.ui.choose': 'Choose…',
  'teams.welcome':
    'Hi, I am pulsebot. Now and then I will send you a short survey here; your answers are anonymous. Type **help** to see what I can do.',
  'teams.cmd.help':
    'pulsebot runs short anonymous surveys. Type to me in this chat:\n\n- **help**: this message\n- **results [segment]**: the latest results you may see (leaders, HR, admins)\n- **results exit**: pooled exit-survey results (HR, admins)\n- **status**: open rounds and participation (admins)\n- **send-now [survey]**: start a round now (admins)\n- **role add|remove @person hr|leader [segment]**: manage roles (admins)\n- **exit-survey @person [YYYY-MM-DD] [en|nb|sv]**: send an exit survey (HR, admins)\n- **exit-survey cancel @person**: cancel one not yet sent',
  'teams.cmd.unknown': 'I do not know that command. Type **help** to see what I can do.',
  'teams.cmd.personalOnly': 'Let us keep this private: write to me in a 1:1 chat with pulsebot.',
  'teams.cmd.roleUsage': 'Usage: **role add|remove @person hr|leader [segment]**',
  'teams.exit.usage': 'Usage: **exit-survey @person [YYYY-MM-DD] [en|nb|sv]** or **exit-survey cancel @person**',
  'teams.exit.exists': 'An exit survey for {person} is already scheduled for {date}. To send another, cancel it first with **exit-survey cancel**.',
  'teams.status.unreachable':
    'Not reachable in Teams: {count} (pulsebot is not installed for them). Install it for everyone from the Teams admin center (see the README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '“{text}”',
  'teams.results.cut': 'Only part of the results fit in one Teams message; type **results [segment]** to see one group.',
} as const;
