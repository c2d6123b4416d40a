import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../store/store.js';

/** What every use case gets: its ports, passed in, never imported. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
}
