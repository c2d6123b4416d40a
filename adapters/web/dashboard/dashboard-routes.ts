import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveLocale, type Locale } from '../../../src/domain/i18n/locale.js';
import { t } from '../../../src/domain/i18n/translate.js';
import { isHr, resultScope } from '../../../src/domain/roles.js';
import { loadActor } from '../../../src/services/actors.js';
import type { ServiceDeps } from '../../../src/services/deps.js';
import { verifyDashboardToken } from '../dashboard-link.js';
import { cookie, sendError, sendHtml, sendJson, staticPage, WebError, unexpectedError } from '../http-util.js';
import { dashboardModel } from './results-source.js';
import { escapeMarkup } from '../../../src/services/escape-markup.js';
import { renderDashboard } from './dashboard-view.js';
import { openExitActivity, viewDigest, type ChangeFeed } from './change-feed.js';

export const DASHBOARD_PATH = '/dashboard';
const COOKIE = 'pulse_dash';

export interface DashboardOptions {
  readonly deps: ServiceDeps;
  readonly secret: string;
  /** Playground: the dashboard is open (the whole organisation), as the chat is. */
  readonly playground: boolean;
  /** Cookies only over HTTPS when the public address is HTTPS. */
  readonly secureCookie: boolean;
  readonly changes: ChangeFeed;
}

interface Viewer {
  readonly scope: 'all' | readonly string[];
  readonly hr: boolean;
  readonly locale: Locale;
  /** Seconds since the epoch when the sign-in ends (null in the playground). */
  readonly until: number | null;
}

/** Who is looking, from the signed cookie; null when nobody (or nobody allowed) is signed in. */
async function viewerOf(o: DashboardOptions, req: IncomingMessage): Promise<Viewer | null | 'forbidden'> {
  const fallback = o.deps.settings.defaultLocale;
  if (o.playground) return { scope: 'all', hr: true, locale: fallback, until: null };
  const token = cookie(req, COOKIE);
  const claims = token === null ? null : verifyDashboardToken(o.secret, token, o.deps.clock.now());
  if (claims === null) return null;
  const actor = await loadActor(o.deps, claims.person);
  const scope = resultScope(actor);
  if (actor.person?.active === false || (scope !== 'all' && scope.length === 0)) return 'forbidden';
  return { scope, hr: isHr(actor), locale: resolveLocale(actor.person?.locale ?? null, fallback), until: claims.expiresAt };
}

function page(o: DashboardOptions, locale: Locale, message: string | null): Promise<string> {
  return staticPage('dashboard.html').then((html) =>
    html.replace('%LANG%', locale).replace('%TITLE%', escapeMarkup(t(locale, 'web.dash.title'))).replace('%MESSAGE%', message === null ? '' : `<p class="notice" data-testid="notice">${escapeMarkup(message)}</p>`),
  );
}

/**
 * The live-update feed: an event only when what THIS viewer's dashboard shows has changed (their
 * scope, their roles now), never for anything outside it, such as an exit answer for a leader.
 * The viewer is checked again each time: when they may no longer look, the feed ends.
 */
async function events(o: DashboardOptions, req: IncomingMessage, res: ServerResponse, viewer: Viewer): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write('retry: 3000\n\n');
  const view = async (): Promise<string | null> => {
    const now = await viewerOf(o, req);
    if (now === null || now === 'forbidden' || (viewer.until !== null && viewer.until <= o.deps.clock.now().toSeconds())) return null;
    return viewDigest([await dashboardModel(o.deps, now.scope, now.hr), now.hr ? await openExitActivity(o.deps) : null]);
  };
  const stop = o.changes.subscribe(
    view,
    () => res.write('event: changed\ndata: {}\n\n'),
    () => res.end(),
    () => res.write(': ready\n\n'),
  );
  req.on('close', stop);
  await Promise.resolve();
}

export function createDashboardListener(o: DashboardOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    try {
      if (req.method !== 'GET') throw new WebError(405, 'METHOD_NOT_ALLOWED');
      // The link the bot sent: trade its token for a cookie and drop it from the address bar.
      const token = url.searchParams.get('t');
      if (path === DASHBOARD_PATH && token !== null && !o.playground) {
        const claims = verifyDashboardToken(o.secret, token, o.deps.clock.now());
        const locale = o.deps.settings.defaultLocale;
        if (claims === null) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.badLink')));
        const maxAge = Math.max(0, Math.floor(claims.expiresAt - o.deps.clock.now().toSeconds()));
        const flags = `HttpOnly; SameSite=Lax; Path=${DASHBOARD_PATH}; Max-Age=${maxAge}${o.secureCookie ? '; Secure' : ''}`;
        res.writeHead(303, { location: DASHBOARD_PATH, 'set-cookie': `${COOKIE}=${encodeURIComponent(token)}; ${flags}`, 'cache-control': 'no-store' });
        res.end();
        return;
      }
      const viewer = await viewerOf(o, req);
      if (path === DASHBOARD_PATH) {
        const locale = viewer !== null && viewer !== 'forbidden' ? viewer.locale : o.deps.settings.defaultLocale;
        if (viewer === null) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.signIn')));
        if (viewer === 'forbidden') return sendHtml(res, 403, await page(o, locale, t(locale, 'web.dash.notAllowed')));
        return sendHtml(res, 200, await page(o, locale, null));
      }
      if (viewer === null) throw new WebError(401, 'UNAUTHORIZED');
      if (viewer === 'forbidden') throw new WebError(403, 'NOT_AUTHORIZED');
      switch (path) {
        case `${DASHBOARD_PATH}/data`:
          return sendJson(res, 200, await dashboardModel(o.deps, viewer.scope, viewer.hr));
        case `${DASHBOARD_PATH}/view`: {
          const model = await dashboardModel(o.deps, viewer.scope, viewer.hr);
          const now = o.deps.clock.now().setZone(o.deps.settings.defaultTimezone).toFormat('yyyy-LL-dd HH:mm:ss');
          return sendHtml(res, 200, renderDashboard(model, viewer.locale, now));
        }
        case `${DASHBOARD_PATH}/events`:
          return await events(o, req, res, viewer);
        default:
          throw new WebError(404, 'NOT_FOUND');
      }
    } catch (error) {
      if (error instanceof WebError) return sendError(res, error);
      o.deps.logger.error({ err: error, adapter: 'web' }, 'dashboard request failed');
      if (!res.headersSent) sendError(res, unexpectedError(error));
    }
  };
}
