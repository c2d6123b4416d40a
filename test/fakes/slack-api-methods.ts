/**
 * The Slack Web API methods the fake answers: each takes the parsed parameters and the fake's state
 * and returns the JSON body Slack would send (always HTTP 200, `ok: true|false`).
 */
import { checkPng } from '../support/png.js';
import type { FakeSlackState, Params, PostedMessage, SlackResponse, SlackUserFixture } from './slack-api-types.js';

type Handler = (params: Params, state: FakeSlackState) => SlackResponse;

const BOT_ID = 'B0BOT';
const APP_ID = 'A0APP';
const MAX_BLOCKS = 50;

function fail(error: string, messages?: string[]): SlackResponse {
  return messages === undefined ? { ok: false, error } : { ok: false, error, response_metadata: { messages } };
}

export function stringParam(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function flagParam(params: Params, key: string): boolean {
  const value = params[key];
  return value === true || value === 1 || value === 'true' || value === '1';
}

function intParam(params: Params, key: string): number | undefined {
  const text = stringParam(params, key);
  const value = text === undefined ? Number.NaN : Number.parseInt(text, 10);
  return Number.isFinite(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A user id (U…/W…) becomes its DM channel D<id>; a D… id names the DM of the user id after the D. */
function resolveChannel(channel: string): { channel: string; user?: string } {
  if (/^[UW]/.test(channel)) return { channel: `D${channel}`, user: channel };
  if (channel.startsWith('D') && channel.length > 1) return { channel, user: channel.slice(1) };
  return { channel };
}

type Content = { text?: string; blocks?: unknown[]; attachments?: unknown[]; metadata?: unknown };

/** Reads text/blocks/attachments/metadata, answering Slack's error when blocks are malformed. */
function readContent(params: Params): Content | SlackResponse {
  const content: Content = {};
  const text = stringParam(params, 'text');
  if (text !== undefined) content.text = text;
  if (params.blocks !== undefined) {
    if (!Array.isArray(params.blocks)) return fail('invalid_blocks_format');
    if (params.blocks.length > MAX_BLOCKS) {
      return fail('invalid_blocks', [`[ERROR] no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`]);
    }
    content.blocks = params.blocks;
  }
  if (Array.isArray(params.attachments)) content.attachments = params.attachments;
  if (params.metadata !== undefined) content.metadata = params.metadata;
  return content;
}

function isFailure(value: Content | SlackResponse): value is SlackResponse {
  return 'ok' in value;
}

function hasContent(content: Content): boolean {
  return (content.text ?? '') !== '' || (content.blocks?.length ?? 0) > 0 || (content.attachments?.length ?? 0) > 0;
}

function messageBody(state: FakeSlackState, message: PostedMessage): Record<string, unknown> {
  return {
    type: 'message',
    text: message.text ?? '',
    ...(message.blocks === undefined ? {} : { blocks: message.blocks }),
    ...(message.metadata === undefined ? {} : { metadata: message.metadata }),
    user: state.botUserId,
    bot_id: BOT_ID,
    app_id: APP_ID,
    team: state.teamId,
    ts: message.ts,
  };
}

/** A users.list / users.info member: `locale` only with include_locale, like Slack. */
function member(user: SlackUserFixture, state: FakeSlackState, includeLocale: boolean): Record<string, unknown> {
  const { locale, profile, ...rest } = user;
  const realName = user.real_name ?? user.name ?? user.id;
  return {
    name: user.id.toLowerCase(),
    deleted: false,
    is_bot: false,
    is_app_user: false,
    is_restricted: false,
    is_ultra_restricted: false,
    ...rest,
    team_id: state.teamId,
    real_name: realName,
    profile: { real_name: realName, display_name: user.name ?? '', ...profile, team: state.teamId },
    ...(includeLocale && locale !== undefined ? { locale } : {}),
  };
}

function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function storeView(state: FakeSlackState, id: string, view: Record<string, unknown>): Record<string, unknown> {
  const stored: Record<string, unknown> = {
    blocks: [],
    private_metadata: '',
    callback_id: '',
    external_id: '',
    state: { values: {} },
    clear_on_close: false,
    notify_on_close: false,
    root_view_id: id,
    previous_view_id: null,
    app_id: APP_ID,
    bot_id: BOT_ID,
    ...view,
    id,
    team_id: state.teamId,
    hash: `1700000000.${state.nextId('h')}`,
  };
  state.views.set(id, stored);
  return stored;
}

const handlers: [string, Handler][] = [
  // The OAuth v2 code exchange: any code works; the installation is for the fake's team.
  [
    'oauth.v2.access',
    (p, s) => {
      const code = stringParam(p, 'code');
      if (!code || !stringParam(p, 'client_id') || s.usedCodes.has(code)) return fail('invalid_code');
      s.usedCodes.add(code);
      return {
        ok: true,
        app_id: APP_ID,
        authed_user: { id: 'UINSTALLER' },
        scope: 'chat:write,commands,users:read,users:read.email,usergroups:read',
        token_type: 'bot',
        access_token: `xoxb-installed-${s.teamId}`,
        bot_user_id: s.botUserId,
        team: { id: s.teamId, name: 'Test Team' },
        enterprise: null,
        is_enterprise_install: false,
      };
    },
  ],
  [
    'auth.test',
    (_p, s) => ({
      ok: true,
      url: 'https://test-team.slack.com/',
      team: 'Test Team',
      team_id: s.teamId,
      user: 'pulsebot',
      user_id: s.botUserId,
      bot_id: BOT_ID,
      is_enterprise_install: false,
    }),
  ],
  [
    'users.list',
    (p, s) => {
      const limit = intParam(p, 'limit');
      const size = limit !== undefined && limit > 0 ? Math.min(limit, s.pageSize) : s.pageSize;
      const cursor = stringParam(p, 'cursor') ?? '';
      const offset = cursor === '' ? 0 : decodeCursor(cursor);
      if (offset === undefined) return fail('invalid_cursor');
      const includeLocale = flagParam(p, 'include_locale');
      const members = s.users.slice(offset, offset + size).map((user) => member(user, s, includeLocale));
      const next = offset + size < s.users.length ? encodeCursor(offset + size) : '';
      return { ok: true, members, cache_ts: 1700000000, response_metadata: { next_cursor: next } };
    },
  ],
  [
    'users.info',
    (p, s) => {
      const user = s.users.find((candidate) => candidate.id === stringParam(p, 'user'));
      return user === undefined ? fail('user_not_found') : { ok: true, user: member(user, s, flagParam(p, 'include_locale')) };
    },
  ],
  [
    'usergroups.list',
    (p, s) => ({
      ok: true,
      usergroups: s.usergroups.map((group) => ({
        id: group.id,
        team_id: s.teamId,
        handle: group.handle,
        name: group.name,
        user_count: group.users.length,
        ...(flagParam(p, 'include_users') ? { users: [...group.users] } : {}),
      })),
    }),
  ],
  [
    'usergroups.users.list',
    (p, s) => {
      const id = stringParam(p, 'usergroup');
      if (id === undefined || id === '') return fail('invalid_arguments');
      const group = s.usergroups.find((candidate) => candidate.id === id);
      return group === undefined ? fail('no_such_subteam') : { ok: true, users: [...group.users] };
    },
  ],
  [
    'conversations.open',
    (p) => {
      const users = (stringParam(p, 'users') ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      const channel = stringParam(p, 'channel');
      const [first] = users;
      if (first === undefined) return channel ? { ok: true, channel: { id: channel } } : fail('users_list_not_supplied');
      const id = users.length === 1 ? `D${first}` : `G${[...users].sort().join('')}`;
      return { ok: true, channel: { id } };
    },
  ],
  [
    'chat.postMessage',
    (p, s) => {
      const target = stringParam(p, 'channel') ?? '';
      if (target === '') return fail('channel_not_found');
      const content = readContent(p);
      if (isFailure(content)) return content;
      if (!hasContent(content)) return fail('no_text');
      const { channel, user } = resolveChannel(target);
      const message: PostedMessage = { channel, ts: s.nextTs(), updates: 0 };
      if (content.text !== undefined) message.text = content.text;
      if (content.blocks !== undefined) message.blocks = content.blocks;
      if (content.metadata !== undefined) message.metadata = content.metadata;
      if (user !== undefined) message.user = user;
      s.messages.push(message);
      return { ok: true, channel, ts: message.ts, message: messageBody(s, message) };
    },
  ],
  [
    'chat.update',
    (p, s) => {
      const target = stringParam(p, 'channel') ?? '';
      if (target === '') return fail('channel_not_found');
      const { channel } = resolveChannel(target);
      const ts = stringParam(p, 'ts') ?? '';
      const message = s.messages.find((candidate) => candidate.channel === channel && candidate.ts === ts);
      if (message === undefined) return fail('message_not_found');
      const content = readContent(p);
      if (isFailure(content)) return content;
      if (content.text === undefined && content.blocks === undefined && content.attachments === undefined) return fail('no_text');
      if (content.text !== undefined) message.text = content.text;
      if (content.blocks !== undefined) message.blocks = content.blocks;
      if (content.metadata !== undefined) message.metadata = content.metadata;
      message.updates += 1;
      return { ok: true, channel, ts, text: message.text ?? '', message: messageBody(s, message) };
    },
  ],
  [
    'chat.postEphemeral',
    (p, s) => {
      if ((stringParam(p, 'channel') ?? '') === '') return fail('channel_not_found');
      if ((stringParam(p, 'user') ?? '') === '') return fail('user_not_in_channel');
      const content = readContent(p);
      if (isFailure(content)) return content;
      return hasContent(content) ? { ok: true, message_ts: s.nextTs() } : fail('no_text');
    },
  ],
  [
    'views.open',
    (p, s) => {
      const view = p.view;
      if ((stringParam(p, 'trigger_id') ?? '') === '' || !isRecord(view)) return fail('invalid_arguments');
      if (view.type !== 'modal') return fail('invalid_arguments', ['[ERROR] must be modal [json-pointer:/view/type]']);
      return { ok: true, view: storeView(s, s.nextId('V'), view) };
    },
  ],
  [
    'views.push',
    (p, s) => {
      const view = p.view;
      if ((stringParam(p, 'trigger_id') ?? '') === '' || !isRecord(view)) return fail('invalid_arguments');
      return { ok: true, view: storeView(s, s.nextId('V'), view) };
    },
  ],
  [
    'views.publish',
    (p, s) => {
      const userId = stringParam(p, 'user_id') ?? '';
      const view = p.view;
      if (userId === '' || !isRecord(view)) return fail('invalid_arguments');
      if (view.type !== 'home') return fail('invalid_arguments', ['[ERROR] must be home [json-pointer:/view/type]']);
      const id = s.homeViewIds.get(userId) ?? s.nextId('V');
      s.homeViewIds.set(userId, id);
      return { ok: true, view: storeView(s, id, view) };
    },
  ],
  [
    'views.update',
    (p, s) => {
      const view = p.view;
      const viewId = stringParam(p, 'view_id') ?? '';
      const externalId = stringParam(p, 'external_id') ?? '';
      if (!isRecord(view) || (viewId === '' && externalId === '')) return fail('invalid_arguments');
      const byExternal = [...s.views.values()].find((stored) => externalId !== '' && stored.external_id === externalId);
      const id = viewId !== '' ? viewId : typeof byExternal?.id === 'string' ? byExternal.id : s.nextId('V');
      const existing = s.views.get(id);
      const hash = stringParam(p, 'hash');
      if (hash !== undefined && existing !== undefined && existing.hash !== hash) return fail('hash_conflict');
      return { ok: true, view: storeView(s, id, view) };
    },
  ],
  [
    'files.getUploadURLExternal',
    (p, s) => {
      const filename = stringParam(p, 'filename') ?? '';
      const length = intParam(p, 'length');
      if (filename === '' || length === undefined || length < 0) return fail('invalid_arguments');
      const fileId = s.nextId('F');
      s.pendingUploads.set(fileId, { filename, length });
      return { ok: true, upload_url: `${s.origin}/upload/${fileId}`, file_id: fileId };
    },
  ],
  [
    'files.completeUploadExternal',
    (p, s) => {
      const files = p.files;
      if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
      const entries = files.filter(isRecord);
      if (entries.length !== files.length) return fail('invalid_arguments');
      const shared = [];
      for (const entry of entries) {
        const id = typeof entry.id === 'string' ? entry.id : '';
        const pending = s.pendingUploads.get(id);
        if (pending === undefined) return fail('file_not_found');
        const title = typeof entry.title === 'string' ? entry.title : undefined;
        shared.push({ id, title, pending, png: null as { width: number; height: number } | null });
      }
      // Slack previews images by content: a `.png` whose bytes are not a PNG is refused here, so a
      // test of a chart upload fails loudly instead of passing with a broken image.
      for (const file of shared) {
        if (!file.pending.filename.toLowerCase().endsWith('.png')) continue;
        try {
          file.png = checkPng(s.uploads.get(file.id) ?? new Uint8Array());
        } catch (error) {
          return fail('invalid_file_type', [`[ERROR] ${file.pending.filename} is not a valid PNG: ${(error as Error).message}`]);
        }
      }
      const channelId = stringParam(p, 'channel_id') ?? stringParam(p, 'channels');
      const comment = stringParam(p, 'initial_comment');
      return {
        ok: true,
        files: shared.map(({ id, title, pending, png }) => {
          s.pendingUploads.delete(id);
          const bytes = s.uploads.get(id);
          s.sharedFiles.push({
            id,
            filename: pending.filename,
            ...(title === undefined ? {} : { title }),
            ...(channelId === undefined ? {} : { channel_id: channelId }),
            ...(comment === undefined ? {} : { initial_comment: comment }),
            ...(bytes === undefined ? {} : { bytes }),
            ...(png === null ? {} : { png }),
          });
          return { id, title: title ?? pending.filename, name: pending.filename, size: bytes?.length ?? pending.length };
        }),
      };
    },
  ],
];

export const slackMethods: ReadonlyMap<string, Handler> = new Map(handlers);
