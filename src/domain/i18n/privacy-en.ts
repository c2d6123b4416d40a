/** English texts of the identifying-comment check (spread into `en`). */
export const privacyEn = {
  'privacy.removed': '[removed]',
  'privacy.warning.title': 'Your comment may identify you',
  'privacy.warning.intro': 'Comments are anonymous, but these parts of yours could point to you or to someone else:',
  'privacy.kind.name': 'Names',
  'privacy.kind.mention': 'Mentions',
  'privacy.kind.email': 'E-mail addresses',
  'privacy.kind.phone': 'Phone numbers',
  'privacy.kind.date': 'Exact dates',
  'privacy.action.clean': 'Remove them and send',
  'privacy.action.asWritten': 'Send as written',
  'privacy.choice.label': 'What should we send?',
} as const;
