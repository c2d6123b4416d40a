import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveLocale } from '../../src/domain/i18n/locale.js';
import type { SignInConfig } from '../../src/config-signin.js';
import type { Mount } from '../../src/ports/http.js';
import type { ChatPlatform } from '../../src/ports/chat-platform.js';
import type { ManualClock } from '../../src/ports/clock.js';
import type { Pulse } from '../../src/pulse/index.js';
import { createChangeFeed } from './dashboard/change-feed.js';
import { createDashboardListener, DASHBOARD_PATH } from './dashboard/dashboard-routes.js';
import type { PromptBlocks } from './dashboard/survey-editor-routes.js';
import { dashboardLink, signDashboardToken } from './dashboard-link.js';
import { sendAsset, sendError, sendJson, WebError, unexpectedError } from './http-util.js';
import { Inbox } from './inbox.js';
import { createPlaygroundListener, PLAYGROUND_PATH, WEB_API, webTexts } from './playground-routes.js';
import { createSignInListener, SIGN_IN_PATH } from './sign-in/sign-in-routes.js';
import { createWebPlatform } from './web-platform.js';

/** The web surface's settings (from PULSE_SECRET, PULSE_PUBLIC_URL and the sign-in variables). */
export interface WebConfig {
  readonly secret: string;
  readonly publicUrl: string;
  /** Dashboard sign-in with Slack / Entra ID (outside the playground). */
  readonly signIn?: SignInConfig | undefined;
}

export interface WebAdapterOptions {
  /** Playground mode: the web chat, the fast-forward clock, and an open dashboard. */
  readonly playground: { readonly clock: ManualClock } | null;
  /** Slack's drawing of a prompt, for the survey editor's preview (the composition root passes it: adapters never import one another). */
  readonly slackBlocks?: PromptBlocks;
}

export interface WebAdapter {
  /** The web chat platform (playground only). */
  readonly platform: ChatPlatform | null;
  readonly mounts: readonly Mount[];
  /** A signed dashboard link for a person (what `/pulse dashboard` sends). */
  dashboardUrl(person: string): string;
  /** Tells live dashboards to refresh. */
  notifyChange(): void;
  stop(): void;
}

/** The web surface: the playground chat (playground mode only) and the results dashboard. */
export function createWebAdapter(config: WebConfig, pulse: Pulse, options: WebAdapterOptions): WebAdapter {
  const o = { ...config, ...options };
  const changes = createChangeFeed(pulse);
  const inbox = new Inbox();
  const platform = o.playground ? createWebPlatform(inbox, o.playground.clock) : null;
  inbox.on('changed', () => changes.notify());
  const dashboardUrl = (person: string) => dashboardLink(o.publicUrl, signDashboardToken(o.secret, person, pulse.clock.now()));
  const dashboard = createDashboardListener({
    pulse,
    secret: o.secret,
    playground: o.playground !== null,
    secureCookie: o.publicUrl.startsWith('https://'),
    publicOrigin: new URL(o.publicUrl).origin,
    changes,
    slackBlocks: o.slackBlocks ?? null,
  });
  const playground = o.playground ? createPlaygroundListener({ pulse, clock: o.playground.clock, inbox, changes, dashboardUrl }) : null;

  const web = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && url.pathname.startsWith('/web/assets/')) {
        if (await sendAsset(res, url.pathname.slice('/web/assets/'.length))) return;
        throw new WebError(404, 'NOT_FOUND');
      }
      if (req.method === 'GET' && url.pathname === `${WEB_API}/texts`) {
        return sendJson(res, 200, webTexts(resolveLocale(url.searchParams.get('locale'), pulse.settings.defaultLocale)));
      }
      if (playground) return await playground(req, res);
      throw new WebError(404, 'NOT_FOUND');
    } catch (error) {
      if (error instanceof WebError) return sendError(res, error);
      pulse.logger.error({ err: error, adapter: 'web' }, 'web request failed');
      if (!res.headersSent) sendError(res, unexpectedError(error));
    }
  };
  function signInListener(config: SignInConfig): Mount['listener'] {
    const listener = createSignInListener({ pulse, secret: o.secret, publicUrl: o.publicUrl, config });
    return (req, res) => void listener(req, res);
  }
  const home = (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(302, { location: o.playground ? PLAYGROUND_PATH : DASHBOARD_PATH });
    res.end();
  };
  const mounts: Mount[] = [
    { prefix: '/web', listener: (req, res) => void web(req, res) },
    { prefix: DASHBOARD_PATH, listener: (req, res) => void dashboard(req, res) },
    ...(o.playground === null && o.signIn ? [{ prefix: SIGN_IN_PATH, listener: signInListener(o.signIn) }] : []),
    { prefix: '/', listener: home },
  ];
  if (playground) mounts.push({ prefix: PLAYGROUND_PATH, listener: (req, res) => void playground(req, res) });
  return { platform, mounts, dashboardUrl, notifyChange: () => changes.notify(), stop: () => changes.stop() };
}
