/**
 * Builds (once, cached by the hash of its sources) and starts the FerretDB wrapper in
 * `ferretdb/`: a real MongoDB wire-protocol server with no mongod anywhere. The tests start it
 * on throw-away data; `npm start` without MONGODB_URI starts it on a local data folder.
 */
import { spawn, execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
/** The Go sources (next to this file; from a build in dist/, the ones in the source tree). */
const sourcesDir = existsSync(join(here, 'ferretdb')) ? join(here, 'ferretdb') : join(root, '..', 'src', 'embedded-db', 'ferretdb');
const cacheRoot = existsSync(join(here, 'ferretdb')) ? root : join(root, '..');

/** Thrown when Go is not installed: the caller words the advice for its audience. */
export class GoMissingError extends Error {
  override readonly name = 'GoMissingError';
}

export interface BuildOptions {
  /** Called once before a build starts (it takes a minute or two the first time). */
  readonly onBuild?: () => void;
  /** Where built binaries are cached (default `.cache/` of the checkout, shared with the tests). */
  readonly cacheDir?: string;
}
const run = promisify(execFile);

export interface RunningServer {
  readonly uri: string;
  /** The server's process id (tests freeze it with SIGSTOP to play a database that hangs). */
  readonly pid: number;
  stop(): Promise<void>;
}

/** Path of the built server binary, building it first when its sources changed. */
export async function buildMongoServer(options: BuildOptions = {}): Promise<string> {
  const hash = createHash('sha256');
  const sources = (await readdir(sourcesDir)).filter((file) => file === 'go.mod' || file === 'go.sum' || file.endsWith('.go')).sort();
  for (const file of sources) hash.update(file).update(await readFile(join(sourcesDir, file)));
  const dir = join(options.cacheDir ?? join(cacheRoot, '.cache'), 'mongo-server', hash.digest('hex').slice(0, 16));
  const binary = join(dir, 'mongo-server');
  if (existsSync(binary)) return binary;
  await mkdir(dir, { recursive: true });
  options.onBuild?.();
  const partial = `${binary}.${process.pid}.partial`;
  try {
    await run('go', ['build', '-trimpath', '-buildvcs=false', '-o', partial, '.'], { cwd: sourcesDir, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const err = error as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new GoMissingError('Go is needed to build the embedded database (FerretDB): install Go 1.24 or newer, or set MONGODB_URI to a MongoDB server', {
        cause: error,
      });
    }
    throw new Error(`building the FerretDB server failed: ${err.stderr ?? err.message}`, { cause: error });
  }
  await rename(partial, binary);
  return binary;
}

/**
 * Starts the server on a free loopback port (or `port`, to start it again where a stopped one
 * was: the dbfault bench restarts it mid-burst), with its data in `dataDir` (kept; created when
 * missing) or else in a fresh temporary folder (removed on stop).
 */
export async function startMongoServer(options: { dataDir?: string; port?: number } & BuildOptions = {}): Promise<RunningServer> {
  const binary = await buildMongoServer(options);
  if (options.dataDir !== undefined) await mkdir(options.dataDir, { recursive: true });
  // Test data is throw-away: keep it in memory (/dev/shm) where there is one, off the disk's fsyncs.
  const scratch = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dataDir = options.dataDir ?? (await mkdtemp(join(scratch, 'pulsebot-ferretdb-')));
  const child = spawn(binary, ['-listen', `127.0.0.1:${options.port ?? 0}`, '-data', dataDir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('FerretDB server did not start within 30 s')), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`FerretDB server exited with code ${code ?? 'null'} before it was ready`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^ready (mongodb:\/\/\S+)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return {
    uri,
    pid: child.pid ?? 0,
    async stop() {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
