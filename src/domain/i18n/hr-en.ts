/** HR workflows (exit results, exit cancel): English. Spread into `en` in en.ts. */
export const hrEn = {
  'hr.exit.withdrawn': 'The exit survey for {person} is withdrawn: it takes no more answers. Anything already answered stays anonymous in the pooled results.',
  'hr.exit.nothingToCancel': 'There is no open exit survey for {person} to cancel.',
  'hr.results.notAllowed': 'Exit results are for HR and admins.',
  'hr.results.none': 'No exit results to show yet. Answers are pooled quarter by quarter and shown once at least {k} people have answered.',
  'hr.results.pending': 'Not shown yet: {quarters} (fewer than {k} answers so far; they roll into the next quarter).',
  'hr.results.title': 'Exit survey results, {quarters}: {respondents} people answered',
  'hr.results.department': '{department}: {respondents} answered',
  'hr.results.reasons': 'Reasons for leaving (people could pick several):',
  'hr.results.reason': '{rank}. {reason}: {count} ({share}%)',
  'hr.results.rating': '{topic}: {mean} of 5, {favourable}% good or very good',
  'hr.results.keep': 'What could have kept them',
  'hr.results.comment': 'Other comments',
  'hr.results.commentsHidden': 'Comments are shown only for groups of at least {k} people.',
} as const;
