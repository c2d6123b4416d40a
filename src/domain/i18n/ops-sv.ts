import type { opsEn } from './ops-en.js';

/** Swedish texts of operations. */
export const opsSv: { readonly [K in keyof typeof opsEn]: string } = {
  'answer.busy': 'pulsebot har väldigt mycket att göra just nu, så svaret registrerades inte. Försök igen om en minut.',
};
