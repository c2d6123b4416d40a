import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSWER_SIDE } from '../../src/services/anonymity-audit/run-audit.js';
import { COLLECTIONS } from '../../src/store/collection-registry.js';

/** Every .ts file under `dir`. */
async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(path)));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Collection names the code writes to: `collection('x')`, `collection<T>('x')`, agenda's `collection: 'x'`, `STAGING = 'x'`. */
async function namesInCode(): Promise<Set<string>> {
  const found = new Set<string>();
  for (const root of ['src', 'adapters', 'jobs']) {
    for (const file of await sources(root)) {
      const text = await readFile(file, 'utf8');
      for (const m of text.matchAll(/collection(?:<[^>]*>)?\(\s*'([a-z_]+)'\s*\)|collection:\s*'([a-z_]+)'|STAGING\s*=\s*'([a-z_]+)'/g)) {
        const name = m[1] ?? m[2] ?? m[3];
        if (name) found.add(name);
      }
    }
  }
  return found;
}

describe('the collection registry (src/store/collection-registry.ts)', () => {
  it('lists every collection the code writes, and nothing the code no longer uses', async () => {
    const inCode = await namesInCode();
    const registered = new Set(COLLECTIONS.map((c) => c.name));
    expect([...inCode].filter((name) => !registered.has(name)).sort()).toEqual([]);
    expect([...registered].filter((name) => !inCode.has(name)).sort()).toEqual([]);
    expect(registered.size).toBe(COLLECTIONS.length);
  });

  it('agrees with the anonymity audit on what the answer side is, and gives each collection a retention rule', () => {
    for (const name of Object.keys(ANSWER_SIDE)) expect(COLLECTIONS.find((c) => c.name === name)?.side, name).toBe('answer');
    for (const c of COLLECTIONS) expect(c.retention.length, c.name).toBeGreaterThan(10);
  });
});
