import type { hrEn } from './hr-en.js';

/** HR-flöden (resultat från avgångsenkäter, avbryta en avgångsenkät): svenska. */
export const hrSv: { readonly [K in keyof typeof hrEn]: string } = {
  'hr.exit.withdrawn':
    'Avgångsenkäten för {person} har dragits tillbaka och tar inte emot fler svar. Svar som redan har lämnats förblir anonyma i de sammanställda resultaten.',
  'hr.exit.nothingToCancel': 'Det finns ingen öppen avgångsenkät för {person} att avbryta.',
  'hr.results.notAllowed': 'Resultat från avgångsenkäter är bara för HR och administratörer.',
  'hr.results.none': 'Det finns inga resultat från avgångsenkäter att visa än. Svaren samlas kvartal för kvartal och visas när minst {k} personer har svarat.',
  'hr.results.pending': 'Visas inte än: {quarters} (färre än {k} svar hittills; de räknas in i nästa kvartal).',
  'hr.results.title': 'Resultat från avgångsenkäter, {quarters}: {respondents} personer har svarat',
  'hr.results.department': '{department}: {respondents} har svarat',
  'hr.results.reasons': 'Skäl till att de slutade (flera val möjliga):',
  'hr.results.reason': '{rank}. {reason}: {count} ({share} %)',
  'hr.results.rating': '{topic}: {mean} av 5, {favourable} % bra eller mycket bra',
  'hr.results.keep': 'Vad som kunde ha fått dem att stanna',
  'hr.results.comment': 'Övriga kommentarer',
  'hr.results.commentsHidden': 'Kommentarer visas bara för grupper med minst {k} personer.',
};
