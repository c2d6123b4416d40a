import type { insightEn } from './insight-en.js';

/** Swedish strings of driver impact (spread into sv.ts). */
export const insightSv: { readonly [K in keyof typeof insightEn]: string } = {
  'impact.priority':
    'Viktigast nu: {driver} ({favourable} % positiva) hänger ihop med eNPS mer än någon annan svag drivkraft här (r {r}, 90 % intervall {low} till {high}, {n} parvisa svar under {months} månader).',
  'impact.heading': 'Vad som hänger ihop med eNPS',
  'impact.intro':
    'Hur starkt varje drivkraft följer eNPS de senaste {months} månaderna ({rounds} omgångar), starkast först. Ett samband, inte ett bevis för orsak. Prioriteringar är drivkrafter under 70 % positiva som tydligt hänger ihop med eNPS.',
  'impact.col.subject': 'Drivkraft eller fråga',
  'impact.col.r': 'Korrelation (r)',
  'impact.col.interval': '90 % intervall',
  'impact.col.n': 'Parvisa svar',
  'impact.col.favourable': 'Positiva',
  'impact.priorityMark': 'Prioritet',
  'impact.none':
    'Inte tillräckligt många parvisa svar ännu: en grupp behöver minst {min} svar givna tillsammans med eNPS i grupper som får visas. Varje avslutad omgång bidrar.',
  'heatmap.heading': 'Värmekarta: varje grupp mot organisationen',
  'heatmap.intro':
    'Varje cell är gruppens senaste resultat (eNPS, eller % positiva för en drivkraft) med skillnaden mot organisationens under. Grönt är över organisationen, rött under. ”Dold”: för få svar för att visas (färre än {k}), eller en siffra som kunde räknas ut genom subtraktion.',
  'heatmap.group': 'Grupp',
  'heatmap.enps': 'eNPS',
  'heatmap.hidden': 'dold',
  'heatmap.hiddenTitle': 'Visas inte, för att skydda anonymiteten',
  'heatmap.trendTitle': '{driver}: % positiva i {group}',
  'heatmap.noTrend': 'Ingen utveckling att visa för den här gruppen.',
  'heatmap.rowsBy': 'Rader',
  'heatmap.byTeams': 'Team',
  'heatmap.byIntro':
    'Uppdelat på en egenskap i taget, för hela organisationen. Ett värde visas med minst {k} svar, när värdena som visas utelämnar ingen eller minst {k}, och när varje team som visas har personer med varje värde som visas (annars kunde ett team som dras ifrån peka ut resten). Värden med färre än {k} inbjudna räknas under ”Övrigt”.',
  'attribute.location': 'Plats',
  'attribute.employmentType': 'Anställningsform',
  'attribute.tenure': 'Anställningstid',
  'attribute.remote': 'Distansarbete',
  'attribute.other': 'Övrigt',
  'attribute.remote.yes': 'Distans',
  'attribute.remote.no': 'På plats',
  'attribute.tenure.under_6_months': 'Under 6 månader',
  'attribute.tenure.6_to_12_months': '6–12 månader',
  'attribute.tenure.1_to_2_years': '1–2 år',
  'attribute.tenure.2_to_5_years': '2–5 år',
  'attribute.tenure.5_years_plus': '5 år eller mer',
  'summary.byAttribute': 'eNPS efter {attribute}',
  'summary.attributeEnps': '{value}: eNPS {score}',
  'summary.attributeHidden': '{n} till visas inte: färre än {k} svar, eller ett team bredvid skulle peka ut enskilda personer.',
};
