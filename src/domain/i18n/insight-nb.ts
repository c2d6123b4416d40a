import type { insightEn } from './insight-en.js';

/** Norwegian Bokmål strings of driver impact (spread into nb.ts). */
export const insightNb: { readonly [K in keyof typeof insightEn]: string } = {
  'impact.priority':
    'Viktigst nå: {driver} ({favourable} % positive) henger mer sammen med eNPS enn noe annet svakt område her (r {r}, 90 % intervall {low} til {high}, {n} parvise svar over {months} måneder).',
  'impact.heading': 'Hva som henger sammen med eNPS',
  'impact.intro':
    'Hvor sterkt hvert område følger eNPS de siste {months} månedene ({rounds} runder), sterkest først. En sammenheng, ikke et bevis for årsak. Prioriteringer er områder under 70 % positive som klart henger sammen med eNPS.',
  'impact.col.subject': 'Område eller spørsmål',
  'impact.col.r': 'Korrelasjon (r)',
  'impact.col.interval': '90 % intervall',
  'impact.col.n': 'Parvise svar',
  'impact.col.favourable': 'Positive',
  'impact.priorityMark': 'Prioritet',
  'impact.none':
    'Ikke nok parvise svar ennå: en gruppe trenger minst {min} svar gitt sammen med eNPS i grupper som kan vises. Hver avsluttet runde legger til.',
  'heatmap.heading': 'Varmekart: hver gruppe mot organisasjonen',
  'heatmap.intro':
    'Hver celle er gruppens siste resultat (eNPS, eller % positive for et område) med forskjellen fra organisasjonens under. Grønt er over organisasjonen, rødt under. «Skjult»: for få svar til å vises (færre enn {k}), eller et tall som kunne regnes ut ved å trekke fra.',
  'heatmap.group': 'Gruppe',
  'heatmap.enps': 'eNPS',
  'heatmap.hidden': 'skjult',
  'heatmap.hiddenTitle': 'Vises ikke, for å verne anonymiteten',
  'heatmap.trendTitle': '{driver}: % positive i {group}',
  'heatmap.noTrend': 'Ingen utvikling å vise for denne gruppen.',
  'heatmap.rowsBy': 'Rader',
  'heatmap.byTeams': 'Team',
  'heatmap.byIntro':
    'Delt på én egenskap om gangen, for hele organisasjonen. En verdi vises med minst {k} svar, når verdiene som vises utelater ingen eller minst {k}, og når hvert team som vises har folk med hver verdi som vises (ellers kunne et team trukket fra peke ut resten). Verdier med færre enn {k} inviterte telles under «Annet».',
  'attribute.location': 'Sted',
  'attribute.employmentType': 'Ansettelsesform',
  'attribute.tenure': 'Ansiennitet',
  'attribute.remote': 'Fjernarbeid',
  'attribute.other': 'Annet',
  'attribute.remote.yes': 'Fjernarbeid',
  'attribute.remote.no': 'På kontoret',
  'attribute.tenure.under_6_months': 'Under 6 måneder',
  'attribute.tenure.6_to_12_months': '6–12 måneder',
  'attribute.tenure.1_to_2_years': '1–2 år',
  'attribute.tenure.2_to_5_years': '2–5 år',
  'attribute.tenure.5_years_plus': '5 år eller mer',
  'summary.byAttribute': 'eNPS etter {attribute}',
  'summary.attributeEnps': '{value}: eNPS {score}',
  'summary.attributeHidden': '{n} til vises ikke: færre enn {k} svar, eller et team ved siden av ville pekt ut enkeltpersoner.',
};
