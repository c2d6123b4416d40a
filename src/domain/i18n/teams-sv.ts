import type { teamsEn } from './teams-en.js';

/** Swedish texts of the Microsoft Teams adapter. */
export const teamsSv: { readonly [K in keyof typeof teamsEn]: string } = {
  'teams.ui.choose': 'Välj …',
  'teams.welcome':
    'Hej, jag är pulsebot. Då och då skickar jag en kort enkät till dig här, och dina svar är anonyma. Skriv **help** för att se vad jag kan hjälpa till med.',
  'teams.cmd.personalOnly': 'Det här tar vi privat: skriv till mig i en 1:1-chatt med pulsebot.',
  'teams.status.unreachable':
    'Kan inte nås i Teams: {count} (pulsebot är inte installerad för dem). Installera appen för alla från administrationscentret för Teams (se README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '”{text}”',
  'teams.results.cut': 'Bara en del av resultaten fick plats i ett Teams-meddelande. Skriv **results [segment]** för att se en grupp i taget.',
};
