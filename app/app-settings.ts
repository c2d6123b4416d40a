import type { Config } from '../src/config.js';
import type { AppSettings } from '../src/services/deps.js';

/** The organisation's settings the use cases read, from the configuration (the server's and the CLI's alike). */
export function appSettings(config: Config, extra: Pick<AppSettings, 'closeGraceMs' | 'claimLeaseMs'> = {}): AppSettings {
  return {
    anonymity: config.anonymity,
    defaultTimezone: config.defaultTimezone,
    defaultLocale: config.defaultLocale,
    orgName: config.orgName,
    bootstrapRoles: config.bootstrapRoles,
    ...extra,
  };
}
