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
  'impact.group': 'Group',
} as const;
