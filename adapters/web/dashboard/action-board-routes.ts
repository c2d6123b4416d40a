import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_DUE_DAYS } from '../../../src/domain/action-plan.js';
import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import { DRIVERS, type Driver } from '../../../src/domain/drivers.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import { t } from '../../../src/domain/i18n/translate.js';
import { planFormError } from '../../../src/domain/plan-errors.js';
import { operator, type PersonKey, type Pulse } from '../../../src/pulse/index.js';
import { sendHtml, WebError } from '../http-util.js';
import { ACTIONS_PATH, renderActionBoard } from './action-board-view.js';
import { formBody } from './dashboard-session.js';

export { ACTIONS_PATH };

export interface BoardViewer {
  readonly person: PersonKey | null;
  readonly scope: 'all' | readonly string[];
  readonly hr: boolean;
  readonly locale: Locale;
  readonly csrf: string | null;
}

/** The groups a viewer may commit for: every group for HR, else those they lead and everything under them. */
async function groupsOf(pulse: Pulse, viewer: BoardViewer): Promise<{ id: string; name: string }[]> {
  const segments = await pulse.directory.segments();
  const children = new Map<string, string[]>();
  for (const s of segments) children.set(s.parentId ?? ORG_ROOT, [...(children.get(s.parentId ?? ORG_ROOT) ?? []), s._id]);
  const names = new Map(segments.map((s) => [s._id, s.name]));
  const roots = viewer.scope === 'all' ? [ORG_ROOT] : viewer.scope;
  const out: string[] = [];
  const walk = (id: string) => {
    if (out.includes(id)) return;
    out.push(id);
    for (const child of children.get(id) ?? []) walk(child);
  };
  roots.forEach(walk);
  return out
    .filter((id) => id === ORG_ROOT || names.has(id))
    .map((id) => ({ id, name: id === ORG_ROOT ? t(viewer.locale, 'results.org') : (names.get(id) ?? id) }));
}

async function board(pulse: Pulse, res: ServerResponse, viewer: BoardViewer, status: number, notice: string | null): Promise<void> {
  const caller = viewer.person ?? operator('web', 'playground');
  const now = pulse.clock.now().setZone(pulse.settings.defaultTimezone);
  const html = renderActionBoard({
    locale: viewer.locale,
    actions: await pulse.actions.list(caller),
    groups: await groupsOf(pulse, viewer),
    leaders: viewer.hr ? await pulse.actions.leaderLoad(caller) : null,
    csrf: viewer.csrf,
    notice,
    today: now.toISODate() ?? '',
    defaultDue: now.plus({ days: DEFAULT_DUE_DAYS }).toISODate() ?? '',
  });
  sendHtml(res, status, html);
}

/**
 * The action board (issue #19): `GET /dashboard/actions` shows it; `POST /dashboard/actions`
 * commits a new action and `POST /dashboard/actions/{id}` changes one, as forms from the board
 * itself (CSRF checked by `fromPage`), answered 303 back to the board, or 400 with what to fix.
 */
export async function actionBoard(
  pulse: Pulse,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  viewer: BoardViewer,
  fromPage: (req: IncomingMessage) => Promise<boolean>,
  saved: boolean,
): Promise<void> {
  if (req.method === 'GET' && path === ACTIONS_PATH) return board(pulse, res, viewer, 200, saved ? t(viewer.locale, 'plan.board.saved') : null);
  if (req.method !== 'POST') throw new WebError(405, 'METHOD_NOT_ALLOWED');
  if (!(await fromPage(req))) throw new WebError(403, 'FORBIDDEN');
  const form = (await formBody(req)) ?? new URLSearchParams();
  const caller = viewer.person ?? operator('web', 'playground');
  try {
    if (path === ACTIONS_PATH) {
      const driver = form.get('driver') ?? '';
      await pulse.actions.commit(caller, {
        segment: form.get('segment') ?? '',
        driver: (DRIVERS as readonly string[]).includes(driver) ? (driver as Driver) : null,
        words: { text: form.get('words') ?? '' },
        dueDate: form.get('dueDate') ?? '',
      });
    } else {
      const id = decodeURIComponent(path.slice(ACTIONS_PATH.length + 1));
      const status = form.get('status');
      const dueDate = form.get('dueDate');
      await pulse.actions.change(caller, id, {
        ...(status === null ? {} : { status: status as never }),
        ...(dueDate === null || dueDate === '' ? {} : { dueDate }),
      });
    }
  } catch (error) {
    const refusal = planFormError(error);
    if (refusal === null) throw error;
    return board(
      pulse,
      res,
      viewer,
      refusal.key === 'plan.error.unknown' ? 404 : refusal.key === 'plan.error.notAllowed' ? 403 : 400,
      t(viewer.locale, refusal.key),
    );
  }
  res.writeHead(303, { location: `${ACTIONS_PATH}?saved=1`, 'cache-control': 'no-store' });
  res.end();
}
