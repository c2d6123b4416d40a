import type { teamsEn } from './teams-en.js';

/** Norwegian (bokmål) texts of the Microsoft Teams adapter. */
export const teamsNb: { readonly [K in keyof typeof teamsEn]: string } = {
  'teams.ui.choose': 'Velg …',
  'teams.welcome':
    'Hei, jeg er pulsebot. Innimellom sender jeg deg en kort undersøkelse her, og svarene dine er anonyme. Skriv **help** for å se hva jeg kan hjelpe med.',
  'teams.cmd.personalOnly': 'Dette tar vi privat: skriv til meg i en 1:1-chat med pulsebot.',
  'teams.status.unreachable':
    'Kan ikke nås i Teams: {count} (pulsebot er ikke installert for dem). Installer appen for alle fra administrasjonssenteret for Teams (se README).',
  /** A comment someone typed, quoted as the language does (exit results in Teams). */
  'teams.quote': '«{text}»',
  'teams.results.cut': 'Bare en del av resultatene fikk plass i én Teams-melding. Skriv **results [segment]** for å se én gruppe om gangen.',
};
