import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { prepareLocalStart } from '../../src/embedded-db/local-start.js';

/** What `npm start` fills in before the configuration is read. */
const folders: string[] = [];
const folder = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pulsebot-local-'));
  folders.push(dir);
  return dir;
};
const PATH = process.env.PATH;

afterEach(async () => {
  process.env.PATH = PATH;
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('npm start without a database', () => {
  it('without Go (and nothing built yet) it stops with one config line that says to set MONGODB_URI', async () => {
    const dataDir = await folder();
    const cacheDir = await folder();
    process.env.PATH = '/nonexistent';
    const lines: string[] = [];
    const attempt = prepareLocalStart({ PULSE_DATA_DIR: dataDir }, { say: (l) => lines.push(l), cacheDir });
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(
      /^MONGODB_URI is not set and Go is not installed to build the embedded database: set MONGODB_URI to your MongoDB server, or install Go 1\.24 or newer$/,
    );
    expect(lines).toEqual(['pulsebot: building the embedded database (FerretDB) with Go; first start only, this takes a minute or two…']);
  });

  it('with MONGODB_URI set it starts nothing; only the playground gets a secret made for it, kept in the data folder', async () => {
    const dataDir = await folder();
    const withSlack = await prepareLocalStart(
      { PULSE_DATA_DIR: dataDir, MONGODB_URI: 'mongodb://db:27017', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' },
      { say: () => undefined },
    );
    expect(withSlack.embedded).toBeNull();
    expect(withSlack.env.PULSE_SECRET).toBeUndefined();
    const playground = await prepareLocalStart({ PULSE_DATA_DIR: dataDir, MONGODB_URI: 'mongodb://db:27017' }, { say: () => undefined });
    expect(playground.env.PULSE_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect((await readFile(join(dataDir, 'secret'), 'utf8')).trim()).toBe(playground.env.PULSE_SECRET);
    const again = await prepareLocalStart({ PULSE_DATA_DIR: dataDir, MONGODB_URI: 'mongodb://db:27017' }, { say: () => undefined });
    expect(again.env.PULSE_SECRET).toBe(playground.env.PULSE_SECRET);
    expect(existsSync(join(dataDir, 'db'))).toBe(false);
  });
});
