/** Swedish texts of the pages Slack's install flow ends on (spread into `sv`). */
export const installSv = {
  'install.title': 'pulsebot för Slack',
  'install.cancelled': 'Installationen avbröts, så inget installerades. Vill du försöka igen öppnar du {url}.',
  'install.expired': 'Den här installationslänken har gått ut eller redan använts. Börja om på {url}.',
  'install.notAllowed':
    'Den här arbetsytan får inte installera den här pulsebot: administratören har begränsat den till vissa arbetsytor (SLACK_ALLOWED_TEAMS).',
  'install.failed':
    'Slack slutförde inte installationen. Försök igen om en minut på {url}. Om det fortsätter att misslyckas, be administratören kontrollera SLACK_CLIENT_ID och SLACK_CLIENT_SECRET.',
} as const;
