import type { teamsEn } from './teams-en.js';

/** Swedish texts of the Microsoft Teams adapter. */
export const teamsSv: { readonly [K in keyof typeof teamsEn]: string } = {
  'teams.ui.choose': 'Välj …',
  'teams.welcome':
    'Hej, jag är pulsebot. Då och då skickar jag en kort enkät till dig här, och dina svar är anonyma. Skriv **help** för att se vad jag kan hjälpa till med.',
  'teams.cmd.help':
    'pulsebot genomför korta, anonyma enkäter. Skriv till mig i den här chatten:\n\n- **help**: det här meddelandet\n- **results [segment]**: de senaste resultaten du har behörighet att se (chefer, HR, administratörer)\n- **results exit**: sammanställda resultat från avgångsenkäterna (HR, administratörer)\n- **status**: öppna omgångar och svarsfrekvens (administratörer)\n- **send-now [survey]**: starta en omgång nu (administratörer)\n- **role add|remove @person hr|leader [segment]**: hantera roller (administratörer)\n- **exit-survey @person [ÅÅÅÅ-MM-DD] [en|nb|sv]**: skicka en avgångsenkät (HR, administratörer)\n- **exit-survey cancel @person**: avbryt en som inte har skickats än',
  'teams.cmd.unknown': 'Det kommandot känner jag inte till. Skriv **help** för att se vad jag kan hjälpa till med.',
  'teams.cmd.personalOnly': 'Det här tar vi privat: skriv till mig i en 1:1-chatt med pulsebot.',
  'teams.cmd.roleUsage': 'Användning: **role add|remove @person hr|leader [segment]**',
  'teams.exit.usage': 'Användning: **exit-survey @person [ÅÅÅÅ-MM-DD] [en|nb|sv]** eller **exit-survey cancel @person**',
  'teams.exit.exists': 'En avgångsenkät för {person} är redan schemalagd till {date}. Vill du skicka en ny måste du först avbryta den med **exit-survey cancel**.',
  'teams.status.unreachable':
    'Kan inte nås i Teams: {count} (pulsebot är inte installerad för dem). Installera appen för alla från administrationscentret för Teams (se README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '”{text}”',
  'teams.results.cut': 'Bara en del av resultaten fick plats i ett Teams-meddelande. Skriv **results [segment]** för att se en grupp i taget.',
};
