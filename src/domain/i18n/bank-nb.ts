import type { bankEn } from './bank-en.js';

/**
 * The built-in question bank beyond the first pulse's (issue #17): more statements for each
 * driver, and two drivers of their own, purpose and voice. Each statement notes the construct
 * it measures; a survey HR writes picks them by id (`growth-4`) or rotates through drivers.
 */
export const bankNb: Record<keyof typeof bankEn, string> = {
  'driver.purpose': 'Mening',
  'driver.voice': 'Medvirkning',
  // recognition from one's manager for extra effort
  'q.recognition.4': 'Lederen min legger merke til det når jeg står på litt ekstra.',
  // fairness of recognition
  'q.recognition.5': 'Anerkjennelse på teamet mitt går til dem som faktisk gjorde jobben.',
  // access to the training the job needs
  'q.growth.4': 'Jeg får opplæringen jeg trenger for å gjøre en god jobb.',
  // stretch: new challenges in the work itself
  'q.growth.5': 'Arbeidet mitt gir meg muligheter til å ta på meg nye utfordringer.',
  // managerial support with priorities
  'q.management.5': 'Lederen min hjelper meg å prioritere når det er for mye å gjøre.',
  // knowledge sharing among colleagues
  'q.peers.4': 'Folk på teamet mitt deler det de kan.',
  // constructive conflict
  'q.peers.5': 'Uenigheter på teamet mitt løses på en konstruktiv måte.',
  // recovery: time off without work piling up
  'q.wellness.4': 'Jeg kan ta fri uten å bekymre meg for at arbeidet hoper seg opp.',
  // organisational support for health
  'q.wellness.5': 'Arbeidsplassen min støtter den fysiske og psykiske helsen min.',
  // overtime needed to keep up
  'q.workload.4': 'Jeg må sjelden jobbe overtid for å henge med.',
  // realistic deadlines
  'q.workload.5': 'Fristene på teamet mitt er realistiske.',
  // role clarity
  'q.alignment.4': 'Jeg vet hva som forventes av meg på jobb.',
  // team goal clarity
  'q.alignment.5': 'Målene for teamet mitt er tydelige.',
  // influence over decisions about one's work
  'q.autonomy.4': 'Jeg har noe å si i beslutninger som påvirker arbeidet mitt.',
  // control over how the working day is organised
  'q.autonomy.5': 'Jeg kan legge opp arbeidsdagen min slik det passer meg best.',
  // use of one's skills
  'q.satisfaction.4': 'Jobben min får brukt ferdighetene mine godt.',
  // overall job satisfaction compared with expectations
  'q.satisfaction.5': 'Å jobbe her svarer til det jeg forventet.',
  // recommending the workplace to friends
  'q.ambassadorship.4': 'Jeg ville oppfordret en venn til å søke jobb her.',
  // pride in the organisation's reputation
  'q.ambassadorship.5': 'Jeg er stolt av det dette selskapet står for.',
  // meaningful work: the work matters to others
  'q.purpose.1': 'Arbeidet mitt betyr noe for dem vi er til for.',
  // connection to the mission
  'q.purpose.2': 'Jeg føler meg knyttet til formålet til selskapet vårt.',
  // personal values fit
  'q.purpose.3': 'Verdiene til dette selskapet passer med mine egne.',
  // seeing the results of one's work
  'q.purpose.4': 'Jeg ser resultatene av arbeidet mitt.',
  // sense of accomplishment
  'q.purpose.5': 'Jeg føler at jeg får til noe i arbeidet mitt.',
  // psychological safety: speaking up
  'q.voice.1': 'Jeg kan si fra om problemer uten at det får negative følger.',
  // freedom of opinion in the team
  'q.voice.2': 'Det er trygt å være uenig med andre på teamet mitt.',
  // ideas are heard
  'q.voice.3': 'Ideene mine blir tatt på alvor.',
  // leadership acts on feedback
  'q.voice.4': 'Ledelsen gjør noe med tilbakemeldinger fra de ansatte.',
  // admitting mistakes without blame
  'q.voice.5': 'På teamet mitt kan vi innrømme feil uten å bli klandret.',
  'action.purpose.1': 'Del én historie i måneden om hva teamets arbeid betydde for en kunde eller en kollega.',
  'action.purpose.2': 'Knytt hver enkelts arbeid til ett av selskapets mål i neste medarbeidersamtale.',
  'action.voice.1': 'Be om uenighet før beslutninger («hva overser vi?») og takk den første som svarer.',
  'action.voice.2': 'Fortell teamet hva som skjedde med de siste ideene og tilbakemeldingene, også hva dere valgte bort og hvorfor.',
};
