/**
 * What chat adapters keep to reach people (identity side: never answers). The core stores it; the
 * adapters read and write it only through these interfaces, never through the database.
 */

/** Slack OAuth installations, as the JSON Bolt hands over, under keys the Slack adapter chooses. */
export interface InstallationRecords {
  save(key: string, installation: string): Promise<void>;
  get(key: string): Promise<string | null>;
  remove(key: string): Promise<void>;
  /** Every installation whose key starts with `prefix`. */
  withPrefix(prefix: string): Promise<{ readonly key: string; readonly installation: string }[]>;
}

/** Where a Teams bot can reach a conversation (from the Bot Framework's conversation reference). */
export interface StoredReference {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversationId: string;
  readonly botId: string;
  readonly tenant: string;
}

export interface PersonalConversation extends StoredReference {
  /** The person key, `teams:<tenant>:<AAD object id>`. */
  readonly _id: string;
  readonly memberId: string;
  readonly aadObjectId: string;
  readonly locale: string | null;
  readonly timezone: string | null;
}

export interface TeamConversation extends StoredReference {
  /** The team's id (its General channel's conversation id). */
  readonly _id: string;
  readonly name: string;
}

export interface TeamMember {
  /** `<tenant>:<AAD object id>` */
  readonly _id: string;
  readonly tenant: string;
  readonly aadObjectId: string;
  /** The bot-scoped id (`29:…`) a 1:1 chat is opened with. */
  readonly memberId: string;
  readonly email: string | null;
  /** Team ids this person was last seen in, in the order the rosters were read. */
  readonly teams: string[];
}

/**
 * The conversation references the Bot Framework gives on install, and the members of the teams
 * the app is installed in (their bot-scoped ids, needed to open a 1:1 chat from a team's roster).
 */
export interface TeamsConversationStore {
  savePersonal(doc: PersonalConversation): Promise<void>;
  personal(key: string): Promise<PersonalConversation | null>;
  personalIn(tenant: string): Promise<PersonalConversation[]>;
  saveTeam(doc: TeamConversation): Promise<void>;
  removeTeam(teamId: string): Promise<void>;
  /** The tenant's teams, by id. */
  teamsIn(tenant: string): Promise<TeamConversation[]>;
  /** One of `teamIds` that is in `tenant` (any will do: each reaches the person). */
  anyTeam(teamIds: readonly string[], tenant: string): Promise<TeamConversation | null>;
  saveMember(member: Omit<TeamMember, '_id' | 'teams'>, teamId: string): Promise<void>;
  member(tenant: string, aadObjectId: string): Promise<TeamMember | null>;
  memberById(tenant: string, memberId: string): Promise<TeamMember | null>;
  tenants(): Promise<string[]>;
}
