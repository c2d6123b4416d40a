import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isStorageUnavailable } from '../../src/pulse/index.js';

const MAX_BODY_BYTES = 64 * 1024;

/** Headers every web page and answer carries: no caching of results, no framing, no sniffing. */
const SAFE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export class WebError extends Error {
  override readonly name = 'WebError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** What to do about it, for the caller (never a stack or a stored value). */
    readonly detail?: string,
  ) {
    super(code);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SAFE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...SAFE_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    ...headers,
  });
  res.end(html);
}

/** What to answer for an error no route expected: 503 when the database did not answer, else 500. */
export function unexpectedError(error: unknown): WebError {
  return isStorageUnavailable(error) ? new WebError(503, 'UNAVAILABLE') : new WebError(500, 'INTERNAL');
}

export function sendError(res: ServerResponse, error: WebError): void {
  sendJson(res, error.status, { error: { code: error.code, ...(error.detail === undefined ? {} : { message: error.detail }) } });
}

/** A JSON request body (at most 64 KB); WebError 400/413/415 otherwise. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) throw new WebError(415, 'UNSUPPORTED_MEDIA_TYPE');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new WebError(413, 'PAYLOAD_TOO_LARGE');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new WebError(400, 'INVALID_JSON');
  }
}

export function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      return null; // not percent-encoding: as good as no cookie
    }
  }
  return null;
}

const here = dirname(fileURLToPath(import.meta.url));
/** Next to this file; from a build in dist/ (which copies no assets), the ones in the source tree. */
const STATIC_DIR = existsSync(join(here, 'static')) ? join(here, 'static') : join(here, '..', '..', '..', 'adapters', 'web', 'static');
const require = createRequire(import.meta.url);
const ADAPTIVE_CARDS = join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js');

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' };
/** The web UI's own files (a fixed list: no path from the request reaches the file system). */
const ASSETS: Record<string, string> = {
  'adaptivecards.min.js': ADAPTIVE_CARDS,
  'playground.js': join(STATIC_DIR, 'playground.js'),
  'dashboard.js': join(STATIC_DIR, 'dashboard.js'),
  'surveys.js': join(STATIC_DIR, 'surveys.js'),
  'texts.js': join(STATIC_DIR, 'texts.js'),
  'web.css': join(STATIC_DIR, 'web.css'),
};

export async function sendAsset(res: ServerResponse, name: string): Promise<boolean> {
  const file = ASSETS[name];
  if (file === undefined) return false;
  const body = await readFile(file);
  res.writeHead(200, { ...SAFE_HEADERS, 'cache-control': 'public, max-age=300', 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(body);
  return true;
}

export async function staticPage(name: 'playground.html' | 'dashboard.html' | 'surveys.html'): Promise<string> {
  return readFile(join(STATIC_DIR, name), 'utf8');
}
