import { createHash } from 'node:crypto';
import type { Pulse } from '../../../src/pulse/index.js';

/**
 * What one viewer's dashboard shows, as a string that changes exactly when their view does (the
 * route passes a digest of the dashboard model built for that viewer's scope and roles). Null:
 * the viewer may no longer see the dashboard, and their feed ends.
 */
export type ViewSignature = () => Promise<string | null>;

/**
 * Tells each live dashboard when ITS OWN view has changed, and nothing else: a leader is not told
 * that an exit answer arrived, nor about teams they do not lead, because their view of those does
 * not change. A cheap signature of all counters is checked every few seconds while anyone is
 * watching (answers through Slack, Teams or another instance); `notify` checks at once (this
 * process recorded an answer or moved the clock). Only when something changed is each viewer's
 * own view recomputed and compared with what they last saw.
 */
export interface ChangeFeed {
  notify(): void;
  /**
   * `listener` runs when `view` changes; `ended` when it returns null; `ready` once the view to
   * compare against is known. Returns an unsubscribe.
   */
  subscribe(view: ViewSignature, listener: () => void, ended: () => void, ready?: () => void): () => void;
  stop(): void;
}

interface Watcher {
  readonly view: ViewSignature;
  readonly listener: () => void;
  readonly ended: () => void;
  /** The viewer's view when last told (null until first computed). */
  last: string | null;
}

/** A short digest of a viewer's view, so each watcher holds 64 characters, not a whole model. */
export function viewDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export function createChangeFeed(pulse: Pulse, everyMs = 3_000): ChangeFeed {
  const watchers = new Set<Watcher>();
  let last = '';
  let timer: NodeJS.Timeout | null = null;
  let checking = false;
  /** A check was asked for while one ran: run again after it (forced: recompute every view). */
  let again: 'none' | 'changed' | 'forced' = 'none';

  const signature = (): Promise<string> => pulse.results.activity();

  const refresh = async (watcher: Watcher): Promise<void> => {
    if (!watchers.has(watcher)) return;
    const now = await watcher.view();
    if (!watchers.has(watcher)) return;
    if (now === null) {
      watchers.delete(watcher);
      watcher.ended();
      return;
    }
    const before = watcher.last;
    watcher.last = now;
    if (before !== null && before !== now) watcher.listener();
  };

  const check = (force: boolean) => {
    if (checking) {
      again = force || again === 'forced' ? 'forced' : 'changed';
      return;
    }
    checking = true;
    (async () => {
      const s = await signature();
      const changed = last !== '' && s !== last;
      last = s;
      if (changed || force) await Promise.all([...watchers].map(refresh));
    })()
      .catch((error: unknown) => pulse.logger.warn({ err: error, adapter: 'web' }, 'dashboard change check failed'))
      .finally(() => {
        checking = false;
        const next = again;
        again = 'none';
        if (next !== 'none' && watchers.size > 0) check(next === 'forced');
      });
  };

  return {
    notify: () => {
      if (watchers.size > 0) check(true);
    },
    subscribe(view, listener, ended, ready) {
      const watcher: Watcher = { view, listener, ended, last: null };
      watchers.add(watcher);
      // The view as it is now, to compare later changes against.
      refresh(watcher)
        .then(() => {
          if (watchers.has(watcher)) ready?.();
        })
        .catch((error: unknown) => pulse.logger.warn({ err: error, adapter: 'web' }, 'dashboard view check failed'));
      if (timer === null) {
        check(false);
        timer = setInterval(() => check(false), everyMs);
        timer.unref();
      }
      return () => {
        watchers.delete(watcher);
        if (watchers.size === 0 && timer !== null) {
          clearInterval(timer);
          timer = null;
          last = '';
        }
      };
    },
    stop() {
      watchers.clear();
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
  };
}
