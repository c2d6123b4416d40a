import { ConfigError } from './lib/config-error.js';

const MIN_TOKEN_LENGTH = 16;

/**
 * `PULSE_METRICS_TOKEN`: when set, `GET /metrics` wants `Authorization: Bearer <token>`; unset,
 * the metrics are open (they carry no person, segment or answer, but do tell how busy the bot is).
 */
export function loadMetricsConfig(env: Readonly<Record<string, string | undefined>>): { readonly token: string | null } {
  const token = env.PULSE_METRICS_TOKEN?.trim() ?? '';
  if (token === '') return { token: null };
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError(`PULSE_METRICS_TOKEN is too short: use at least ${MIN_TOKEN_LENGTH} random characters (e.g. \`openssl rand -hex 16\`), or unset it`);
  }
  return { token };
}
