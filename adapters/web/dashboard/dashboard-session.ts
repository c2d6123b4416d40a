import type { IncomingMessage } from 'node:http';
import type { Pulse } from '../../../src/pulse/index.js';
import { csrfMatches, type WebSession } from '../../../src/pulse/index.js';
import { DASHBOARD_LINK_HOURS, verifyDashboardToken } from '../dashboard-link.js';
import { cookie } from '../http-util.js';

/**
 * Dashboard sign-in, server-side: a signed link (from the bot, or from OpenID Connect sign-in)
 * is exchanged ONCE for a session; the browser keeps only the session's random id. Sessions end
 * after DASHBOARD_LINK_HOURS, at logout, or when revoked (`npx pulsebot sessions revoke`).
 */

export const SESSION_COOKIE = 'pulse_dash';
const SESSION_HOURS = DASHBOARD_LINK_HOURS;
const MAX_FORM_BYTES = 8_192;

export type LinkExchange = { readonly kind: 'ok'; readonly cookie: string } | { readonly kind: 'bad' } | { readonly kind: 'used' };

/** Trades a sign-in link's token for a session cookie: once per link. */
export async function exchangeLink(pulse: Pulse, secret: string, token: string, cookiePath: string, secure: boolean): Promise<LinkExchange> {
  const now = pulse.clock.now();
  const claims = verifyDashboardToken(secret, token, now);
  if (claims === null) return { kind: 'bad' };
  if (!(await pulse.access.sessions.useLink(token, new Date(claims.expiresAt * 1000)))) return { kind: 'used' };
  const expiresAt = now.plus({ hours: SESSION_HOURS }).toJSDate();
  const { id } = await pulse.access.sessions.create(claims.person, expiresAt);
  const maxAge = Math.floor((expiresAt.getTime() - now.toMillis()) / 1000);
  return { kind: 'ok', cookie: `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Lax; Path=${cookiePath}; Max-Age=${maxAge}${secure ? '; Secure' : ''}` };
}

/** Clears the session cookie. */
export const clearedCookie = (cookiePath: string, secure: boolean): string =>
  `${SESSION_COOKIE}=; HttpOnly; SameSite=Lax; Path=${cookiePath}; Max-Age=0${secure ? '; Secure' : ''}`;

/** The live session of this request; null when none (or revoked, or expired). */
export async function sessionOf(pulse: Pulse, req: IncomingMessage): Promise<{ id: string; session: WebSession } | null> {
  const id = cookie(req, SESSION_COOKIE);
  if (id === null) return null;
  const session = await pulse.access.sessions.get(id);
  return session === null ? null : { id, session };
}

const forms = new WeakMap<IncomingMessage, Promise<URLSearchParams | null>>();

/**
 * A form post's fields, read once per request (the CSRF check and the route read the same body);
 * null when the request is not a form or is over MAX_FORM_BYTES.
 */
export function formBody(req: IncomingMessage): Promise<URLSearchParams | null> {
  let body = forms.get(req);
  if (body === undefined) {
    body = (async () => {
      if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return null;
      let text = '';
      for await (const chunk of req as AsyncIterable<Buffer>) {
        text += chunk.toString('utf8');
        if (text.length > MAX_FORM_BYTES) return null;
      }
      return new URLSearchParams(text);
    })();
    forms.set(req, body);
  }
  return body;
}

async function formField(req: IncomingMessage, name: string): Promise<string | null> {
  return (await formBody(req))?.get(name) ?? null;
}

/**
 * Whether a state-changing request comes from this session's own dashboard page: the browser
 * says it is same-origin (Sec-Fetch-Site, Origin against the public address) and it carries the
 * session's CSRF token (a form field or the X-CSRF-Token header).
 */
export async function sameSiteWithToken(req: IncomingMessage, session: WebSession, publicOrigin: string): Promise<boolean> {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== publicOrigin) return false;
  const header = req.headers['x-csrf-token'];
  const given = typeof header === 'string' ? header : await formField(req, 'csrf');
  return csrfMatches(session, given);
}
