import type { Collection, Db } from 'mongodb';

/**
 * Where pulsebot can reach people and teams in Teams: the conversation references the Bot
 * Framework gives on install (identity side: no answers here), and the members of the teams the
 * app is installed in (their bot-scoped ids, needed to open a 1:1 chat from a team's roster).
 */
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

export class TeamsConversations {
  readonly personal: Collection<PersonalConversation>;
  readonly teams: Collection<TeamConversation>;
  readonly members: Collection<TeamMember>;

  constructor(db: Db) {
    this.personal = db.collection<PersonalConversation>('teams_personal_conversations');
    this.teams = db.collection<TeamConversation>('teams_team_conversations');
    this.members = db.collection<TeamMember>('teams_members');
  }

  async savePersonal(doc: PersonalConversation): Promise<void> {
    const { _id, ...fields } = doc;
    await this.personal.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async saveTeam(doc: TeamConversation): Promise<void> {
    const { _id, ...fields } = doc;
    await this.teams.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async removeTeam(teamId: string): Promise<void> {
    await this.teams.deleteOne({ _id: teamId });
  }

  async saveMember(member: Omit<TeamMember, '_id' | 'teams'>, teamId: string): Promise<void> {
    await this.members.updateOne(
      { _id: `${member.tenant}:${member.aadObjectId}` },
      { $set: { tenant: member.tenant, aadObjectId: member.aadObjectId, memberId: member.memberId, email: member.email }, $addToSet: { teams: teamId } },
      { upsert: true },
    );
  }

  async member(tenant: string, aadObjectId: string): Promise<TeamMember | null> {
    return this.members.findOne({ _id: `${tenant}:${aadObjectId}` });
  }

  async memberById(tenant: string, memberId: string): Promise<TeamMember | null> {
    return this.members.findOne({ tenant, memberId });
  }

  async tenants(): Promise<string[]> {
    const [a, b] = await Promise.all([this.teams.distinct('tenant'), this.personal.distinct('tenant')]);
    return [...new Set([...a, ...b])].sort();
  }
}
