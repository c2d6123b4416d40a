import type { privacyEn } from './privacy-en.js';

/** Swedish texts of the identifying-comment check. */
export const privacySv: { readonly [K in keyof typeof privacyEn]: string } = {
  'privacy.removed': '[borttaget]',
  'privacy.warning.title': 'Din kommentar kan avslöja vem du är',
  'privacy.warning.intro': 'Kommentarer är anonyma, men de här delarna av din kan peka ut dig eller någon annan:',
  'privacy.kind.name': 'Namn',
  'privacy.kind.mention': 'Omnämnanden',
  'privacy.kind.email': 'E-postadresser',
  'privacy.kind.phone': 'Telefonnummer',
  'privacy.kind.date': 'Exakta datum',
  'privacy.action.clean': 'Ta bort dem och skicka',
  'privacy.action.asWritten': 'Skicka som den är',
  'privacy.choice.label': 'Vad ska vi skicka?',
};
