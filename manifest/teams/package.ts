/**
 * `npm run package:teams`: the app package Teams accepts (manifest.json + two icons in a zip),
 * with the bot's id and pulsebot's public host filled in from the environment, checked against
 * the Teams manifest schema bundled with @microsoft/app-manifest (offline) before it is written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ManifestUtil, type TeamsAppManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const TEMPLATE_ID = '00000000-0000-0000-0000-000000000000';
const TEMPLATE_HOST = 'pulsebot.example.com';

export const MANIFEST_VERSION = '1.17';

export function readTemplate(): TeamsAppManifest {
  return JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8')) as TeamsAppManifest;
}

/** The bundled Teams manifest schema for MANIFEST_VERSION. */
export function bundledSchema(): Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1] {
  const file = createRequire(import.meta.url).resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof ManifestUtil.validateManifestAgainstSchema>[1];
}

export function validateManifest(manifest: TeamsAppManifest): Promise<string[]> {
  return ManifestUtil.validateManifestAgainstSchema(manifest, bundledSchema());
}

/** The template with the app and bot id and the public host filled in; throws one line naming the variable. */
export function buildManifest(template: TeamsAppManifest, env: Record<string, string | undefined>, version: string): TeamsAppManifest {
  const appId = env.TEAMS_APP_ID ?? '';
  if (!GUID.test(appId)) throw new Error('TEAMS_APP_ID must be the bot’s Microsoft App ID (a GUID): the package uses it as app id and bot id');
  const host = env.TEAMS_PUBLIC_HOST ?? '';
  if (!HOST.test(host)) throw new Error('TEAMS_PUBLIC_HOST must be the host name pulsebot is reached at, e.g. pulsebot.acme.com (no https://, no path)');
  const text = JSON.stringify(template).replaceAll(TEMPLATE_ID, appId.toLowerCase()).replaceAll(TEMPLATE_HOST, host.toLowerCase());
  return { ...(JSON.parse(text) as TeamsAppManifest), version };
}

export function zipPackage(manifest: TeamsAppManifest): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(join(here, 'color.png')),
    'outline.png': readFileSync(join(here, 'outline.png')),
  });
}

async function main(): Promise<void> {
  const version = (JSON.parse(readFileSync(join(here, '../../package.json'), 'utf8')) as { version: string }).version;
  const manifest = buildManifest(readTemplate(), process.env, version);
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new Error(`the manifest does not match the Teams schema ${MANIFEST_VERSION}: ${errors.join('; ')}`);
  const out = join(here, '../../dist/teams/pulsebot-teams.zip');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, zipPackage(manifest));
  process.stdout.write(`pulsebot: wrote ${out} (app id ${manifest.id}, host ${manifest.validDomains?.[0] ?? ''}); upload it in Teams: Apps → Manage your apps → Upload an app\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`pulsebot: package:teams: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
