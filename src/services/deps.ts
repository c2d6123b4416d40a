import type { AnonymitySettings } from '../domain/anonymity/thresholds.js';
import type { Locale } from '../domain/i18n/locale.js';
import type { PlatformUserRef } from '../domain/roles.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Metrics } from '../ports/metrics.js';
import type { InstanceRegistry } from '../store/instance-registry.js';
import type { SendLeases } from '../store/send-leases.js';
import type { Store } from '../store/store.js';
import type { DirectoryNames } from './directory-names.js';
import type { CoreEvents } from '../ports/events.js';
import type { AnswerAdmission } from './answer-admission.js';
import type { DirectoryReadiness } from './directory-readiness.js';
import type { FreshDeliveries } from './fresh-deliveries.js';

/** Organisation-wide settings the use cases read (from the environment, via config). */
export interface AppSettings {
  readonly anonymity: AnonymitySettings;
  readonly defaultTimezone: string;
  readonly defaultLocale: Locale;
  readonly orgName: string | null;
  readonly bootstrapRoles: { readonly admins: readonly PlatformUserRef[]; readonly hr: readonly PlatformUserRef[] };
  /** How long closing a round waits for answers already in flight (ms); see close-round.ts. */
  readonly closeGraceMs?: number;
  /** After how long a claimed, unrecorded send counts as abandoned by a dead process (ms); see claim-lease.ts. */
  readonly claimLeaseMs?: number;
}

/** What every use case gets: its ports, passed in, never imported. */
export interface ServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly settings: AppSettings;
  /**
   * Since when this process has been able to hear platform callbacks (its HTTP server or socket
   * is up); null before that. Reconciliation only trusts the silence of a platform it could hear.
   */
  readonly listeningSince?: () => Date | null;
  /** Where fan-outs hand this process's sender the deliveries due at once (absent: it queries for them). */
  readonly fresh?: FreshDeliveries;
  /** Counters and timings for operators (absent: nothing is counted). */
  readonly metrics?: Metrics;
  /** Whether the chat directories have been read once; rounds started by hand wait for it (absent: ready). */
  readonly directory?: DirectoryReadiness;
  /** Which instance sends to each workspace or tenant (absent: this process sends to all). */
  readonly leases?: SendLeases;
  /** The instances sharing the database; closing a round waits for all of their answers (absent: this one only). */
  readonly instances?: InstanceRegistry;
  /** Bounds the answers written at once and sheds clicks that cannot start in time (absent: no bound). */
  readonly admission?: AnswerAdmission;
  /** Display names from the last directory syncs, in memory only, for the identifying-comment warning (absent: none). */
  readonly names?: DirectoryNames;
  /** What the core announces (deliveries due now…); absent: nobody listens. */
  readonly events?: CoreEvents;
}
