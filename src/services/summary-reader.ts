import { isHr, resultScope } from '../domain/roles.js';
import type { Summary } from '../domain/summary/summary-model.js';
import type { PersonKey } from '../store/documents/identity.js';
import { loadActor } from './actors.js';
import type { ServiceDeps } from './deps.js';
import { resolveSegment } from './segment-ids.js';
import { buildSummary } from './summary.js';
import { loadSummaryContext } from './summary-context.js';
import { DEFAULT_SURVEY_ID } from './surveys.js';

export type ReaderSummary =
  | { readonly kind: 'not-allowed' }
  | { readonly kind: 'unknown-segment'; readonly segment: string }
  | { readonly kind: 'none' }
  | { readonly kind: 'summary'; readonly summary: Summary };

export interface ReaderOptions {
  /** Only this segment (and what is under it); it must be one the reader may see. */
  readonly segment?: string;
  readonly surveyId?: string;
}

/**
 * The summary someone may see now (`/pulse results [segment]`, App Home): HR and admins the whole
 * organisation, leaders the segments they lead, nobody else anything. The same content as the
 * weekly message, from the same counters and the same anonymity rules.
 */
export async function summaryForReader(deps: ServiceDeps, reader: PersonKey, options: ReaderOptions = {}): Promise<ReaderSummary> {
  const actor = await loadActor(deps, reader);
  const scope = resultScope(actor);
  if (scope !== 'all' && scope.length === 0) return { kind: 'not-allowed' };
  let asked: 'all' | readonly string[] = scope;
  if (options.segment !== undefined) {
    const segment = (await resolveSegment(deps, options.segment)) ?? options.segment;
    const tree = await deps.store.segments.tree();
    const allowed = scope === 'all' || scope.some((root) => tree.subtree(root).includes(segment));
    if (!tree.has(segment) || !allowed) return { kind: 'unknown-segment', segment: options.segment };
    asked = [segment];
  }
  const context = await loadSummaryContext(deps, options.surveyId ?? DEFAULT_SURVEY_ID);
  if (context === null) return { kind: 'none' };
  const audience = asked === 'all' && isHr(actor) ? 'org' : 'leader';
  const summary = await buildSummary(deps, context, {
    audience,
    scope: asked,
    variant: deps.clock.now().weekNumber,
    reader,
  });
  return { kind: 'summary', summary };
}
