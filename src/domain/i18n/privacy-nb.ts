import type { privacyEn } from './privacy-en.js';

/** Norwegian (bokmål) texts of the identifying-comment check. */
export const privacyNb: { readonly [K in keyof typeof privacyEn]: string } = {
  'privacy.removed': '[fjernet]',
  'privacy.warning.title': 'Kommentaren din kan avsløre hvem du er',
  'privacy.warning.intro': 'Kommentarer er anonyme, men disse delene av din kan peke på deg eller på noen andre:',
  'privacy.kind.name': 'Navn',
  'privacy.kind.mention': 'Omtaler',
  'privacy.kind.email': 'E-postadresser',
  'privacy.kind.phone': 'Telefonnumre',
  'privacy.kind.date': 'Nøyaktige datoer',
  'privacy.action.clean': 'Fjern dem og send',
  'privacy.action.asWritten': 'Send slik den er',
  'privacy.choice.label': 'Hva skal vi sende?',
};
