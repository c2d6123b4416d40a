import type { talkEn } from './talk-en.js';

/** Swedish texts of the shared conversation (spread into `sv`). */
export const talkSv: { readonly [K in keyof typeof talkEn]: string } = {
  'talk.help.intro': 'pulsebot genomför korta, anonyma enkäter. Skriv till mig i den här chatten:',
  'talk.help.help': 'det här meddelandet',
  'talk.help.results': 'de senaste resultaten du har behörighet att se (chefer, HR, administratörer)',
  'talk.help.resultsExit': 'sammanställda resultat från avgångsenkäterna (HR, administratörer)',
  'talk.help.dashboard': 'en personlig länk till resultatpanelen (chefer, HR, administratörer)',
  'talk.help.status': 'öppna omgångar och svarsfrekvens (administratörer)',
  'talk.help.sendNow': 'starta en omgång nu (administratörer)',
  'talk.help.role': 'hantera roller (administratörer)',
  'talk.help.exit': 'skicka en avgångsenkät (HR, administratörer)',
  'talk.help.exitCancel': 'avbryt en som inte har skickats än',
  'talk.unknown': 'Det kommandot känner jag inte till. Prova {help}.',
  'talk.usage': 'Användning: {usage}',
  'talk.usage.either': 'Användning: {first} eller {second}',
  'talk.exit.exists': 'En avgångsenkät för {person} är redan schemalagd till {date}. Vill du skicka en ny måste du först avbryta den med {cancel}.',
  'talk.segment.ambiguous': 'Flera grupper heter ”{segment}”: använd hela id:t ({ids}).',
};
