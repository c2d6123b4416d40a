import type { signinEn } from './signin-en.js';

/** Swedish texts of the dashboard's sign-in. */
export const signinSv: { readonly [K in keyof typeof signinEn]: string } = {
  'signin.title': 'Logga in i pulsebot',
  'signin.intro': 'Logga in med kontot du använder i Slack eller Microsoft Teams. Du ser de resultat som din roll ger tillgång till.',
  'signin.slack': 'Logga in med Slack',
  'signin.entra': 'Logga in med Microsoft',
  'signin.entraTenant': 'Logga in med Microsoft (organisation {tenant})',
  'signin.none':
    'Inloggning är inte konfigurerad här. Be om en personlig länk i stället: skriv /pulse dashboard i Slack, eller dashboard i chatten med pulsebot i Teams.',
  'signin.again': 'Tillbaka till inloggningen',
  'signin.failed.expired_or_replayed': 'Den här inloggningen har gått ut eller har redan använts. Börja om från inloggningssidan.',
  'signin.failed.refused_by_provider': 'Inloggningen avbröts eller avvisades av din identitetsleverantör. Börja om och ge pulsebot åtkomst när du tillfrågas.',
  'signin.failed.invalid_token':
    'Svaret från din identitetsleverantör kunde inte verifieras, så du är inte inloggad. Börja om; om det händer igen, be din administratör kontrollera inställningarna för inloggning.',
  'signin.failed.unavailable': 'Din identitetsleverantör går inte att nå just nu. Försök igen om några minuter.',
  'signin.failed.not_in_directory':
    'Ditt konto finns inte i pulsebots katalog ännu. Be HR eller en administratör lägga till dig, eller vänta på nästa katalogsynkronisering, och logga sedan in igen.',
};
