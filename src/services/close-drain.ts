import type { ServiceDeps } from './deps.js';

/** How long one instance waits for its own answers of a closing round before reporting anyway. */
const OWN_LIMIT_MS = 60_000;
/** How long closing waits for the other instances to report. */
const OTHERS_LIMIT_MS = 60_000;
const POLL_MS = 250;

/**
 * Run by every instance on its heartbeat: for each round being closed (by any instance), waits
 * until this instance's own answers of it are written, then says so in the database.
 */
export async function reportDrainedRounds(deps: ServiceDeps): Promise<void> {
  const registry = deps.instances;
  if (registry === undefined) return;
  const closing = await deps.store.database.collections.rounds.find({ state: 'closing' }, { projection: { _id: 1 } }).toArray();
  for (const { _id: roundId } of closing) {
    if (await registry.hasDrained(roundId)) continue;
    await deps.store.inFlight.drained(roundId, OWN_LIMIT_MS);
    await registry.drained(roundId);
  }
}

/**
 * Waits until every live instance (heartbeat within 30 s) has written all its answers of
 * `roundId`, so that none lands after the recount or the ledger purge. An instance that dies
 * stops counting as live; one that hangs is waited for at most a minute. True when all reported.
 */
export async function awaitOtherInstances(deps: ServiceDeps, roundId: string): Promise<boolean> {
  const registry = deps.instances;
  if (registry === undefined) return true;
  await registry.drained(roundId);
  // Real time, not the injected clock: this is a wait for other processes, not a business date.
  const until = performance.now() + OTHERS_LIMIT_MS;
  for (;;) {
    const live = await registry.live(deps.clock.now().toJSDate());
    const reported = await registry.drainedBy(roundId);
    if (live.every((id) => reported.has(id))) return true;
    if (performance.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
