import type { ServiceDeps } from './deps.js';

/**
 * A claim older than this belongs to a process that died between claiming and recording: long
 * enough that no live sender is still at work (a send takes seconds, retries included), and longer
 * than any platform's confirmation window, so its reports are all in before the claim is judged.
 */
export const CLAIM_LEASE_MS = 10 * 60_000;

export function claimLeaseMs(deps: ServiceDeps): number {
  return deps.settings.claimLeaseMs ?? CLAIM_LEASE_MS;
}
