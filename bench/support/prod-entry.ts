/**
 * pulsebot as production runs it: `npm run start:prod` (node, its flags, and the built entry in
 * dist/), built first when the build is missing or older than any source file.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bot-process.js';

export interface ProdEntry {
  /** Node's own flags from the start:prod script, e.g. `--max-semi-space-size=2`. */
  readonly nodeArgs: string[];
  /** The built entry, from the repository root. */
  readonly entry: string;
}

/** The `start:prod` script of package.json, as node flags and an entry file. */
export function prodEntry(): ProdEntry {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (pkg.scripts?.['start:prod'] ?? '').split(/\s+/).filter(Boolean);
  const entry = words.at(-1);
  if (words[0] !== 'node' || entry?.endsWith('.js') !== true) throw new Error('package.json start:prod should be "node [flags] dist/….js"');
  return { nodeArgs: words.slice(1, -1), entry };
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run build` unless the built entry is newer than every source file it is built from. */
export function ensureBuilt(entry: string): void {
  let built: number;
  try {
    built = statSync(join(ROOT, entry)).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(...['app', 'src', 'adapters', 'jobs'].map((dir) => newestSource(join(ROOT, dir))));
  if (built > sources) return;
  process.stderr.write('bench: building pulsebot (npm run build)\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
