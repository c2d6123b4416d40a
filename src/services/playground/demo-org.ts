/**
 * The playground's demo organisation: 40 people in 5 teams across 3 time zones, a leader per
 * team, and one HR person (also an admin, so the playground can start rounds). Names are made up.
 */
/** The playground's one organisation, in the web chat's directory. */
export const WEB_TENANT = 'local';

export interface DemoTeam {
  readonly id: string;
  readonly name: string;
  readonly timezone: string;
  /** How happy the team is (shifts its answers), so the teams differ on the dashboard. */
  readonly mood: number;
  /** Where the team sits (issue #20): teams sit in one place, so location can never be cut next to them. */
  readonly location: string;
  readonly people: readonly string[];
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  {
    id: 'engineering',
    location: 'Oslo',
    name: 'Engineering',
    timezone: 'Europe/Oslo',
    mood: 1,
    people: [
      'ingrid-berg',
      'ola-nordmann',
      'kari-hansen',
      'lars-johansen',
      'sofie-larsen',
      'emil-andersen',
      'nora-pedersen',
      'jonas-nilsen',
      'maja-kristiansen',
      'henrik-olsen',
      'ida-eriksen',
      'magnus-haugen',
    ],
  },
  {
    id: 'sales',
    location: 'New York',
    name: 'Sales',
    timezone: 'America/New_York',
    mood: 0,
    people: ['grace-miller', 'james-carter', 'olivia-brown', 'liam-davis', 'emma-wilson', 'noah-moore', 'ava-taylor', 'ethan-thomas', 'mia-jackson'],
  },
  {
    id: 'support',
    location: 'Bangalore',
    name: 'Customer Support',
    timezone: 'Asia/Kolkata',
    mood: -1,
    people: ['priya-sharma', 'arjun-patel', 'ananya-iyer', 'rohan-gupta', 'kavya-nair', 'vikram-rao', 'meera-reddy', 'aditya-singh', 'sneha-menon'],
  },
  {
    id: 'marketing',
    location: 'Oslo',
    name: 'Marketing',
    timezone: 'Europe/Oslo',
    mood: 0.5,
    people: ['astrid-lund', 'erik-svensson', 'elsa-lindqvist', 'oskar-holm', 'linnea-berg', 'hugo-nyberg', 'freja-dahl'],
  },
  {
    id: 'people-legal',
    location: 'New York',
    name: 'People & Legal',
    timezone: 'America/New_York',
    mood: 0,
    people: ['ruth-evans', 'hannah-hr', 'samuel-lee'],
  },
];

/** The attributes HR marked reportable in the demo: remote work spans every team, so it can be shown. */
export const DEMO_REPORTABLE = ['remote', 'location', 'tenure'] as const;

const START_DATES = ['2019-03-01', '2022-06-01', '2024-09-01', '2025-08-01', '2026-07-01'] as const;

/** A demo person's HR attributes, from their place in the directory (`index` counts everyone). */
export function demoAttributes(team: DemoTeam, index: number): { location: string; remote: boolean; startDate: string } {
  return { location: team.location, remote: index % 3 === 0, startDate: START_DATES[index % START_DATES.length] ?? '2024-09-01' };
}

/** The HR person (a member of People & Legal). */
export const DEMO_HR = 'hannah-hr';

/** Made-up comments the demo employees leave now and then. */
export const DEMO_COMMENTS = [
  'More focus time on Fridays would help a lot.',
  'The new onboarding guide was great, thank you.',
  'Too many meetings this week.',
  'I would like clearer priorities from leadership.',
  'Great team spirit lately!',
  'Our tools are slow; builds take forever.',
] as const;

export const DEMO_EMAIL_DOMAIN = 'example.com';
export const DEMO_WEEKS = 5;

/** People who left last quarter (inactive now), each with an exit survey answered. */
export const DEMO_LEAVERS: readonly { readonly userId: string; readonly team: string }[] = [
  { userId: 'per-moen', team: 'engineering' },
  { userId: 'tuva-strand', team: 'engineering' },
  { userId: 'lucas-white', team: 'sales' },
  { userId: 'nisha-kapoor', team: 'support' },
  { userId: 'vivek-joshi', team: 'support' },
  { userId: 'alma-sund', team: 'marketing' },
];

export const DEMO_EXIT_COMMENTS = [
  'I found a role closer to home.',
  'Career growth felt slow here.',
  'Great colleagues, but the workload was too high.',
  'The pay did not keep up with the market.',
  'Leadership changes made priorities unclear.',
  'I will miss the team!',
] as const;
