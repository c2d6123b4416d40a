import type { teamsEn } from './teams-en.js';

/** Norwegian (bokmål) texts of the Microsoft Teams adapter. */
export const teamsNb: { readonly [K in keyof typeof teamsEn]: string } = {
  'teams.ui.choose': 'Velg …',
  'teams.welcome':
    'Hei, jeg er pulsebot. Innimellom sender jeg deg en kort undersøkelse her, og svarene dine er anonyme. Skriv **help** for å se hva jeg kan hjelpe med.',
  'teams.cmd.help':
    'pulsebot gjennomfører korte, anonyme undersøkelser. Skriv til meg i denne chatten:\n\n- **help**: denne meldingen\n- **results [segment]**: de siste resultatene du har tilgang til (ledere, HR, administratorer)\n- **results exit**: samlede resultater fra sluttundersøkelsene (HR, administratorer)\n- **status**: åpne runder og svarprosent (administratorer)\n- **send-now [survey]**: start en runde nå (administratorer)\n- **role add|remove @person hr|leader [segment]**: administrer roller (administratorer)\n- **exit-survey @person [ÅÅÅÅ-MM-DD] [en|nb|sv]**: send en sluttundersøkelse (HR, administratorer)\n- **exit-survey cancel @person**: avbryt en som ikke er sendt ennå',
  'teams.cmd.unknown': 'Den kommandoen kjenner jeg ikke. Skriv **help** for å se hva jeg kan hjelpe med.',
  'teams.cmd.personalOnly': 'Dette tar vi privat: skriv til meg i en 1:1-chat med pulsebot.',
  'teams.cmd.roleUsage': 'Bruk: **role add|remove @person hr|leader [segment]**',
  'teams.exit.usage': 'Bruk: **exit-survey @person [ÅÅÅÅ-MM-DD] [en|nb|sv]** eller **exit-survey cancel @person**',
  'teams.exit.exists': 'Det er allerede planlagt en sluttundersøkelse for {person} den {date}. Vil du sende en ny, må du først avbryte den med **exit-survey cancel**.',
  'teams.status.unreachable':
    'Kan ikke nås i Teams: {count} (pulsebot er ikke installert for dem). Installer appen for alle fra administrasjonssenteret for Teams (se README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '«{text}»',
  'teams.results.cut': 'Bare en del av resultatene fikk plass i én Teams-melding. Skriv **results [segment]** for å se én gruppe om gangen.',
};
