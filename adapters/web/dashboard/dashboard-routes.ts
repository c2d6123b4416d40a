import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveLocale, type Locale } from '../../../src/domain/i18n/locale.js';
import { t, translator } from '../../../src/domain/i18n/translate.js';
import { isHr, resultScope } from '../../../src/domain/roles.js';
import type { DashboardModel, PersonKey, Pulse } from '../../../src/pulse/index.js';
import { isDomainError } from '../../../src/domain/errors.js';
import { sendError, sendHtml, sendJson, staticPage, WebError, unexpectedError } from '../http-util.js';
import { clearedCookie, exchangeLink, sameSiteWithToken, sessionOf } from './dashboard-session.js';
import { escapeMarkup } from '../../../src/lib/escape-markup.js';
import { renderDashboard } from './dashboard-view.js';
import { trendSection } from './heatmap-view.js';
import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import { COMMENTS_PATH, commentReply } from './comment-reply-route.js';
import { ACTIONS_PATH, actionBoard } from './action-board-routes.js';
import { SURVEYS_PATH, surveyEditor, type PromptBlocks } from './survey-editor-routes.js';
import { viewDigest, type ChangeFeed } from './change-feed.js';

export const DASHBOARD_PATH = '/dashboard';
export const LOGOUT_PATH = `${DASHBOARD_PATH}/logout`;

export interface DashboardOptions {
  readonly pulse: Pulse;
  readonly secret: string;
  /** Playground: the dashboard is open (the whole organisation), as the chat is. */
  readonly playground: boolean;
  /** Cookies only over HTTPS when the public address is HTTPS. */
  readonly secureCookie: boolean;
  /** The public address's origin: state-changing requests must come from it. */
  readonly publicOrigin: string;
  readonly changes: ChangeFeed;
  /** Slack's drawing of a prompt, for the survey editor's preview (from the composition root); null: no Slack preview. */
  readonly slackBlocks: PromptBlocks | null;
}

interface Viewer {
  /** The signed-in person (null in the playground). */
  readonly person: PersonKey | null;
  readonly scope: 'all' | readonly string[];
  readonly hr: boolean;
  readonly locale: Locale;
  /** Seconds since the epoch when the session ends (null in the playground). */
  readonly until: number | null;
  /** The session's CSRF token, for the sign-out form (null in the playground). */
  readonly csrf: string | null;
}

/** Who is looking, from the session; null when nobody (or nobody allowed) is signed in. Roles are read again on every request. */
async function viewerOf(o: DashboardOptions, req: IncomingMessage): Promise<Viewer | null | 'forbidden'> {
  const fallback = o.pulse.settings.defaultLocale;
  if (o.playground) return { person: null, scope: 'all', hr: true, locale: fallback, until: null, csrf: null };
  const current = await sessionOf(o.pulse, req);
  if (current === null) return null;
  const actor = await o.pulse.access.actor(current.session.person);
  const scope = resultScope(actor);
  if (actor.person?.active === false || (scope !== 'all' && scope.length === 0)) return 'forbidden';
  return {
    person: current.session.person,
    scope,
    hr: isHr(actor),
    locale: resolveLocale(actor.person?.locale ?? null, fallback),
    until: Math.floor(current.session.expiresAt.getTime() / 1000),
    csrf: current.session.csrf,
  };
}

function page(o: DashboardOptions, locale: Locale, message: string | null, csrf: string | null = null): Promise<string> {
  const board = message === null ? `<a href="${ACTIONS_PATH}" data-testid="action-board-link">${escapeMarkup(t(locale, 'plan.board.link'))}</a>` : '';
  const signOut =
    csrf === null
      ? board
      : `${board}<form method="post" action="${LOGOUT_PATH}" class="sign-out"><input type="hidden" name="csrf" value="${escapeMarkup(csrf)}"><button type="submit" data-testid="sign-out">${escapeMarkup(t(locale, 'web.dash.signOut'))}</button></form>`;
  return staticPage('dashboard.html').then((html) =>
    html
      .replace('%LANG%', locale)
      .replace('%TITLE%', escapeMarkup(t(locale, 'web.dash.title')))
      .replace('%SIGNOUT%', signOut)
      .replace('%MESSAGE%', message === null ? '' : `<p class="notice" data-testid="notice">${escapeMarkup(message)}</p>`),
  );
}

