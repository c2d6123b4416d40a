import type { DateTime } from 'luxon';

/** How services ask for work later, without knowing the scheduler behind it (agenda in production). */
export interface JobQueue {
  /** Runs job `name` at `when` with `data`. `uniqueKey` makes a repeated request a no-op. */
  schedule(name: string, when: DateTime, data: Record<string, unknown>, uniqueKey: string): Promise<void>;
}
