/** Shapes shared by the fake Slack Web API server and its method handlers. */

export interface SlackUserFixture {
  id: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  tz?: string;
  locale?: string;
  profile?: { email?: string };
}

export interface UsergroupFixture {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  token: string | null;
  /** Date.now() when the request was received. */
  at: number;
  /** True when the fake answered HTTP 429 (failNext or enforceRate): the call was not applied. */
  rateLimited: boolean;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: unknown;
  /** For DMs: the user id. */
  user?: string;
  /** How many chat.update calls were applied to this message. */
  updates: number;
}

/** A file shared by files.completeUploadExternal. */
export interface SharedFile {
  id: string;
  title?: string;
  filename: string;
  channel_id?: string;
  initial_comment?: string;
  /** The bytes POSTed to the upload URL, if any were. */
  bytes?: Buffer;
  /** For a `.png` file: its size, read from bytes checked to be a whole, valid PNG. */
  png?: { width: number; height: number };
}

export type Params = Record<string, unknown>;
export type SlackResponse = { ok: boolean } & Record<string, unknown>;

/** The mutable state the method handlers read and write. */
export interface FakeSlackState {
  readonly teamId: string;
  readonly botUserId: string;
  readonly pageSize: number;
  readonly origin: string;
  readonly users: readonly SlackUserFixture[];
  readonly usergroups: readonly UsergroupFixture[];
  readonly messages: PostedMessage[];
  readonly uploads: Map<string, Buffer>;
  readonly pendingUploads: Map<string, { filename: string; length: number }>;
  readonly sharedFiles: SharedFile[];
  /** Every view opened, published or updated, by view id. */
  readonly views: Map<string, Record<string, unknown>>;
  /** The published Home tab view id of each user. */
  readonly homeViewIds: Map<string, string>;
  /** OAuth codes already exchanged: Slack takes each code once. */
  readonly usedCodes: Set<string>;
  nextId(prefix: string): string;
  nextTs(): string;
}
