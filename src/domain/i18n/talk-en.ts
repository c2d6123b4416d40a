/**
 * English texts of the conversation every chat surface shares (spread into `en`). `{…}` command
 * placeholders are filled with the surface's own way of writing a command (`/pulse help` in
 * Slack, **help** in Teams, help in the web chat), so there is one text per language.
 */
export const talkEn = {
  'talk.help.intro': 'pulsebot runs short anonymous surveys. Type to me in this chat:',
  'talk.help.help': 'this message',
  'talk.help.results': 'the latest results you may see (leaders, HR, admins)',
  'talk.help.resultsExit': 'pooled exit-survey results (HR, admins)',
  'talk.help.dashboard': 'a personal link to the results dashboard (leaders, HR, admins)',
  'talk.help.status': 'open rounds and participation (admins)',
  'talk.help.sendNow': 'start a round now (admins)',
  'talk.help.surveys': 'the surveys and their next rounds (HR, admins)',
  'talk.help.pause': 'stop a survey opening rounds (admins)',
  'talk.help.resume': 'start a paused survey again (admins)',
  'talk.surveys.none': 'There are no surveys yet.',
  'talk.surveys.active': '{name} ({id}): next round {date}',
  'talk.surveys.activeNoDate': '{name} ({id}): no round ahead',
  'talk.surveys.paused': '{name} ({id}): paused',
  'talk.surveys.archived': '{name} ({id}): archived',
  'talk.survey.paused': 'Paused "{survey}": no round opens until someone resumes it. Rounds already open run to their end.',
  'talk.survey.resumed': 'Resumed "{survey}": next round {date}.',
  'talk.survey.isArchived': '"{survey}" is archived: it cannot run again.',
  'talk.survey.notAllowed': 'Only HR and admins can see the surveys.',
  'talk.help.role': 'manage roles (admins)',
  'talk.help.exit': 'send an exit survey (HR, admins)',
  'talk.help.exitCancel': 'cancel one not yet sent',
  'talk.unknown': 'I do not know that command. Try {help}.',
  'talk.usage': 'Usage: {usage}',
  'talk.usage.either': 'Usage: {first} or {second}',
  'talk.exit.exists': 'An exit survey for {person} is already scheduled for {date}. To send another, cancel it first with {cancel}.',
  'talk.segment.ambiguous': 'More than one group is called "{segment}": use its full id ({ids}).',
} as const;
