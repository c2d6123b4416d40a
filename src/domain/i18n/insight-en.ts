/** English strings of driver impact (issue #20; spread into en.ts). */
export const insightEn = {
  'impact.priority':
    'Top priority: {driver} ({favourable} % favourable) goes with eNPS more than any other weak driver here (r {r}, 90 % interval {low} to {high}, {n} paired answers over {months} months).',
  'impact.heading': 'What goes with eNPS',
  'impact.intro':
    'How strongly each driver moves together with eNPS over the last {months} months ({rounds} rounds), strongest first. A correlation, not a proof of cause. Priorities are drivers below 70 % favourable that go clearly with eNPS.',
  'impact.col.subject': 'Driver or question',
  'impact.col.r': 'Correlation (r)',
  'impact.col.interval': '90 % interval',
  'impact.col.n': 'Paired answers',
  'impact.col.favourable': 'Favourable',
  'impact.priorityMark': 'Priority',
  'impact.none':
    'Not enough paired answers yet: a group needs at least {min} answers given together with eNPS in groups that may be shown. Each closed round adds to it.',
  'heatmap.heading': 'Heatmap: each group against the organisation',
  'heatmap.intro':
    'Each cell is the group’s latest score (eNPS, or % favourable for a driver) with its difference from the organisation’s beneath. Green is above the organisation, red below. “Hidden”: too few answers to show (fewer than {k}), or a number that could be worked out by subtraction.',
  'heatmap.group': 'Group',
  'heatmap.enps': 'eNPS',
  'heatmap.hidden': 'hidden',
  'heatmap.hiddenTitle': 'Not shown, to protect anonymity',
  'heatmap.trendTitle': '{driver}: % favourable in {group}',
  'heatmap.noTrend': 'No trend to show for this group.',
  'heatmap.rowsBy': 'Rows',
  'heatmap.byTeams': 'Teams',
  'heatmap.byIntro':
    'Cut by one attribute at a time, for the whole organisation. A value is shown with at least {k} answers, when the values shown leave out nobody or at least {k}, and when every team shown has people with every value shown (otherwise subtracting a team could single out the rest). Values with fewer than {k} people invited are counted under “Other”.',
  'attribute.location': 'Location',
  'attribute.employmentType': 'Employment type',
  'attribute.tenure': 'Tenure',
  'attribute.remote': 'Remote',
  'attribute.other': 'Other',
  'attribute.remote.yes': 'Remote',
  'attribute.remote.no': 'On site',
  'attribute.tenure.under_6_months': 'Under 6 months',
  'attribute.tenure.6_to_12_months': '6–12 months',
  'attribute.tenure.1_to_2_years': '1–2 years',
  'attribute.tenure.2_to_5_years': '2–5 years',
  'attribute.tenure.5_years_plus': '5 years or more',
  'summary.byAttribute': 'eNPS by {attribute}',
  'summary.attributeEnps': '{value}: eNPS {score}',
  'summary.attributeHidden': '{n} more not shown: fewer than {k} answers, or a team next to it would single people out.',
} as const;
