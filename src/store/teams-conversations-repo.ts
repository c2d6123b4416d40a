import type { Collection, Db } from 'mongodb';
import type { PersonalConversation, TeamConversation, TeamMember, TeamsConversationStore } from '../ports/platform-state.js';

/** The Teams adapter's conversation references and team rosters (identity side: no answers here). */
export class TeamsConversationsRepo implements TeamsConversationStore {
  private readonly personalDocs: Collection<PersonalConversation>;
  private readonly teamDocs: Collection<TeamConversation>;
  private readonly members: Collection<TeamMember>;

  constructor(db: Db) {
    this.personalDocs = db.collection<PersonalConversation>('teams_personal_conversations');
    this.teamDocs = db.collection<TeamConversation>('teams_team_conversations');
    this.members = db.collection<TeamMember>('teams_members');
  }

  async savePersonal(doc: PersonalConversation): Promise<void> {
    const { _id, ...fields } = doc;
    await this.personalDocs.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async saveTeam(doc: TeamConversation): Promise<void> {
    const { _id, ...fields } = doc;
    await this.teamDocs.updateOne({ _id }, { $set: fields }, { upsert: true });
  }

  async personal(key: string): Promise<PersonalConversation | null> {
    return this.personalDocs.findOne({ _id: key });
  }

  async personalIn(tenant: string): Promise<PersonalConversation[]> {
    return this.personalDocs.find({ tenant }).toArray();
  }

  async teamsIn(tenant: string): Promise<TeamConversation[]> {
    return this.teamDocs.find({ tenant }).sort({ _id: 1 }).toArray();
  }

  async anyTeam(teamIds: readonly string[], tenant: string): Promise<TeamConversation | null> {
    return this.teamDocs.findOne({ _id: { $in: [...teamIds] }, tenant });
  }

  async removeTeam(teamId: string): Promise<void> {
    await this.teamDocs.deleteOne({ _id: teamId });
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
    const [a, b] = await Promise.all([this.teamDocs.distinct('tenant'), this.personalDocs.distinct('tenant')]);
    return [...new Set([...a, ...b])].sort();
  }
}
