import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import { catalogFor, t } from '../../src/domain/i18n/translate.js';
import type { ManualClock } from '../../src/ports/clock.js';
import { DEMO_TEAMS, WEB_TENANT, type PersonDoc, type Pulse } from '../../src/pulse/index.js';
import { chatView, executeCardAction, executeRepliesAction } from './chat-cards.js';
import type { ChangeFeed } from './dashboard/change-feed.js';
import { readJson, sendError, sendHtml, sendJson, staticPage, WebError, unexpectedError } from './http-util.js';
import type { Inbox } from './inbox.js';
import { replyTo } from './web-commands.js';

export const PLAYGROUND_PATH = '/playground';
export const WEB_API = '/web/api';

export interface PlaygroundOptions {
  readonly pulse: Pulse;
  readonly clock: ManualClock;
  readonly inbox: Inbox;
  readonly changes: ChangeFeed;
  readonly dashboardUrl: (person: string) => string | null;
}

const personField = z.string().min(1).max(200);
const actionBody = z.object({ person: personField, messageId: z.uuid(), verb: z.string().max(64).optional(), data: z.record(z.string(), z.unknown()) });
const sayBody = z.object({ person: personField, text: z.string().min(1).max(500) });
const forwardBody = z.object({ hours: z.union([z.literal(1), z.literal(24), z.literal(168)]) });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new WebError(400, 'VALIDATION_FAILED');
  return result.data;
}

/** A display name from a demo user id: `ada-lovelace` → `Ada Lovelace`. */
export const displayName = (userId: string) =>
  userId
    .split(/[-_.]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

async function webPerson(o: PlaygroundOptions, key: string): Promise<PersonDoc> {
  const person = await o.pulse.directory.person(key);
  if (person === null || person.platform !== 'web' || person.tenant !== WEB_TENANT || !person.active) throw new WebError(404, 'UNKNOWN_PERSON');
  return person;
}

const localeOf = (o: PlaygroundOptions, person: PersonDoc): Locale => resolveLocale(person.locale, o.pulse.settings.defaultLocale);

async function people(o: PlaygroundOptions) {
  const names = new Map((await o.pulse.directory.segments()).map((s) => [s._id, s.name]));
  const docs = await o.pulse.directory.peopleOf('web', WEB_TENANT);
  return docs.map((p) => ({
    key: p._id,
    name: displayName(p.userId),
    email: p.email,
    team: p.segment === null ? null : (names.get(p.segment) ?? p.segment),
    roles: p.roles,
    leads: p.leads.map((s) => names.get(s) ?? s),
    timezone: p.timezone,
  }));
}

async function forward(o: PlaygroundOptions, hours: number) {
  const report = await o.pulse.playground.fastForward(o.clock, hours);
  o.changes.notify();
  const now = o.clock.now().setZone(o.pulse.settings.defaultTimezone);
  const text = t(o.pulse.settings.defaultLocale, 'web.ui.ff.done', { now: now.toFormat('yyyy-LL-dd HH:mm'), ...report });
  return { now: now.toISO(), report, text };
}

/** The playground's chat and clock API (playground mode only: anyone on this computer may be anyone). */
export function createPlaygroundListener(o: PlaygroundOptions) {
  // The demo directory's names, for the identifying-comment warning (memory only, as the syncs'):
  // the playground's people are not synced from a platform.
  o.pulse.directory.names?.replace(
    'web',
    WEB_TENANT,
    DEMO_TEAMS.flatMap((team) => team.people.map(displayName)),
  );
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const route = `${req.method ?? 'GET'} ${path}`;
    try {
      switch (route) {
        case `GET ${PLAYGROUND_PATH}`: {
          const locale = o.pulse.settings.defaultLocale;
          return sendHtml(res, 200, (await staticPage('playground.html')).replace('%LANG%', locale).replace('%TITLE%', t(locale, 'web.ui.title')));
        }
        case `GET ${WEB_API}/people`:
          return sendJson(res, 200, { people: await people(o) });
        case `GET ${WEB_API}/state`:
          return sendJson(res, 200, { now: o.clock.now().toUTC().toISO(), timezone: o.pulse.settings.defaultTimezone });
        case `GET ${WEB_API}/chat`: {
          const person = await webPerson(o, url.searchParams.get('person') ?? '');
          return sendJson(res, 200, { messages: await chatView(o.pulse, person._id, o.inbox.list(person._id)) });
        }
        case `POST ${WEB_API}/action`: {
          const body = parse(actionBody, await readJson(req));
          const person = await webPerson(o, body.person);
          const entry = o.inbox.get(person._id, body.messageId);
          if (entry?.replies !== undefined) {
            const replies = await executeRepliesAction(o.pulse, person._id, entry.replies, body.verb, body.data);
            if (replies.status === 'invalid') throw new WebError(400, 'INVALID_ACTION');
            return sendJson(res, 200, { card: replies.card });
          }
          if (entry?.prompt === undefined) throw new WebError(404, 'UNKNOWN_MESSAGE');
          const outcome = await executeCardAction(o.pulse, person._id, entry.prompt, body.data, o.pulse.directory.names?.namesFor(person._id) ?? []);
          if (outcome.status === 'invalid') throw new WebError(400, 'INVALID_ACTION');
          // A written comment: its replies control goes into the chat as a message of its own (as in Teams).
          if (outcome.commented !== undefined)
            o.inbox.add(person._id, {
              from: 'bot',
              at: o.clock.now().toUTC().toISO() ?? '',
              replies: { link: outcome.commented, locale: entry.prompt.locale },
            });
          o.changes.notify();
          return sendJson(res, 200, { card: outcome.card });
        }
        case `POST ${WEB_API}/say`: {
          const body = parse(sayBody, await readJson(req));
          const person = await webPerson(o, body.person);
          const at = () => o.clock.now().toUTC().toISO() ?? '';
          o.inbox.add(person._id, { from: 'me', at: at(), text: body.text });
          const reply = await replyTo({ pulse: o.pulse, dashboardUrl: o.dashboardUrl }, person._id, localeOf(o, person), body.text);
          o.inbox.add(person._id, { from: 'bot', at: at(), text: reply });
          return sendJson(res, 200, { reply });
        }
        case `POST ${WEB_API}/fast-forward`:
          return sendJson(res, 200, await forward(o, parse(forwardBody, await readJson(req)).hours));
        case `GET ${WEB_API}/events`: {
          const person = url.searchParams.get('person') ?? '';
          res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
          res.write('retry: 2000\n\n');
          const listener = (changed: string) => {
            if (changed === person) res.write('event: changed\ndata: {}\n\n');
          };
          o.inbox.on('changed', listener);
          req.on('close', () => o.inbox.off('changed', listener));
          return;
        }
        default:
          throw new WebError(404, 'NOT_FOUND');
      }
    } catch (error) {
      if (error instanceof WebError) return sendError(res, error);
      o.pulse.logger.error({ err: error, adapter: 'web' }, 'playground request failed');
      if (!res.headersSent) sendError(res, unexpectedError(error));
    }
  };
}

/** The catalog texts the web pages show (`web.*`, plus the few shared ones), for one language. */
export function webTexts(locale: Locale): Record<string, string> {
  const catalog = catalogFor(locale) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(catalog).filter(([key]) => key.startsWith('web.ui.') || key.startsWith('web.dash.') || key.startsWith('web.surveys.')),
  );
}