/** `POST /dashboard/logout`: ends the session, from the dashboard page only (CSRF token and same origin). */
async function logout(o: DashboardOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = o.pulse.settings.defaultLocale;
  const current = await sessionOf(o.pulse, req);
  if (current === null) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.signIn')));
  if (!(await sameSiteWithToken(req, current.session, o.publicOrigin))) return sendHtml(res, 403, await page(o, locale, t(locale, 'web.dash.forbidden')));
  await o.pulse.access.sessions.revoke(current.id);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': clearedCookie(DASHBOARD_PATH, o.secureCookie), 'cache-control': 'no-store' });
  res.end(await page(o, locale, t(locale, 'web.dash.signedOut')));
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
    if (now === null || now === 'forbidden' || (viewer.until !== null && viewer.until <= o.pulse.clock.now().toSeconds())) return null;
    return viewDigest([await o.pulse.results.dashboard(now.scope, now.hr), now.hr ? await o.pulse.results.exitActivity() : null]);
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

/** A state-changing request from the dashboard's own pages: same origin, and (outside the playground) the session's CSRF token. */
async function fromPage(o: DashboardOptions, req: IncomingMessage): Promise<boolean> {
  if (!o.playground) {
    const current = await sessionOf(o.pulse, req);
    return current !== null && (await sameSiteWithToken(req, current.session, o.publicOrigin));
  }
  // The playground answers on loopback only (http-server.ts): its origin is whatever host the browser used.
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const sameHost = origin === undefined || URL.canParse(origin) ? origin === undefined || new URL(origin).host === req.headers.host : false;
  return (site === undefined || site === 'same-origin') && sameHost;
}

/** The survey editor's pages and calls, for HR and admins signed in to the dashboard. */
async function editor(o: DashboardOptions, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const viewer = await viewerOf(o, req);
  const locale = viewer !== null && viewer !== 'forbidden' ? viewer.locale : o.pulse.settings.defaultLocale;
  const isPage = req.method === 'GET' && path === SURVEYS_PATH;
  if (viewer === null) {
    if (isPage) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.signIn')));
    throw new WebError(401, 'UNAUTHORIZED');
  }
  if (viewer === 'forbidden' || !viewer.hr) {
    if (isPage) return sendHtml(res, 403, await page(o, locale, t(locale, 'web.surveys.notAllowed')));
    throw new WebError(403, 'NOT_AUTHORIZED');
  }
  await surveyEditor({ pulse: o.pulse, fromPage: (r) => fromPage(o, r), slackBlocks: o.slackBlocks }, req, res, path, viewer);
}

/** The viewer's dashboard; a `by` the viewer may not cut by is a 400 naming the parameter and the choices. */
async function dashboardFor(o: DashboardOptions, viewer: Viewer, by: string | undefined): Promise<DashboardModel> {
  try {
    return await o.pulse.results.dashboard(viewer.scope, viewer.hr, by);
  } catch (error) {
    if (isDomainError(error, 'INVALID_INPUT')) throw new WebError(400, 'INVALID_INPUT', error.message);
    throw error;
  }
}

export function createDashboardListener(o: DashboardOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    try {
      if (path === LOGOUT_PATH && !o.playground) {
        if (req.method !== 'POST') throw new WebError(405, 'METHOD_NOT_ALLOWED');
        return await logout(o, req, res);
      }
      if (path === SURVEYS_PATH || path.startsWith(`${SURVEYS_PATH}/`)) return await editor(o, req, res, path);
      if (path === ACTIONS_PATH || path.startsWith(`${ACTIONS_PATH}/`)) {
        const viewer = await viewerOf(o, req);
        const locale = viewer !== null && viewer !== 'forbidden' ? viewer.locale : o.pulse.settings.defaultLocale;
        if (viewer === null) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.signIn')));
        if (viewer === 'forbidden') return sendHtml(res, 403, await page(o, locale, t(locale, 'web.dash.notAllowed')));
        return await actionBoard(o.pulse, req, res, path, viewer, (r) => fromPage(o, r), url.searchParams.get('saved') === '1');
      }
      if (path.startsWith(`${COMMENTS_PATH}/`)) {
        const viewer = await viewerOf(o, req);
        if (viewer === null) throw new WebError(401, 'UNAUTHORIZED');
        if (viewer === 'forbidden') throw new WebError(403, 'NOT_AUTHORIZED');
        return await commentReply(o.pulse, req, res, path, viewer.person, (r) => fromPage(o, r));
      }
      if (req.method !== 'GET') throw new WebError(405, 'METHOD_NOT_ALLOWED');
      // The link the bot sent: trade its token, once, for a session and drop it from the address bar.
      const token = url.searchParams.get('t');
      if (path === DASHBOARD_PATH && token !== null && !o.playground) {
        const locale = o.pulse.settings.defaultLocale;
        const exchange = await exchangeLink(o.pulse, o.secret, token, DASHBOARD_PATH, o.secureCookie);
        if (exchange.kind === 'bad') return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.badLink')));
        if (exchange.kind === 'used') return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.linkUsed')));
        res.writeHead(303, { location: DASHBOARD_PATH, 'set-cookie': exchange.cookie, 'cache-control': 'no-store' });
        res.end();
        return;
      }
      const viewer = await viewerOf(o, req);
      if (path === DASHBOARD_PATH) {
        const locale = viewer !== null && viewer !== 'forbidden' ? viewer.locale : o.pulse.settings.defaultLocale;
        if (viewer === null) return sendHtml(res, 401, await page(o, locale, t(locale, 'web.dash.signIn')));
        if (viewer === 'forbidden') return sendHtml(res, 403, await page(o, locale, t(locale, 'web.dash.notAllowed')));
        return sendHtml(res, 200, await page(o, locale, null, viewer.csrf));
      }
      if (viewer === null) throw new WebError(401, 'UNAUTHORIZED');
      if (viewer === 'forbidden') throw new WebError(403, 'NOT_AUTHORIZED');
      // The heatmap's rows: groups, or the values of one attribute HR marked reportable (issue #20).
      const by = url.searchParams.get('by') ?? undefined;
      switch (path) {
        case `${DASHBOARD_PATH}/data`:
          return sendJson(res, 200, await dashboardFor(o, viewer, by));
        case `${DASHBOARD_PATH}/view`: {
          const model = await dashboardFor(o, viewer, by);
          const now = o.pulse.clock.now().setZone(o.pulse.settings.defaultTimezone).toFormat('yyyy-LL-dd HH:mm:ss');
          return sendHtml(res, 200, renderDashboard(model, viewer.locale, now));
        }
        case `${DASHBOARD_PATH}/trend`: {
          // A heatmap row's drill-down, only for a group this viewer's heatmap shows.
          const segment = url.searchParams.get('segment') ?? '';
          const trends = segment === '' ? null : await o.pulse.results.dashboardTrend(viewer.scope, segment);
          if (trends === null) throw new WebError(404, 'NOT_FOUND');
          const names = new Map((await o.pulse.directory.segments()).map((s) => [s._id, s.name]));
          const group = segment === ORG_ROOT ? t(viewer.locale, 'results.org') : (names.get(segment) ?? segment);
          return sendHtml(res, 200, trendSection(trends, group, translator(viewer.locale)));
        }
        case `${DASHBOARD_PATH}/events`:
          return await events(o, req, res, viewer);
        default:
          throw new WebError(404, 'NOT_FOUND');
      }
    } catch (error) {
      if (error instanceof WebError) return sendError(res, error);
      o.pulse.logger.error({ err: error, adapter: 'web' }, 'dashboard request failed');
      if (!res.headersSent) sendError(res, unexpectedError(error));
    }
  };
}
