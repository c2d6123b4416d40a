import type { AnonymitySettings } from '../domain/anonymity/thresholds.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { PlatformUserRef } from '../domain/roles.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../store/store.js';

/** Organisation-wide settings the use cases read (from the environment, via config). */
export interface AppSettings {
  readonly anonymity: AnonymitySettings;
  readonly defaultTimezone: string;
  readonly defaultLocale: Locale;
  readonly orgName: string | null;
  readonly bootstrapRoles: { readonly admins: readonly PlatformUserRef[]; readonly hr: readonly PlatformUserRef[] };
  /** How long closing a round waits for answers already in flight (ms); see close-round.ts. */
  readonly closeGraceMs?: number;
}

/** What every use case gets: its ports, passed in, never imported. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: AppSettings;
}
