/**
 * `npm run bench -- <name> [--flags]`: runs bench/<name>.ts and prints its result as one final JSON
 * line on stdout (progress notes go to stderr).
 */
import { parseFlags, type Flags } from './support/args.js';

type Bench = (flags: Flags) => Promise<object>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  fanout: async () => (await import('./fanout.js')).fanout,
  crash: async () => (await import('./crash.js')).crash,
  ingest: async () => (await import('./ingest.js')).ingest,
  anonymity: async () => (await import('./anonymity.js')).anonymity,
  hostile: async () => (await import('./hostile.js')).hostile,
  dbfault: async () => (await import('./dbfault.js')).dbfault,
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name === undefined ? undefined : BENCHES[name];
  if (load === undefined) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [--flags]\n`);
    process.exit(2);
  }
  const result = await (await load())(parseFlags(rest));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
