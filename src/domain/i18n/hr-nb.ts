import type { hrEn } from './hr-en.js';

/** HR-arbeidsflyt (resultater fra sluttundersøkelser, avbryte en sluttundersøkelse): norsk bokmål. */
export const hrNb: { readonly [K in keyof typeof hrEn]: string } = {
  'hr.exit.withdrawn':
    'Sluttundersøkelsen for {person} er trukket tilbake og tar ikke imot flere svar. Svar som allerede er gitt, forblir anonyme i de samlede resultatene.',
  'hr.exit.nothingToCancel': 'Det finnes ingen åpen sluttundersøkelse for {person} som kan avbrytes.',
  'hr.results.notAllowed': 'Resultater fra sluttundersøkelser er bare for HR og administratorer.',
  'hr.results.none': 'Ingen resultater fra sluttundersøkelser å vise ennå. Svarene samles kvartal for kvartal og vises når minst {k} personer har svart.',
  'hr.results.pending': 'Vises ikke ennå: {quarters} (færre enn {k} svar så langt; de tas med i neste kvartal).',
  'hr.results.title': 'Resultater fra sluttundersøkelser, {quarters}: {respondents} personer har svart',
  'hr.results.department': '{department}: {respondents} har svart',
  'hr.results.reasons': 'Årsaker til at de sluttet (flere valg mulig):',
  'hr.results.reason': '{rank}. {reason}: {count} ({share} %)',
  'hr.results.rating': '{topic}: {mean} av 5, {favourable} % god eller svært god',
  'hr.results.keep': 'Hva som kunne fått dem til å bli',
  'hr.results.comment': 'Andre kommentarer',
  'hr.results.commentsHidden': 'Kommentarer vises bare for grupper på minst {k} personer.',
};
