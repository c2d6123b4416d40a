import { bankSv } from './bank-sv.js';
import { signinSv } from './signin-sv.js';
import { opsSv } from './ops-sv.js';
import { privacySv } from './privacy-sv.js';
import { webSv } from './web-sv.js';
import { installSv } from './install-sv.js';
import { teamsSv } from './teams-sv.js';
import { talkSv } from './talk-sv.js';
import type { Catalog } from './en.js';
import { resultsSv } from './results-sv.js';
import { hrSv } from './hr-sv.js';
import { plansSv } from './plans-sv.js';
import { insightSv } from './insight-sv.js';

/** Swedish catalog. Keys mirror en.ts exactly. */
export const sv: Catalog = {
  // Engagement drivers
  'driver.recognition': 'Erkännande',
  'driver.growth': 'Utveckling',
  'driver.management': 'Ledarskap',
  'driver.peers': 'Relationer med kollegor',
  'driver.wellness': 'Välmående',
  'driver.workload': 'Arbetsbelastning',
  'driver.alignment': 'Gemensam riktning',
  'driver.autonomy': 'Autonomi',
  'driver.satisfaction': 'Nöjdhet',
  'driver.ambassadorship': 'Ambassadörskap',

  // Answer scales
  'scale.low': 'Inte alls troligt',
  'scale.high': 'Mycket troligt',
  'likert.agreement.1': 'Instämmer inte alls',
  'likert.agreement.2': 'Instämmer inte',
  'likert.agreement.3': 'Neutral',
  'likert.agreement.4': 'Instämmer',
  'likert.agreement.5': 'Instämmer helt',
  'likert.quality.1': 'Mycket dålig',
  'likert.quality.2': 'Dålig',
  'likert.quality.3': 'Varken bra eller dålig',
  'likert.quality.4': 'Bra',
  'likert.quality.5': 'Mycket bra',

  // eNPS
  'org.fallback': 'det här företaget',
  'q.enps': 'Hur troligt är det att du skulle rekommendera {org} som arbetsplats?',
  'enps.band.poor': 'Svag',
  'enps.band.acceptable': 'Godtagbar',
  'enps.band.strong': 'Stark',
  'enps.band.excellent': 'Utmärkt',

  // Engagement question bank
  'q.recognition.1': 'Jag får det erkännande jag förtjänar när jag gör ett bra jobb.',
  'q.recognition.2': 'Mina insatser uppskattas av mitt team.',
  'q.recognition.3': 'Under den senaste månaden har någon tackat mig för mitt arbete.',
  'q.growth.1': 'Jag lär mig och utvecklas i min roll.',
  'q.growth.2': 'Jag ser en karriärväg för mig här.',
  'q.growth.3': 'Jag har haft ett meningsfullt samtal om min utveckling under de senaste tre månaderna.',
  'q.management.1': 'Min chef ger mig användbar återkoppling.',
  'q.management.2': 'Min chef bryr sig om mig som person.',
  'q.management.3': 'Jag litar på att min chef fattar bra beslut.',
  'q.management.4': 'Jag kan ta upp det som oroar mig med min chef utan att vara rädd.',
  'q.peers.1': 'Jag kan räkna med mina kollegor när jag behöver hjälp.',
  'q.peers.2': 'I mitt team behandlar alla varandra med respekt.',
  'q.peers.3': 'Jag känner tillhörighet i mitt team.',
  'q.wellness.1': 'Jag kan hålla en sund balans mellan arbetet och resten av livet.',
  'q.wellness.2': 'Jag känner mig sällan stressad över jobbet utanför arbetstid.',
  'q.wellness.3': 'Jag har den energi jag behöver för att göra ett bra jobb.',
  'q.workload.1': 'Min arbetsbelastning är hanterbar.',
  'q.workload.2': 'Jag har tillräckligt med tid för att göra mitt arbete ordentligt.',
  'q.workload.3': 'Arbetet är rättvist fördelat i mitt team.',
  'q.alignment.1': 'Jag förstår hur mitt arbete bidrar till våra mål.',
  'q.alignment.2': 'Jag tror på den riktning som företaget tar.',
  'q.alignment.3': 'Ledningen kommunicerar tydligt vad som är viktigast.',
  'q.autonomy.1': 'Jag har tillräcklig frihet att bestämma hur jag utför mitt arbete.',
  'q.autonomy.2': 'Jag får förtroende att fatta beslut inom mitt område.',
  'q.autonomy.3': 'Jag kan testa nya idéer utan att be om lov.',
  'q.satisfaction.1': 'Jag trivs med att jobba här.',
  'q.satisfaction.2': 'Jag upplever mitt arbete som meningsfullt.',
  'q.satisfaction.3': 'De flesta dagar ser jag fram emot att gå till jobbet.',
  'q.ambassadorship.1': 'Jag är stolt över att berätta för andra var jag jobbar.',
  'q.ambassadorship.2': 'Jag skulle rekommendera våra produkter eller tjänster till vänner.',
  'q.ambassadorship.3': 'Jag ser mig själv arbeta kvar här om två år.',
  'q.comment': 'Är det något mer du vill dela med dig av? (frivilligt, anonymt)',

  // Exit survey
  'exit.reasons': 'Vilka var de främsta anledningarna till att du bestämde dig för att sluta? Välj alla som stämmer.',
  'exit.reason.leadership': 'Ledarskap',
  'exit.reason.environment': 'Arbetsmiljö',
  'exit.reason.pay': 'Lön och förmåner',
  'exit.reason.growth': 'Utvecklings- och karriärmöjligheter',
  'exit.reason.workload': 'Arbetsbelastning',
  'exit.reason.role': 'Själva rollen',
  'exit.reason.relocation': 'Flytt',
  'exit.reason.other': 'Annat',
  'exit.rate.leadership': 'Hur skulle du bedöma ledarskapet du upplevde här?',
  'exit.rate.environment': 'Hur skulle du bedöma arbetsmiljön?',
  'exit.rate.pay': 'Hur skulle du bedöma din lön och dina förmåner?',
  'exit.keep': 'Vad kunde vi ha gjort för att du skulle stanna?',
  'exit.comment': 'Är det något mer du vill berätta för oss? (frivilligt)',

  // Survey titles and the privacy promise
  'survey.pulse.title': 'Pulsmätning',
  'survey.exit.title': 'Avgångsenkät',
  'privacy.promise': 'Dina svar är anonyma. Vi sparar aldrig vem som svarade vad, och resultat visas bara för grupper med minst {k} personer.',
  'privacy.exit':
    'Dina svar är anonyma. Svaren från avgångsenkäten slås samman med svar från andra som har slutat och visas först när minst {k} personer har svarat.',

  // Answering
  'privacy.event': 'Dina svar är anonyma. De samlas med svaren från andra som fick den här enkäten och visas först när minst {k} personer har svarat.',
  'answer.recorded': 'Tack, ditt svar är registrerat.',
  'answer.already': 'Du har redan svarat på den här frågan. Svar kan inte ändras, så att ingen kan spåra dem tillbaka till dig.',
  'answer.roundClosed': 'Den här enkäten har stängts, så det går inte längre att svara.',
  'answer.invalid': 'Det svaret är inte giltigt för den här frågan.',
  'choice.yes': 'Ja',
  'choice.no': 'Nej',
  'answer.notInvited': 'Den här enkäten skickades inte till dig, så ditt svar registrerades inte.',

  // Chat UI (Slack and Teams)
  'prompt.notification': 'Du har fått en ny enkät: {survey}. Det tar ungefär en minut.',
  'ui.questionNumber': 'Fråga {n} av {total}',
  'ui.answered': 'Besvarad',
  'ui.allDone': 'Nu är du klar. Tack för att du deltog!',
  'ui.writeComment': 'Skriv en kommentar',
  'ui.submit': 'Skicka in',
  'ui.commentModalTitle': 'Din kommentar',
  'replies.threadIntro': 'Din kommentar har tagits emot, anonymt. Om en chef svarar på den kan du läsa svaret här: bara det här meddelandet kan öppna det.',
  'replies.notice': 'Några kommentarer från ditt teams senaste {survey} har fått svar. Öppna ditt meddelande från den enkäten för att se om din fick det.',
  'web.dash.reply.leader': 'En chef',
  'web.dash.reply.author': 'Den som skrev',
  'web.dash.reply.label': 'Svara på den här kommentaren (den som skrev läser det i sitt eget meddelande; du får aldrig veta vem det är)',
  'web.dash.reply.send': 'Svara',
  'share.title': 'Så blev resultatet av {survey} från {date}, för alla som tillfrågades.',
  'share.group': '{group} ({respondents} svarade)',
  'share.yourTeam': 'Ditt team, {team}',
  'share.teamHidden': 'Resultaten för ditt eget team visas inte: för få svarade för att de ska förbli anonyma.',
  'share.agreement': '{mean} av 5, {favourable} % instämmer',
  'share.scale': '{mean} av 10',
  'share.enps': 'eNPS {score}',
  'share.yes': '{share} % ja',
  'share.top': 'flest valde ”{option}”',
  'replies.open': 'Svar',
  'replies.title': 'Svar',
  'replies.none':
    'Ingen har svarat på din kommentar än. När en chef svarar läser du det här, i ditt eget meddelande; ingen får någonsin veta vem som skrev den.',
  'replies.yourComment': 'Din kommentar',
  'replies.leader': 'En chef',
  'replies.you': 'Du',
  'replies.answerLabel': 'Svara tillbaka',
  'replies.answerHint': 'Chefen ser detta som från ”den som skrev”, aldrig ditt namn.',
  'replies.sent': 'Skickat. Chefen ser det som från ”den som skrev”.',
  'conversation.ack.thanks': 'Tack',
  'conversation.ack.good-point': 'Bra poäng',
  'conversation.ack.looking-into-it': 'Vi tittar på det',
  'conversation.ack.say-more': 'Kan du berätta mer?',
  'ui.commentModalLabel': 'Din anonyma kommentar',
  'ui.commentModalHint': 'Skriv inte namn eller detaljer som kan identifiera dig eller andra.',
  'ui.send': 'Skicka',
  'ui.cancel': 'Avbryt',
  'ui.scaleHint': '0 = {low} · 10 = {high}',
  'ui.roundClosed': 'Den här enkäten har stängts. Tack!',
  'ui.error': 'Något gick fel och ditt svar registrerades inte. Försök igen om en stund.',

  // Reminders
  'reminder.text': 'En vänlig påminnelse: {survey} är öppen till {date}. Det tar ungefär en minut, och dina svar är anonyma.',

  // Commands
  'cmd.notAuthorized': 'Tyvärr, bara HR och administratörer kan göra det. Inget skickades.',
  'cmd.adminOnly': 'Tyvärr, bara administratörer kan göra det.',
  'cmd.sendNow.started': 'En omgång av ”{survey}” har startats: {invited} personer får den nu.',
  'cmd.sendNow.unknownSurvey': 'Det finns ingen enkät som heter ”{survey}”.',
  'cmd.status.none': 'Inga omgångar är öppna.',
  'cmd.status.open': '{round}: {respondents} av {invited} har svarat hittills, öppen till {closes}.',
  'cmd.status.next': 'Nästa omgång av {survey}: {date}.',
  'cmd.role.added': '{person} har nu rollen {role}{segment}.',
  'cmd.role.removed': '{person} har inte längre rollen {role}{segment}.',
  'cmd.role.unknownSegment': 'Det finns ingen grupp som heter ”{segment}”.',
  'cmd.unknownPerson': 'Jag känner inte till {person} än. Om personen nyss har börjat kan du försöka igen om en minut.',
  'exit.cmd.scheduled':
    'Avgångsenkäten för {person} är schemalagd till {date} kl. 10.00 i personens tidszon ({zone}). Svaren är anonyma och slås samman med svar från andra som har slutat.',
  'exit.cmd.cancelled': 'Avgångsenkäten för {person} har avbrutits. Inget kommer att skickas.',
  'exit.cmd.nothingToCancel': 'Det finns ingen oskickad avgångsenkät för {person} att avbryta.',
  'exit.cmd.badDate': '{date} är inte ett giltigt datum mellan i dag och ett år framåt. Använd YYYY-MM-DD.',

  // Results
  'results.title': '{survey}: resultat från omgången {date}',
  'results.none': 'Inga resultat än. Resultaten visas när en omgång har stängts.',
  'results.notAllowed': 'Resultaten är till för chefer, HR och administratörer.',
  'results.org': 'Hela organisationen',
  'results.hidden': '{segment}: visas inte, för att skydda anonymiteten (färre än {k} svar, eller så skulle det kunna räknas ut utifrån andra grupper).',
  'results.participation': '{respondents} av {invited} har svarat ({rate} %)',
  'results.enps': 'eNPS {score} ({band}, felmarginal ±{moe})',
  'results.driver': '{driver}: {mean} av 5, {favourable} % positiva',
  'results.change': '{change} sedan föregående omgång',

  // App Home
  'home.intro': 'pulsebot ställer några korta frågor då och då, så att din arbetsplats kan se vad som kan bli bättre.',
  'home.open': 'Öppna enkäter',
  'home.noOpen': 'Ingen enkät väntar på dig just nu.',
  'home.openItem': '{survey}: öppen till {date}. Frågorna finns i dina meddelanden med pulsebot.',
  'home.results': 'Senaste resultaten du kan se',
  ...bankSv,
  ...resultsSv,
  ...teamsSv,
  ...talkSv,
  ...hrSv,
  ...plansSv,
  ...insightSv,
  ...webSv,
  ...signinSv,
  ...opsSv,
  ...privacySv,
  ...installSv,
};
