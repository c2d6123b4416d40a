import type { opsEn } from './ops-en.js';

/** Norwegian (bokmål) texts of operations. */
export const opsNb: { readonly [K in keyof typeof opsEn]: string } = {
  'answer.busy': 'pulsebot har svært mye å gjøre akkurat nå, så dette svaret ble ikke registrert. Prøv igjen om et minutt.',
};
