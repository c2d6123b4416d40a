/** English texts of the pages Slack's install flow ends on (spread into `en`). */
export const installEn = {
  'install.title': 'pulsebot for Slack',
  'install.cancelled': 'The installation was cancelled, so nothing was installed. To try again, open {url}.',
  'install.expired': 'This install link has expired or was already used. Start again at {url}.',
  'install.notAllowed': 'This workspace may not install this pulsebot: its administrator has limited it to certain workspaces (SLACK_ALLOWED_TEAMS).',
  'install.failed':
    'Slack did not complete the installation. Try again in a minute at {url}; if it keeps failing, ask your administrator to check SLACK_CLIENT_ID and SLACK_CLIENT_SECRET.',
} as const;
