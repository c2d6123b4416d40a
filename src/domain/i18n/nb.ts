import type { Catalog } from './en.js';

/** Norwegian Bokmål catalog. Keys mirror en.ts exactly. */
export const nb: Catalog = {
  // Engagement drivers
  'driver.recognition': 'Anerkjennelse',
  'driver.growth': 'Utvikling',
  'driver.management': 'Ledelse',
  'driver.peers': 'Kollegarelasjoner',
  'driver.wellness': 'Velvære',
  'driver.workload': 'Arbeidsmengde',
  'driver.alignment': 'Felles retning',
  'driver.autonomy': 'Autonomi',
  'driver.satisfaction': 'Tilfredshet',
  'driver.ambassadorship': 'Ambassadørskap',

  // Answer scales
  'scale.low': 'Svært lite sannsynlig',
  'scale.high': 'Svært sannsynlig',
  'likert.agreement.1': 'Helt uenig',
  'likert.agreement.2': 'Uenig',
  'likert.agreement.3': 'Nøytral',
  'likert.agreement.4': 'Enig',
  'likert.agreement.5': 'Helt enig',
  'likert.quality.1': 'Svært dårlig',
  'likert.quality.2': 'Dårlig',
  'likert.quality.3': 'Middels',
  'likert.quality.4': 'God',
  'likert.quality.5': 'Svært god',

  // eNPS
  'q.enps': 'Hvor sannsynlig er det at du vil anbefale {org} som arbeidsplass?',
  'enps.band.poor': 'Svak',
  'enps.band.acceptable': 'Akseptabel',
  'enps.band.strong': 'Sterk',
  'enps.band.excellent': 'Utmerket',

  // Engagement question bank
  'q.recognition.1': 'Jeg får god anerkjennelse når jeg gjør en god jobb.',
  'q.recognition.2': 'Bidragene mine blir verdsatt av teamet mitt.',
  'q.recognition.3': 'I løpet av den siste måneden har noen takket meg for arbeidet mitt.',
  'q.growth.1': 'Jeg lærer og utvikler meg i rollen min.',
  'q.growth.2': 'Jeg ser en karrierevei for meg her.',
  'q.growth.3': 'Jeg har hatt en meningsfull samtale om utviklingen min i løpet av de siste tre månedene.',
  'q.management.1': 'Lederen min gir meg nyttige tilbakemeldinger.',
  'q.management.2': 'Lederen min bryr seg om meg som person.',
  'q.management.3': 'Jeg stoler på at lederen min tar gode beslutninger.',
  'q.management.4': 'Jeg kan ta opp bekymringer med lederen min uten å være redd.',
  'q.peers.1': 'Jeg kan stole på kollegene mine når jeg trenger hjelp.',
  'q.peers.2': 'I teamet mitt behandler alle hverandre med respekt.',
  'q.peers.3': 'Jeg føler tilhørighet i teamet mitt.',
  'q.wellness.1': 'Jeg klarer å ha en sunn balanse mellom jobb og resten av livet.',
  'q.wellness.2': 'Jeg føler meg sjelden stresset over jobben utenfor arbeidstiden.',
  'q.wellness.3': 'Jeg har den energien jeg trenger for å gjøre en god jobb.',
  'q.workload.1': 'Arbeidsmengden min er håndterbar.',
  'q.workload.2': 'Jeg har nok tid til å gjøre arbeidet mitt ordentlig.',
  'q.workload.3': 'Arbeidet er rettferdig fordelt i teamet mitt.',
  'q.alignment.1': 'Jeg forstår hvordan arbeidet mitt bidrar til målene våre.',
  'q.alignment.2': 'Jeg har tro på retningen selskapet tar.',
  'q.alignment.3': 'Ledelsen kommuniserer tydelig hva som er viktigst.',
  'q.autonomy.1': 'Jeg har nok frihet til å bestemme hvordan jeg gjør arbeidet mitt.',
  'q.autonomy.2': 'Jeg får tillit til å ta beslutninger innenfor mitt område.',
  'q.autonomy.3': 'Jeg kan prøve ut nye ideer uten å be om lov.',
  'q.satisfaction.1': 'Jeg trives med å jobbe her.',
  'q.satisfaction.2': 'Jeg opplever arbeidet mitt som meningsfullt.',
  'q.satisfaction.3': 'De fleste dager gleder jeg meg til å gå på jobb.',
  'q.ambassadorship.1': 'Jeg er stolt av å fortelle andre hvor jeg jobber.',
  'q.ambassadorship.2': 'Jeg ville anbefalt produktene eller tjenestene våre til venner.',
  'q.ambassadorship.3': 'Jeg ser for meg at jeg fortsatt jobber her om to år.',
  'q.comment': 'Er det noe annet du vil dele? (valgfritt, anonymt)',

  // Exit survey
  'exit.reasons': 'Hva var hovedgrunnene til at du bestemte deg for å slutte? Velg alle som passer.',
  'exit.reason.leadership': 'Ledelse',
  'exit.reason.environment': 'Arbeidsmiljø',
  'exit.reason.pay': 'Lønn og goder',
  'exit.reason.growth': 'Utviklings- og karrieremuligheter',
  'exit.reason.workload': 'Arbeidsmengde',
  'exit.reason.role': 'Selve rollen',
  'exit.reason.relocation': 'Flytting',
  'exit.reason.other': 'Annet',
  'exit.rate.leadership': 'Hvordan vil du vurdere ledelsen du opplevde her?',
  'exit.rate.environment': 'Hvordan vil du vurdere arbeidsmiljøet?',
  'exit.rate.pay': 'Hvordan vil du vurdere lønnen og godene dine?',
  'exit.keep': 'Hva kunne vi ha gjort for å beholde deg?',
  'exit.comment': 'Er det noe mer du vil fortelle oss? (valgfritt)',

  // Survey titles and the privacy promise
  'survey.pulse.title': 'Pulsmåling',
  'survey.exit.title': 'Sluttundersøkelse',
  'privacy.promise':
    'Svarene dine er anonyme. Vi lagrer aldri hvem som svarte hva, og resultater vises bare for grupper på minst {k} personer.',
  'privacy.exit':
    'Svarene dine er anonyme. Svarene fra sluttundersøkelsen slås sammen med svar fra andre som har sluttet, og vises først når minst {k} personer har svart.',

  // Answering
  'answer.recorded': 'Takk, svaret ditt er registrert.',
  'answer.already': 'Du har allerede svart på dette spørsmålet. Svar kan ikke endres, slik at ingen kan spore dem tilbake til deg.',
  'answer.roundClosed': 'Denne undersøkelsen er avsluttet, så det er ikke lenger mulig å svare.',
  'answer.invalid': 'Det svaret er ikke gyldig for dette spørsmålet.',
  'answer.notInvited': 'Denne undersøkelsen ble ikke sendt til deg, så svaret ditt ble ikke registrert.',
};
