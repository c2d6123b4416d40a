import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildManifest, readTemplate, validateManifest, zipPackage } from '../../manifest/teams/package.js';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** Width, height, colour type and the decoded pixel rows (filter 0 rows only) of a PNG. */
function png(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colourType = bytes[25];
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  const alphas: number[] = [];
  for (let y = 0; y < height; y++) if (raw[y * stride] === 0) for (let x = 0; x < width; x++) alphas.push(raw[y * stride + 1 + x * 4 + 3]!);
  return { width, height, colourType, alphas };
}

describe('the Teams app package', () => {
  it('the committed manifest validates against the Teams 1.17 schema bundled with @microsoft/app-manifest', async () => {
    const template = readTemplate();
    expect(template.manifestVersion).toBe('1.17');
    expect(await validateManifest(template)).toEqual([]);
  });

  it('the schema check can fail: a manifest without a bot id is reported', async () => {
    const broken = structuredClone(readTemplate()) as unknown as { bots: Record<string, unknown>[] };
    delete broken.bots[0]!.botId;
    expect((await validateManifest(broken as never)).length).toBeGreaterThan(0);
  });

  it('has a bot in personal and team scope whose command list names every command the bot understands', () => {
    const bot = readTemplate().bots?.[0];
    expect(bot?.scopes).toEqual(['personal', 'team']);
    const titles = bot?.commandLists?.flatMap((list) => list.commands.map((c) => c.title));
    for (const command of ['help', 'results', 'status', 'send-now', 'role', 'exit-survey']) expect(titles).toContain(command);
  });

  it('fills the app id, bot id and public host from the environment, and still validates', async () => {
    const manifest = buildManifest(readTemplate(), { TEAMS_APP_ID: APP_ID, TEAMS_PUBLIC_HOST: 'pulsebot.acme.test' }, '1.2.3');
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots?.[0]?.botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['pulsebot.acme.test']);
    expect(manifest.version).toBe('1.2.3');
    expect(JSON.stringify(manifest)).not.toContain('example.com');
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('refuses a missing app id or a host given as a URL, naming the variable', () => {
    expect(() => buildManifest(readTemplate(), { TEAMS_PUBLIC_HOST: 'pulsebot.acme.test' }, '1.0.0')).toThrow(/^TEAMS_APP_ID must be/);
    expect(() => buildManifest(readTemplate(), { TEAMS_APP_ID: APP_ID, TEAMS_PUBLIC_HOST: 'https://pulsebot.acme.test/' }, '1.0.0')).toThrow(
      /^TEAMS_PUBLIC_HOST must be/,
    );
  });

  it('has a 192×192 colour icon and a 32×32 outline icon on a transparent background', () => {
    const color = png(readFileSync('manifest/teams/color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = png(readFileSync('manifest/teams/outline.png'));
    expect([outline.width, outline.height, outline.colourType]).toEqual([32, 32, 6]);
    expect(outline.alphas.length).toBeGreaterThan(0);
    expect(outline.alphas.filter((a) => a === 0).length).toBeGreaterThan(outline.alphas.length / 2);
  });

  it('zips manifest.json and both icons at the root, as Teams expects', () => {
    const manifest = buildManifest(readTemplate(), { TEAMS_APP_ID: APP_ID, TEAMS_PUBLIC_HOST: 'pulsebot.acme.test' }, '1.0.0');
    const files = unzipSync(zipPackage(manifest));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toMatchObject({ id: APP_ID });
  });
});
