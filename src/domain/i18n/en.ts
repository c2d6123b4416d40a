import { bankEn } from './bank-en.js';
import { signinEn } from './signin-en.js';
import { opsEn } from './ops-en.js';
import { privacyEn } from './privacy-en.js';
import { webEn } from './web-en.js';
import { installEn } from './install-en.js';
import { resultsEn } from './results-en.js';
import { teamsEn } from './teams-en.js';
import { talkEn } from './talk-en.js';
import { hrEn } from './hr-en.js';
import { plansEn } from './plans-en.js';
import { insightEn } from './insight-en.js';

/**
 * The English catalog: the source of every user-facing string. `nb.ts` and `sv.ts` must have
 * exactly the same keys (the type checker enforces it). Placeholders look like `{org}`.
 */
export const en = {
  // Engagement drivers
  'driver.recognition': 'Recognition',
  'driver.growth': 'Growth',
  'driver.management': 'Management',
  'driver.peers': 'Peer relationships',
  'driver.wellness': 'Wellness',
  'driver.workload': 'Workload',
  'driver.alignment': 'Alignment',
  'driver.autonomy': 'Autonomy',
  'driver.satisfaction': 'Satisfaction',
  'driver.ambassadorship': 'Ambassadorship',

  // Answer scales
  'scale.low': 'Not at all likely',
  'scale.high': 'Extremely likely',
  'likert.agreement.1': 'Strongly disagree',
  'likert.agreement.2': 'Disagree',
  'likert.agreement.3': 'Neutral',
  'likert.agreement.4': 'Agree',
  'likert.agreement.5': 'Strongly agree',
  'likert.quality.1': 'Very poor',
  'likert.quality.2': 'Poor',
  'likert.quality.3': 'Fair',
  'likert.quality.4': 'Good',
  'likert.quality.5': 'Very good',

  // eNPS
  'org.fallback': 'this company',
  'q.enps': 'How likely is it that you would recommend {org} as a place to work?',
  'enps.band.poor': 'Poor',
  'enps.band.acceptable': 'Acceptable',
  'enps.band.strong': 'Strong',
  'enps.band.excellent': 'Excellent',

  // Engagement question bank
  // recognition for good work
  'q.recognition.1': 'I receive appropriate recognition when I do good work.',
  // feeling valued by the team
  'q.recognition.2': 'My contributions are valued by my team.',
  // recent, concrete appreciation
  'q.recognition.3': 'In the last month, someone thanked me for my work.',
  // learning in the role
  'q.growth.1': 'I am learning and growing in my role.',
  // career path
  'q.growth.2': 'I can see a path for my career here.',
  // development conversations
  'q.growth.3': 'I have had a meaningful conversation about my development in the last three months.',
  // useful feedback from the manager
  'q.management.1': 'My manager gives me useful feedback.',
  // manager care for the person
  'q.management.2': 'My manager cares about me as a person.',
  // trust in the manager's decisions
  'q.management.3': 'I trust my manager to make good decisions.',
  // safety to raise concerns with the manager
  'q.management.4': 'I can raise concerns with my manager without fear.',
  // help from colleagues
  'q.peers.1': 'I can count on my colleagues when I need help.',
  // mutual respect
  'q.peers.2': 'People on my team treat each other with respect.',
  // belonging
  'q.peers.3': 'I feel like I belong on my team.',
  // work-life balance
  'q.wellness.1': 'I can keep a healthy balance between work and the rest of my life.',
  // detachment from work after hours
  'q.wellness.2': 'I rarely feel stressed about work outside working hours.',
  // energy for the job
  'q.wellness.3': 'I have the energy I need to do my job well.',
  // manageable workload
  'q.workload.1': 'My workload is manageable.',
  // time to do the work properly
  'q.workload.2': 'I have enough time to do my work properly.',
  // fair distribution of work
  'q.workload.3': 'Work is distributed fairly on my team.',
  // line of sight to the goals
  'q.alignment.1': 'I understand how my work contributes to our goals.',
  // belief in the strategy
  'q.alignment.2': 'I believe in the direction the company is taking.',
  // clear communication of priorities
  'q.alignment.3': 'Leadership communicates clearly about what matters most.',
  // freedom in how the work is done
  'q.autonomy.1': 'I have enough freedom to decide how I do my work.',
  // trusted to decide
  'q.autonomy.2': 'I am trusted to make decisions in my area.',
  // room to experiment
  'q.autonomy.3': 'I can try new ideas without asking for permission.',
  // overall satisfaction
  'q.satisfaction.1': 'I am happy working here.',
  // meaningful work
  'q.satisfaction.2': 'I find my work meaningful.',
  // looking forward to work
  'q.satisfaction.3': 'I look forward to coming to work most days.',
  // pride in the workplace
  'q.ambassadorship.1': 'I am proud to tell others where I work.',
  // advocacy for the products
  'q.ambassadorship.2': 'I would recommend our products or services to friends.',
  // intent to stay
  'q.ambassadorship.3': 'I see myself still working here in two years.',
  'q.comment': 'Anything else you would like to share? (optional, anonymous)',

  // Exit survey
  'exit.reasons': 'What were the main reasons you decided to leave? Choose all that apply.',
  'exit.reason.leadership': 'Leadership',
  'exit.reason.environment': 'Work environment',
  'exit.reason.pay': 'Pay and benefits',
  'exit.reason.growth': 'Growth and career opportunities',
  'exit.reason.workload': 'Workload',
  'exit.reason.role': 'The role itself',
  'exit.reason.relocation': 'Relocation',
  'exit.reason.other': 'Other',
  'exit.rate.leadership': 'How would you rate the leadership you experienced here?',
  'exit.rate.environment': 'How would you rate the work environment?',
  'exit.rate.pay': 'How would you rate your pay and benefits?',
  'exit.keep': 'What could we have done to keep you?',
  'exit.comment': 'Is there anything else you would like to tell us? (optional)',

  // Survey titles and the privacy promise
  'survey.pulse.title': 'Pulse survey',
  'survey.exit.title': 'Exit survey',
  'privacy.promise': 'Your answers are anonymous. We never store who answered what, and results are only shown for groups of at least {k} people.',
  'privacy.exit': 'Your answers are anonymous. Exit answers are pooled with others who left, and shown only once at least {k} people have answered.',

  // Answering
  'privacy.event': 'Your answers are anonymous. They are pooled with others who got this survey, and shown only once at least {k} people have answered.',
  'answer.recorded': 'Thanks, your answer is recorded.',
  'answer.already': 'You have already answered this question. Answers cannot be changed, so nobody can trace them back to you.',
  'answer.roundClosed': 'This survey has closed, so answers are no longer accepted.',
  'answer.invalid': 'That answer is not valid for this question.',
  'choice.yes': 'Yes',
  'choice.no': 'No',
  'answer.notInvited': 'This survey was not sent to you, so your answer was not recorded.',
  // Chat UI (Slack and Teams)
  'prompt.notification': 'You have a new {survey}. It takes about a minute.',
  'ui.questionNumber': 'Question {n} of {total}',
  'ui.answered': 'Answered',
  'ui.allDone': 'All done. Thank you for taking part!',
  'ui.writeComment': 'Write a comment',
  'ui.submit': 'Submit',
  'ui.commentModalTitle': 'Your comment',
  'replies.threadIntro': 'Your comment is in, anonymously. If a leader replies to it, you can read the reply here: only this message can open it.',
  'replies.notice': 'Some comments from your team’s last {survey} got replies. Open your message from that survey to see whether yours did.',
  'web.dash.reply.leader': 'A leader',
  'web.dash.reply.author': 'The author',
  'web.dash.reply.label': 'Reply to this comment (the author reads it from their own message; you never learn who they are)',
  'web.dash.reply.send': 'Reply',
  'share.title': 'What came of the {survey} of {date}: the results, for everyone who was asked.',
  'share.group': '{group} ({respondents} answered)',
  'share.yourTeam': 'Your team, {team}',
  'share.teamHidden': 'Your own team’s results are not shown: too few answered for them to stay anonymous.',
  'share.agreement': '{mean} of 5, {favourable} % agree',
  'share.scale': '{mean} of 10',
  'share.enps': 'eNPS {score}',
  'share.yes': '{share} % yes',
  'share.top': 'most chose “{option}”',
  'replies.open': 'Replies',
  'replies.title': 'Replies',
  'replies.none': 'No replies to your comment yet. When a leader answers it, you read it here, on your own message; nobody is ever told who wrote it.',
  'replies.yourComment': 'Your comment',
  'replies.leader': 'A leader',
  'replies.you': 'You',
  'replies.answerLabel': 'Answer back',
  'replies.answerHint': 'The leader sees this as from “the author”, never your name.',
  'replies.sent': 'Sent. The leader sees it as from “the author”.',
  'conversation.ack.thanks': 'Thank you',
  'conversation.ack.good-point': 'Good point',
  'conversation.ack.looking-into-it': 'We’re looking into it',
  'conversation.ack.say-more': 'Can you say more?',
  'ui.commentModalLabel': 'Your anonymous comment',
  'ui.commentModalHint': 'Do not write names or details that could identify you or others.',
  'ui.send': 'Send',
  'ui.cancel': 'Cancel',
  'ui.scaleHint': '0 = {low} · 10 = {high}',
  'ui.roundClosed': 'This survey has closed. Thank you!',
  'ui.error': 'Something went wrong and your answer was not recorded. Please try again in a moment.',

  // Reminders
  'reminder.text': 'A friendly reminder: the {survey} is open until {date}. It takes about a minute, and your answers are anonymous.',

  // Commands
  'cmd.notAuthorized': 'Sorry, only HR and admins can do that. Nothing was sent.',
  'cmd.adminOnly': 'Sorry, only admins can do that.',
  'cmd.sendNow.started': 'Started a round of "{survey}": {invited} people get it now.',
  'cmd.sendNow.unknownSurvey': 'There is no survey called "{survey}".',
  'cmd.status.none': 'No rounds are open.',
  'cmd.status.open': '{round}: {respondents} of {invited} answered so far, open until {closes}.',
  'cmd.status.next': 'Next round of {survey}: {date}.',
  'cmd.role.added': '{person} now has the {role} role{segment}.',
  'cmd.role.removed': '{person} no longer has the {role} role{segment}.',
  'cmd.role.unknownSegment': 'There is no segment called "{segment}".',
  'cmd.unknownPerson': 'I do not know {person} yet. If they joined recently, try again in a minute.',
  'exit.cmd.scheduled':
    'Exit survey for {person} scheduled for {date} at 10:00 their time ({zone}). Their answers are anonymous and pooled with others who left.',
  'exit.cmd.cancelled': 'The exit survey for {person} is cancelled. Nothing will be sent.',
  'exit.cmd.nothingToCancel': 'There is no unsent exit survey for {person} to cancel.',
  'exit.cmd.badDate': '{date} is not a valid date between today and a year from now. Use YYYY-MM-DD.',

  // Results
  'results.title': '{survey}: results of the round of {date}',
  'results.none': 'No results yet. Results appear once a round has closed.',
  'results.notAllowed': 'Results are for leaders, HR and admins.',
  'results.org': 'Whole organisation',
  'results.hidden': '{segment}: not shown, to protect anonymity (fewer than {k} answers, or it could be worked out from other groups).',
  'results.participation': '{respondents} of {invited} answered ({rate}%)',
  'results.enps': 'eNPS {score} ({band}, margin of error ±{moe})',
  'results.driver': '{driver}: {mean} of 5, {favourable}% favourable',
  'results.change': '{change} since the previous round',

  // App Home
  'home.intro': 'pulsebot asks a few short questions now and then, so your workplace can see what to improve.',
  'home.open': 'Open surveys',
  'home.noOpen': 'No survey is waiting for you right now.',
  'home.openItem': '{survey}: open until {date}. The questions are in your messages with pulsebot.',
  'home.results': 'Latest results you can see',
  ...bankEn,
  ...resultsEn,
  ...teamsEn,
  ...talkEn,
  ...hrEn,
  ...plansEn,
  ...insightEn,
  ...webEn,
  ...signinEn,
  ...opsEn,
  ...privacyEn,
  ...installEn,
} as const;

/** Every message key the product knows. */
export type MessageKey = keyof typeof en;

/** A catalog for another language: every key of the English one, no more and no less. */
export type Catalog = { readonly [K in MessageKey]: string };
