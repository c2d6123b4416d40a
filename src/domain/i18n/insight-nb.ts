import type { insightEn } from './insight-en.js';

/** Norwegian Bokmål strings of driver impact (spread into nb.ts). */
export const insightNb: { readonly [K in keyof typeof insightEn]: string } = {
  'impact.priority':
    'Viktigst nå: {driver} ({favourable} % positive) henger mer sammen med eNPS enn noen annen svak driver her (r {r}, 90 % intervall {low} til {high}, {n} parvise svar over {months} måneder).',
  'impact.heading': 'Hva som henger sammen med eNPS',
  'impact.intro':
    'Hvor sterkt hver driver følger eNPS de siste {months} månedene ({rounds} runder), sterkest først. En sammenheng, ikke et bevis for årsak. Prioriteringer er drivere under 70 % positive som klart henger sammen med eNPS.',
  'impact.col.subject': 'Driver eller spørsmål',
  'impact.col.r': 'Korrelasjon (r)',
  'impact.col.interval': '90 % intervall',
  'impact.col.n': 'Parvise svar',
  'impact.col.favourable': 'Positive',
  'impact.priorityMark': 'Prioritet',
  'impact.none':
    'Ikke nok parvise svar ennå: en gruppe trenger minst {min} svar gitt sammen med eNPS i grupper som kan vises. Hver avsluttet runde legger til.',
  'impact.group': 'Gruppe',
};
