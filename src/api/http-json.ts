import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodType } from 'zod';

/** The error codes the HTTP API answers with (in `error.code`). */
export const API_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID_JSON',
  'VALIDATION_FAILED',
  'UNSUPPORTED_MEDIA_TYPE',
  'PAYLOAD_TOO_LARGE',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNKNOWN_PERSON',
  'UNKNOWN_EVENT',
  'UNKNOWN_SURVEY',
  'UNKNOWN_SEGMENT',
  'EXIT_ALREADY_OPEN',
  'SURVEY_EXISTS',
  'SURVEY_ARCHIVED',
  'INTERNAL',
  'UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** An error the API answers with: status, code, a message that says what to do, and per-field issues. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues: readonly ApiIssue[] = [],
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ApiError, headers: Record<string, string> = {}): void {
  const body = { error: { code: error.code, message: error.message, ...(error.issues.length > 0 ? { issues: error.issues } : {}), ...error.details } };
  // A body refused before it was all read (too large, wrong type) goes with the connection: say so,
  // or a client reuses the connection and its next request is reset.
  const close: Record<string, string> = res.req.complete ? {} : { connection: 'close' };
  sendJson(res, error.status, body, { ...close, ...headers });
}

/** Reads a JSON body up to `limit` bytes; refuses other media types, oversize bodies and bad JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return (await readJsonText(req, limit)).json;
}

/** A JSON body as sent (the text a signature covers) and parsed. */
export async function readJsonText(req: IncomingMessage, limit: number): Promise<{ text: string; json: unknown }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send the body as JSON with Content-Type: application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes: send fewer items per request`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch {
    throw new ApiError(400, 'INVALID_JSON', 'the body is not valid JSON');
  }
}

/** zod issues as `people[3].email`-style paths. */
export function issuePath(path: readonly PropertyKey[]): string {
  return (
    path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? String(part) : `${out}.${String(part)}`), '') || '(body)'
  );
}

/** `value` checked by `schema`, or a 400 `VALIDATION_FAILED` with every issue at its path. */
export function parseOr400<T>(schema: ZodType<T>, value: unknown, message = 'the body is not valid: see issues'): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    400,
    'VALIDATION_FAILED',
    message,
    parsed.error.issues.map((i) => ({ path: issuePath(i.path), message: i.message })),
  );
}
