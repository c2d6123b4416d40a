/** English texts of the dashboard's sign-in with Slack or Microsoft Entra ID (spread into `en`). */
export const signinEn = {
  'signin.title': 'Sign in to pulsebot',
  'signin.intro': 'Sign in with the account you use in Slack or Microsoft Teams. You will see the results your role allows.',
  'signin.slack': 'Sign in with Slack',
  'signin.entra': 'Sign in with Microsoft',
  'signin.entraTenant': 'Sign in with Microsoft (organisation {tenant})',
  'signin.none':
    'Sign-in is not set up here. Ask for a personal link instead: type /pulse dashboard in Slack, or dashboard in your chat with pulsebot in Teams.',
  'signin.again': 'Back to sign-in',
  'signin.failed.expired_or_replayed': 'This sign-in has expired or was already used. Start again from the sign-in page.',
  'signin.failed.refused_by_provider': 'The sign-in was cancelled or refused by your identity provider. Start again, and allow pulsebot when you are asked.',
  'signin.failed.invalid_token':
    'The answer from your identity provider could not be verified, so you are not signed in. Start again; if it keeps happening, ask your administrator to check the sign-in settings.',
  'signin.failed.unavailable': 'Your identity provider cannot be reached right now. Try again in a few minutes.',
  'signin.failed.not_in_directory':
    'Your account is not in pulsebot’s directory yet. Ask HR or an administrator to add you, or wait for the next directory sync, then sign in again.',
};
