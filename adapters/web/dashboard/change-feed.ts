import type { ServiceDeps } from '../../../src/services/deps.js';

/**
 * Tells live dashboards that results may have changed: at once when this process records an
 * answer or moves the clock (`notify`), and otherwise when a cheap signature of the counters
 * changes (answers arriving through Slack, Teams or another instance), checked every few seconds
 * while anyone is watching.
 */
export interface ChangeFeed {
  notify(): void;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

export function createChangeFeed(deps: ServiceDeps, everyMs = 3_000): ChangeFeed {
  const listeners = new Set<() => void>();
  let last = '';
  let timer: NodeJS.Timeout | null = null;
  let checking = false;
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const signature = async (): Promise<string> => {
    const open = await deps.store.rounds.openRounds();
    const totals = await Promise.all(open.map(async (r) => `${r._id}:${JSON.stringify(await deps.store.counters.roundTotals(r._id))}`));
    const closed = await deps.store.database.collections.rounds.countDocuments({ state: 'closed' });
    return `${totals.sort().join('|')}#${closed}`;
  };
  const check = () => {
    if (checking) return;
    checking = true;
    signature()
      .then((s) => {
        if (last !== '' && s !== last) notify();
        last = s;
      })
      .catch((error: unknown) => deps.logger.warn({ err: error, adapter: 'web' }, 'dashboard change check failed'))
      .finally(() => {
        checking = false;
      });
  };
  return {
    notify,
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        check();
        timer = setInterval(check, everyMs);
        timer.unref();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
          last = '';
        }
      };
    },
    stop() {
      listeners.clear();
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
