import type { Pulse } from '../pulse/index.js';

/** What a CLI command works with: the door to the core, connected with the server's configuration. */
export interface CliContext {
  readonly pulse: Pulse;
  /** Disconnects (after the command). */
  close(): Promise<void>;
}

/** Connects with the server's configuration (its environment variables); throws a ConfigError for bad settings. */
export type OpenCliContext = (env: NodeJS.ProcessEnv) => Promise<CliContext>;
