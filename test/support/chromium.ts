import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, when the machine has it. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for a headless Chromium run as root in a container: its sandbox cannot start there, and
 * /dev/shm is often small. The npm build also needs its software GL (SwiftShader), which it ships.
 */
const COMMON_ARGS = ['--no-sandbox', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'];
const SWIFTSHADER_ARGS = ['--no-zygote', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

interface ChromiumChoice {
  readonly executablePath: string;
  readonly args: readonly string[];
}

/**
 * Which Chromium the browser tests drive, never one downloaded at run time: `PULSE_CHROMIUM` when
 * set, else Debian's `/usr/bin/chromium`, else the build that `@sparticuz/chromium` ships inside its
 * npm package (unpacked to the temporary folder on first use), so `npm test` passes on a machine
 * with only Node and Go.
 */
async function chooseChromium(): Promise<ChromiumChoice> {
  const given = process.env.PULSE_CHROMIUM;
  if (given !== undefined && given !== '') return { executablePath: given, args: COMMON_ARGS };
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, args: COMMON_ARGS };
  const packaged = (await import('@sparticuz/chromium')).default;
  return { executablePath: await packaged.executablePath(), args: [...COMMON_ARGS, ...SWIFTSHADER_ARGS] };
}

export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, headless: true, args: [...choice.args] });
}
