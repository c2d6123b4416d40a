import type { Summary, VisibleSegmentSummary } from '../../src/domain/summary/summary-model.js';
import { fixedSummary } from './summary-fixture.js';

/** An organisation-wide summary of 40 teams with long comments: more than one Teams message can carry. */
export function hugeSummary(): Summary {
  const base = fixedSummary();
  const sales = base.segments[0] as VisibleSegmentSummary;
  const long = 'A long comment that goes on and on about the workload and the planning of the sprints. '.repeat(22);
  const segments = Array.from({ length: 40 }, (_, i): VisibleSegmentSummary => ({
    ...sales,
    segment: `team-${i}`,
    name: `Team ${i}`,
    comments: Array.from({ length: 5 }, () => ({ id: '00000000-0000-4000-8000-000000000003', roundDate: '2026-11-23', text: long })),
  }));
  return { ...base, audience: 'org', segments, chartSegment: 'team-0' };
}
