import { bankNb } from './bank-nb.js';
import { signinNb } from './signin-nb.js';
import { opsNb } from './ops-nb.js';
import { privacyNb } from './privacy-nb.js';
import { webNb } from './web-nb.js';
import { installNb } from './install-nb.js';
import { teamsNb } from './teams-nb.js';
import { talkNb } from './talk-nb.js';
import type { Catalog } from './en.js';
import { resultsNb } from './results-nb.js';
import { hrNb } from './hr-nb.js';
import { plansNb } from './plans-nb.js';
import { insightNb } from './insight-nb.js';

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
  'org.fallback': 'dette selskapet',
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
  'privacy.promise': 'Svarene dine er anonyme. Vi lagrer aldri hvem som svarte hva, og resultater vises bare for grupper på minst {k} personer.',
  'privacy.exit':
    'Svarene dine er anonyme. Svarene fra sluttundersøkelsen slås sammen med svar fra andre som har sluttet, og vises først når minst {k} personer har svart.',

  // Answering
  'privacy.event': 'Svarene dine er anonyme. De samles med svarene fra andre som fikk denne undersøkelsen, og vises først når minst {k} personer har svart.',
  'answer.recorded': 'Takk, svaret ditt er registrert.',
  'answer.already': 'Du har allerede svart på dette spørsmålet. Svar kan ikke endres, slik at ingen kan spore dem tilbake til deg.',
  'answer.roundClosed': 'Denne undersøkelsen er avsluttet, så det er ikke lenger mulig å svare.',
  'answer.invalid': 'Det svaret er ikke gyldig for dette spørsmålet.',
  'choice.yes': 'Ja',
  'choice.no': 'Nei',
  'answer.notInvited': 'Denne undersøkelsen ble ikke sendt til deg, så svaret ditt ble ikke registrert.',

  // Chat UI (Slack and Teams)
  'prompt.notification': 'Du har fått en ny undersøkelse: {survey}. Det tar omtrent ett minutt.',
  'ui.questionNumber': 'Spørsmål {n} av {total}',
  'ui.answered': 'Besvart',
  'ui.allDone': 'Da er du ferdig. Takk for at du deltok!',
  'ui.writeComment': 'Skriv en kommentar',
  'ui.submit': 'Send inn',
  'ui.commentModalTitle': 'Din kommentar',
  'replies.threadIntro': 'Kommentaren din er mottatt, anonymt. Hvis en leder svarer på den, kan du lese svaret her: bare denne meldingen kan åpne det.',
  'replies.notice': 'Noen kommentarer fra teamets siste {survey} har fått svar. Åpne meldingen din fra den undersøkelsen for å se om din fikk det.',
  'web.dash.reply.leader': 'En leder',
  'web.dash.reply.author': 'Den som skrev',
  'web.dash.reply.label': 'Svar på denne kommentaren (den som skrev leser det i sin egen melding; du får aldri vite hvem det er)',
  'web.dash.reply.send': 'Svar',
  'share.title': 'Dette ble resultatet av {survey} fra {date}, for alle som ble spurt.',
  'share.group': '{group} ({respondents} svarte)',
  'share.yourTeam': 'Teamet ditt, {team}',
  'share.teamHidden': 'Resultatene for ditt eget team vises ikke: for få svarte til at de kan forbli anonyme.',
  'share.agreement': '{mean} av 5, {favourable} % enige',
  'share.scale': '{mean} av 10',
  'share.enps': 'eNPS {score}',
  'share.yes': '{share} % ja',
  'share.top': 'flest valgte «{option}»',
  'replies.open': 'Svar',
  'replies.title': 'Svar',
  'replies.none':
    'Ingen har svart på kommentaren din ennå. Når en leder svarer, leser du det her, i din egen melding; ingen får noen gang vite hvem som skrev den.',
  'replies.yourComment': 'Din kommentar',
  'replies.leader': 'En leder',
  'replies.you': 'Du',
  'replies.answerLabel': 'Svar tilbake',
  'replies.answerHint': 'Lederen ser dette som fra «den som skrev», aldri navnet ditt.',
  'replies.sent': 'Sendt. Lederen ser det som fra «den som skrev».',
  'conversation.ack.thanks': 'Takk',
  'conversation.ack.good-point': 'Godt poeng',
  'conversation.ack.looking-into-it': 'Vi ser på det',
  'conversation.ack.say-more': 'Kan du si mer?',
  'ui.commentModalLabel': 'Din anonyme kommentar',
  'ui.commentModalHint': 'Ikke skriv navn eller detaljer som kan identifisere deg eller andre.',
  'ui.send': 'Send',
  'ui.cancel': 'Avbryt',
  'ui.scaleHint': '0 = {low} · 10 = {high}',
  'ui.roundClosed': 'Denne undersøkelsen er avsluttet. Takk!',
  'ui.error': 'Noe gikk galt, og svaret ditt ble ikke registrert. Prøv igjen om litt.',

  // Reminders
  'reminder.text': 'En vennlig påminnelse: {survey} er åpen til {date}. Det tar omtrent ett minutt, og svarene dine er anonyme.',

  // Commands
  'cmd.notAuthorized': 'Beklager, bare HR og administratorer kan gjøre det. Ingenting ble sendt.',
  'cmd.adminOnly': 'Beklager, bare administratorer kan gjøre det.',
  'cmd.sendNow.started': 'En runde av «{survey}» er startet: {invited} personer får den nå.',
  'cmd.sendNow.unknownSurvey': 'Det finnes ingen undersøkelse som heter «{survey}».',
  'cmd.status.none': 'Ingen runder er åpne.',
  'cmd.status.open': '{round}: {respondents} av {invited} har svart så langt, åpen til {closes}.',
  'cmd.status.next': 'Neste runde av {survey}: {date}.',
  'cmd.role.added': '{person} har nå rollen {role}{segment}.',
  'cmd.role.removed': '{person} har ikke lenger rollen {role}{segment}.',
  'cmd.role.unknownSegment': 'Det finnes ingen gruppe som heter «{segment}».',
  'cmd.unknownPerson': 'Jeg kjenner ikke {person} ennå. Hvis personen nettopp har begynt, kan du prøve igjen om et minutt.',
  'exit.cmd.scheduled':
    'Sluttundersøkelsen for {person} er planlagt til {date} kl. 10.00 i personens tidssone ({zone}). Svarene er anonyme og slås sammen med svar fra andre som har sluttet.',
  'exit.cmd.cancelled': 'Sluttundersøkelsen for {person} er avbrutt. Ingenting blir sendt.',
  'exit.cmd.nothingToCancel': 'Det finnes ingen usendt sluttundersøkelse for {person} som kan avbrytes.',
  'exit.cmd.badDate': '{date} er ikke en gyldig dato mellom i dag og ett år frem i tid. Bruk YYYY-MM-DD.',

  // Results
  'results.title': '{survey}: resultater fra runden {date}',
  'results.none': 'Ingen resultater ennå. Resultatene vises når en runde er avsluttet.',
  'results.notAllowed': 'Resultatene er for ledere, HR og administratorer.',
  'results.org': 'Hele organisasjonen',
  'results.hidden': '{segment}: vises ikke, for å beskytte anonymiteten (færre enn {k} svar, eller det kunne ha blitt regnet ut fra andre grupper).',
  'results.participation': '{respondents} av {invited} har svart ({rate} %)',
  'results.enps': 'eNPS {score} ({band}, feilmargin ±{moe})',
  'results.driver': '{driver}: {mean} av 5, {favourable} % positive',
  'results.change': '{change} siden forrige runde',

  // App Home
  'home.intro': 'pulsebot stiller noen korte spørsmål innimellom, slik at arbeidsplassen din kan se hva som kan bli bedre.',
  'home.open': 'Åpne undersøkelser',
  'home.noOpen': 'Ingen undersøkelse venter på deg akkurat nå.',
  'home.openItem': '{survey}: åpen til {date}. Spørsmålene finner du i meldingene dine med pulsebot.',
  'home.results': 'Siste resultater du har tilgang til',
  ...bankNb,
  ...resultsNb,
  ...teamsNb,
  ...talkNb,
  ...hrNb,
  ...plansNb,
  ...insightNb,
  ...webNb,
  ...signinNb,
  ...opsNb,
  ...privacyNb,
  ...installNb,
};
