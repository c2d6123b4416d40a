/** Norwegian (bokmål) texts of the pages Slack's install flow ends on (spread into `nb`). */
export const installNb = {
  'install.title': 'pulsebot for Slack',
  'install.cancelled': 'Installasjonen ble avbrutt, så ingenting ble installert. Vil du prøve igjen, åpner du {url}.',
  'install.expired': 'Denne installasjonslenken er utløpt eller allerede brukt. Start på nytt på {url}.',
  'install.notAllowed':
    'Dette arbeidsområdet kan ikke installere denne pulsebot: administratoren har begrenset den til bestemte arbeidsområder (SLACK_ALLOWED_TEAMS).',
  'install.failed':
    'Slack fullførte ikke installasjonen. Prøv igjen om et minutt på {url}. Hvis det fortsatt ikke går, be administratoren sjekke SLACK_CLIENT_ID og SLACK_CLIENT_SECRET.',
} as const;
