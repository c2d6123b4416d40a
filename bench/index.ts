/**
 * `npm run bench -- <name> [--flag value …]`: runs one benchmark and prints its result as the
 * final line, one JSON object. Benchmarks measure speed; the tests check correctness.
 */
import { parseArgs } from './args.js';

type Bench = (args: ReadonlyMap<string, string>) => Promise<Record<string, unknown>>;

const benches: Record<string, () => Promise<Bench>> = {
  summary: async () => (await import('./summary.js')).runSummaryBench,
  fanout: async () => (await import('./fanout.js')).fanout,
  ingest: async () => (await import('./ingest.js')).ingest,
  crash: async () => (await import('./crash.js')).crash,
  instances: async () => (await import('./instances.js')).instances,
  dbfault: async () => (await import('./dbfault.js')).dbfault,
  hostile: async () => (await import('./hostile.js')).hostile,
  anonymity: async () => (await import('./anonymity.js')).anonymity,
  classify: async () => (await import('./classify.js')).classify,
  clickfloor: async () => (await import('./clickfloor.js')).clickfloor,
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const load = name === undefined ? undefined : benches[name];
  if (load === undefined) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [--flag value …]\n`);
    process.exit(2);
  }
  const result = await (await load())(parseArgs(rest));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
