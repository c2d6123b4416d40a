import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignInConfig } from '../../../src/config-signin.js';
import { resolveLocale, type Locale } from '../../../src/domain/i18n/locale.js';
import { t } from '../../../src/domain/i18n/translate.js';
import type { Pulse } from '../../../src/pulse/index.js';
import { signDashboardToken } from '../dashboard-link.js';
import { cookie, sendHtml } from '../http-util.js';
import { OidcSignIn, providersOf, SignInError, type SignInFailure, type SignInProvider } from './oidc-client.js';
import { openPending, PENDING_LOGIN_SECONDS, sealPending } from './pending-login.js';
import { signInPage, type SignInChoice } from './sign-in-page.js';

export const SIGN_IN_PATH = '/auth';
const COOKIE = 'pulse_signin';

export interface SignInOptions {
  readonly pulse: Pulse;
  readonly secret: string;
  readonly publicUrl: string;
  readonly config: SignInConfig;
}

const STATUS: Record<SignInFailure, number> = {
  expired_or_replayed: 400,
  refused_by_provider: 403,
  invalid_token: 401,
  unavailable: 502,
  not_in_directory: 403,
};

function browserLocale(req: IncomingMessage, fallback: Locale): Locale {
  return resolveLocale(req.headers['accept-language']?.split(/[,;]/)[0] ?? null, fallback);
}

/**
 * `/auth`: sign in to the dashboard with Slack or Microsoft Entra ID (OpenID Connect). A
 * signed-in account that is a person in the directory gets the same personal dashboard link
 * `/pulse dashboard` sends, which the dashboard trades for its session; roles are checked there on
 * every request. The signed chat links keep working beside this.
 */
export function createSignInListener(o: SignInOptions) {
  const providers = providersOf(o.config);
  const flow = new OidcSignIn(o.publicUrl);
  const secure = o.publicUrl.startsWith('https://');
  const pendingCookie = (value: string, maxAge: number) =>
    `${COOKIE}=${encodeURIComponent(value)}; HttpOnly; SameSite=Lax; Path=${SIGN_IN_PATH}; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

  const choices = (locale: Locale): SignInChoice[] =>
    providers.map((p) => ({
      href: `${SIGN_IN_PATH}/start/${encodeURIComponent(p.key)}`,
      label:
        p.kind === 'slack'
          ? t(locale, 'signin.slack')
          : providers.filter((q) => q.kind === 'entra').length > 1
            ? t(locale, 'signin.entraTenant', { tenant: p.key.slice('entra:'.length) })
            : t(locale, 'signin.entra'),
    }));

  const fail = (res: ServerResponse, locale: Locale, error: SignInError, clear: boolean) => {
    o.pulse.logger.warn({ failure: error.failure, detail: error.message.slice(0, 200) }, 'dashboard sign-in refused');
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...(clear ? { 'set-cookie': pendingCookie('', 0) } : {}) };
    sendHtml(
      res,
      STATUS[error.failure],
      signInPage(locale, t(locale, `signin.failed.${error.failure}`), [{ href: SIGN_IN_PATH, label: t(locale, 'signin.again') }]),
      headers,
    );
  };

  const start = async (res: ServerResponse, locale: Locale, provider: SignInProvider) => {
    try {
      const attempt = await flow.start(provider);
      const expires = Math.floor(o.pulse.clock.now().toSeconds()) + PENDING_LOGIN_SECONDS;
      const sealed = sealPending(o.secret, { p: provider.key, s: attempt.state, n: attempt.nonce, v: attempt.verifier, e: expires });
      res.writeHead(302, { location: attempt.url.href, 'set-cookie': pendingCookie(sealed, PENDING_LOGIN_SECONDS), 'cache-control': 'no-store' });
      res.end();
    } catch (error) {
      if (error instanceof SignInError) return fail(res, locale, error, false);
      throw error;
    }
  };

  const callback = async (req: IncomingMessage, res: ServerResponse, locale: Locale, provider: SignInProvider, url: URL) => {
    try {
      const pending = openPending(o.secret, cookie(req, COOKIE), o.pulse.clock.now().toSeconds());
      if (pending === null || pending.p !== provider.key) throw new SignInError('expired_or_replayed', 'no sign-in under way in this browser');
      const person = await flow.finish(provider, new URL(`${o.publicUrl}${url.pathname}${url.search}`), {
        state: pending.s,
        nonce: pending.n,
        verifier: pending.v,
      });
      const actor = await o.pulse.access.actor(person);
      if (actor.person === null || !actor.person.active) throw new SignInError('not_in_directory', 'the account is not an active person in the directory');
      const token = signDashboardToken(o.secret, person, o.pulse.clock.now());
      res.writeHead(303, { location: `/dashboard?t=${encodeURIComponent(token)}`, 'set-cookie': pendingCookie('', 0), 'cache-control': 'no-store' });
      res.end();
    } catch (error) {
      if (error instanceof SignInError) return fail(res, locale, error, true);
      throw error;
    }
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const locale = browserLocale(req, o.pulse.settings.defaultLocale);
    try {
      if (req.method !== 'GET') {
        res.writeHead(405, { allow: 'GET' });
        res.end();
        return;
      }
      const [, , step, key] = url.pathname.split('/');
      const provider = providers.find((p) => p.key === decodeURIComponent(key ?? ''));
      if (step === undefined || step === '') {
        return sendHtml(res, 200, signInPage(locale, t(locale, providers.length > 0 ? 'signin.intro' : 'signin.none'), choices(locale)), {
          'cache-control': 'no-store',
        });
      }
      if (provider !== undefined && step === 'start') return await start(res, locale, provider);
      if (provider !== undefined && step === 'callback') return await callback(req, res, locale, provider, url);
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found' }));
    } catch (error) {
      o.pulse.logger.error({ err: error, adapter: 'web' }, 'sign-in failed');
      if (!res.headersSent) fail(res, locale, new SignInError('unavailable', 'unexpected'), false);
    }
  };
}
