import type { signinEn } from './signin-en.js';

/** Norwegian (bokmål) texts of the dashboard's sign-in. */
export const signinNb: { readonly [K in keyof typeof signinEn]: string } = {
  'signin.title': 'Logg inn i pulsebot',
  'signin.intro': 'Logg inn med kontoen du bruker i Slack eller Microsoft Teams. Du ser resultatene rollen din gir tilgang til.',
  'signin.slack': 'Logg inn med Slack',
  'signin.entra': 'Logg inn med Microsoft',
  'signin.entraTenant': 'Logg inn med Microsoft (organisasjon {tenant})',
  'signin.none':
    'Innlogging er ikke satt opp her. Be om en personlig lenke i stedet: skriv /pulse dashboard i Slack, eller dashboard i chatten med pulsebot i Teams.',
  'signin.again': 'Tilbake til innlogging',
  'signin.failed.expired_or_replayed': 'Denne innloggingen har utløpt eller er allerede brukt. Begynn på nytt fra innloggingssiden.',
  'signin.failed.refused_by_provider':
    'Innloggingen ble avbrutt eller avvist av identitetsleverandøren din. Begynn på nytt, og gi pulsebot tilgang når du blir spurt.',
  'signin.failed.invalid_token':
    'Svaret fra identitetsleverandøren kunne ikke bekreftes, så du er ikke logget inn. Begynn på nytt; skjer det igjen, be administratoren din sjekke innstillingene for innlogging.',
  'signin.failed.unavailable': 'Identitetsleverandøren din kan ikke nås akkurat nå. Prøv igjen om noen minutter.',
  'signin.failed.not_in_directory':
    'Kontoen din er ikke i pulsebots katalog ennå. Be HR eller en administrator om å legge deg til, eller vent på neste katalogsynkronisering, og logg inn igjen.',
};
