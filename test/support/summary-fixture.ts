import { computeEnps } from '../../src/domain/metrics/enps.js';
import type { Summary, VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';

/** A fixed summary for golden tests: a department shown with two rounds of history, one team hidden. */
export function fixedSummary(): Summary {
  const enps = computeEnps({ 10: 5, 9: 3, 8: 4, 6: 2, 3: 1 });
  if (enps === null) throw new Error('fixture eNPS');
  const sales: VisibleSegmentSummary = {
    segment: 'sales',
    name: 'Sales <EMEA>',
    visible: true,
    invited: 18,
    respondents: 15,
    participation: (15 / 18) * 100,
    participationChange: (15 / 18) * 100 - 75,
    enps,
    enpsChange: 6.5,
    drivers: [
      { driver: 'growth', respondents: 15, mean: 4.2, favourable: 80, meanChange: 0.3, favourableChange: 5, roundDate: '2026-11-16' },
      { driver: 'workload', respondents: 14, mean: 2.6, favourable: 35.7, meanChange: -0.45, favourableChange: -10, roundDate: '2026-11-16' },
      { driver: 'recognition', respondents: 15, mean: 3.4, favourable: 53.3, meanChange: null, favourableChange: null, roundDate: '2026-11-09' },
    ],
    biggestMover: { up: null, down: null },
    trend: [
      { roundDate: '2026-11-02', enps: 10, participation: 70 },
      { roundDate: '2026-11-09', enps: null, participation: null },
      { roundDate: '2026-11-16', enps: 20, participation: 75 },
      { roundDate: '2026-11-23', enps: 26.67, participation: (15 / 18) * 100 },
    ],
    comments: [
      { id: '00000000-0000-4000-8000-000000000001', roundDate: '2026-11-23', text: 'More focus time, please <!channel>' },
      { id: '00000000-0000-4000-8000-000000000002', roundDate: '2026-11-23', text: 'Great onboarding' },
    ],
    actions: [
      { driver: 'workload', index: 0 },
      { driver: 'recognition', index: 0 },
    ],
  };
  const withMovers: VisibleSegmentSummary = { ...sales, biggestMover: { up: sales.drivers[0] ?? null, down: sales.drivers[1] ?? null } };
  return {
    audience: 'leader',
    surveyId: 'pulse',
    surveyName: 'Weekly pulse',
    round: { id: 'pulse:2026-11-23', date: '2026-11-23' },
    minGroupSize: 5,
    segments: [withMovers, { segment: 'sales-nordics', name: 'Nordics', visible: false }],
    chartSegment: 'sales',
  };
}
