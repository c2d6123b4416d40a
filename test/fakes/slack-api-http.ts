/** Request-body parsing and JSON replies for the fake Slack Web API server. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { Params } from './slack-api-types.js';

/** Keys whose form-encoded values @slack/web-api JSON-encodes. */
const JSON_KEYS = new Set(['blocks', 'attachments', 'metadata', 'view', 'files']);

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

function decodeFormValue(key: string, value: string): unknown {
  const trimmed = value.trim();
  if (!JSON_KEYS.has(key) || !(trimmed.startsWith('[') || trimmed.startsWith('{'))) return value;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return value;
  }
}

function isMultipart(contentType: string): boolean {
  return contentType.toLowerCase().startsWith('multipart/form-data');
}

async function multipartEntries(contentType: string, raw: Buffer): Promise<[string, string | Buffer][]> {
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
  const entries: [string, string | Buffer][] = [];
  for (const [key, value] of form.entries()) {
    entries.push([key, typeof value === 'string' ? value : Buffer.from(await value.arrayBuffer())]);
  }
  return entries;
}

/**
 * Parses a Web API request body: JSON, form-encoded (JSON-looking values of JSON_KEYS decoded) or
 * multipart. Returns null when a JSON body is not a JSON object.
 */
export async function parseParams(contentType: string, raw: Buffer): Promise<Params | null> {
  const type = contentType.toLowerCase();
  if (type.startsWith('application/json')) {
    try {
      const parsed = JSON.parse(raw.toString('utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : null;
    } catch {
      return null;
    }
  }
  const params: Params = {};
  if (isMultipart(type)) {
    for (const [key, value] of await multipartEntries(contentType, raw)) {
      params[key] = typeof value === 'string' ? decodeFormValue(key, value) : value;
    }
    return params;
  }
  for (const [key, value] of Object.entries(parseQuery(raw.toString('utf8')))) {
    if (typeof value === 'string') params[key] = decodeFormValue(key, value);
    else if (Array.isArray(value)) params[key] = value;
  }
  return params;
}

/** The bytes of an upload: the first file part of a multipart body, else the raw body. */
export async function uploadedBytes(contentType: string, raw: Buffer): Promise<Buffer> {
  if (!isMultipart(contentType)) return raw;
  const entries = await multipartEntries(contentType, raw);
  const file = entries.find((entry): entry is [string, Buffer] => Buffer.isBuffer(entry[1]));
  return file?.[1] ?? Buffer.from(entries[0]?.[1] ?? '');
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  response.end(text);
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
