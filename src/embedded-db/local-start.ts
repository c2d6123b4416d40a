import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ConfigError } from '../lib/config-error.js';
import { loadSlackConfig } from '../config-slack.js';
import { GoMissingError, startMongoServer, type RunningServer } from './launcher.js';

/**
 * What `npm start` fills in on a machine with nothing set up: the embedded database when
 * MONGODB_URI is unset, and (in playground mode only) a secret kept in the data folder.
 */
export interface LocalStart {
  /** The environment to load the configuration from (the given one, plus what was filled in). */
  readonly env: NodeJS.ProcessEnv;
  /** The embedded database, when one was started (stop it on shutdown). */
  readonly embedded: RunningServer | null;
  readonly dataDir: string;
}

export interface LocalStartOptions {
  /** One line for the operator (building the database, where the data lives). */
  readonly say: (line: string) => void;
  /** `--fresh`: start the embedded database empty (a MONGODB_URI database is never wiped). */
  readonly fresh?: boolean;
  /** Where the built server is cached (see `BuildOptions.cacheDir`). */
  readonly cacheDir?: string;
}

const SECRET_FILE = 'secret';
const DB_FOLDER = 'db';

/** No Slack or Teams variable at all: the playground (read before the full configuration). */
function looksLikePlayground(env: NodeJS.ProcessEnv): boolean {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const teams = Object.keys(present).some((name) => name.startsWith('TEAMS_'));
  return !teams && loadSlackConfig(present) === null;
}

async function playgroundSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export async function prepareLocalStart(env: NodeJS.ProcessEnv, options: LocalStartOptions): Promise<LocalStart> {
  const dataDir = resolve(env.PULSE_DATA_DIR || '.pulsebot-data');
  const filled: NodeJS.ProcessEnv = { ...env };
  const needsFolder = !env.MONGODB_URI || (!env.PULSE_SECRET && looksLikePlayground(env));
  if (needsFolder) {
    try {
      await mkdir(dataDir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw new ConfigError(`PULSE_DATA_DIR: cannot create ${dataDir} (${(error as Error).message}): point PULSE_DATA_DIR at a writable folder`);
    }
  }
  if (!env.PULSE_SECRET && looksLikePlayground(env)) filled.PULSE_SECRET = await playgroundSecret(dataDir);
  let embedded: RunningServer | null = null;
  if (!env.MONGODB_URI) {
    if (options.fresh === true) await rm(join(dataDir, DB_FOLDER), { recursive: true, force: true });
    try {
      embedded = await startMongoServer({
        dataDir: join(dataDir, DB_FOLDER),
        ...(options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir }),
        onBuild: () => options.say('pulsebot: building the embedded database (FerretDB) with Go; first start only, this takes a minute or two…'),
      });
    } catch (error) {
      if (error instanceof GoMissingError) {
        throw new ConfigError(
          'MONGODB_URI is not set and Go is not installed to build the embedded database: set MONGODB_URI to your MongoDB server, or install Go 1.24 or newer',
        );
      }
      throw error;
    }
    filled.MONGODB_URI = embedded.uri;
    options.say(`pulsebot: no MONGODB_URI, so the embedded database is running with its data in ${join(dataDir, DB_FOLDER)}`);
  }
  return { env: filled, embedded, dataDir };
}
