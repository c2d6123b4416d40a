import type { talkEn } from './talk-en.js';

/** Norwegian (bokmål) texts of the shared conversation (spread into `nb`). */
export const talkNb: { readonly [K in keyof typeof talkEn]: string } = {
  'talk.help.intro': 'pulsebot gjennomfører korte, anonyme undersøkelser. Skriv til meg i denne chatten:',
  'talk.help.help': 'denne meldingen',
  'talk.help.results': 'de siste resultatene du har tilgang til (ledere, HR, administratorer)',
  'talk.help.resultsExit': 'samlede resultater fra sluttundersøkelsene (HR, administratorer)',
  'talk.help.dashboard': 'en personlig lenke til resultatpanelet (ledere, HR, administratorer)',
  'talk.help.status': 'åpne runder og svarprosent (administratorer)',
  'talk.help.sendNow': 'start en runde nå (administratorer)',
  'talk.help.role': 'administrer roller (administratorer)',
  'talk.help.exit': 'send en sluttundersøkelse (HR, administratorer)',
  'talk.help.exitCancel': 'avbryt en som ikke er sendt ennå',
  'talk.unknown': 'Den kommandoen kjenner jeg ikke. Prøv {help}.',
  'talk.usage': 'Bruk: {usage}',
  'talk.usage.either': 'Bruk: {first} eller {second}',
  'talk.exit.exists': 'Det er allerede planlagt en sluttundersøkelse for {person} den {date}. Vil du sende en ny, må du først avbryte den med {cancel}.',
  'talk.segment.ambiguous': 'Flere grupper heter «{segment}»: bruk hele id-en ({ids}).',
};
