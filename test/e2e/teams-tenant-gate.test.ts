import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTeamsHarness, TENANT, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';

const FOREIGN_TENANT = 'ffffffff-eeee-4ddd-8ccc-bbbbbbbbbbbb';

// Only Teams, and only the organisation's tenants, reach pulsebot. A Direct Line or Web Chat
// client holding the bot's channel secret can send activities with any `from`; any tenant can
// sideload the package; a client can claim a tenant in `conversation.tenantId`.
describe('Teams: activities from another channel or tenant are refused before anything is read or stored', () => {
  let h: TeamsHarness;
  const [member] = teamsPeople(1);

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [ADMIN, member!] });
    expect((await h.installPersonal(ADMIN)).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h.dispose();
  });

  const personal = () => h.app.database.db.collection<{ _id: string; serviceUrl: string; channelId: string }>('teams_personal_conversations');
  const activity = (overrides: Record<string, unknown>) => ({
    type: 'message',
    id: `f:${Math.random()}`,
    timestamp: '2026-11-23T07:00:00.000Z',
    serviceUrl: h.fake.serviceUrl,
    channelId: 'msteams',
    from: { id: ADMIN.id, aadObjectId: ADMIN.aadObjectId, name: ADMIN.name },
    recipient: { id: h.botId, name: 'pulsebot' },
    conversation: { id: 'a:personal-29:admin', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    text: 'status',
    textFormat: 'plain',
    ...overrides,
  });

  it('a Direct Line client posing as the bootstrapped admin runs no command and cannot take over the admin’s chat', async () => {
    const before = await personal().findOne({ _id: `teams:${TENANT}:${ADMIN.aadObjectId}` });
    expect(before?.channelId).toBe('msteams');
    const sentBefore = h.fake.activitiesIn(before?._id === undefined ? '' : 'a:personal-29:admin').length;
    const reply = await h.post(activity({ channelId: 'directline', conversation: { id: 'dl-conversation', conversationType: 'personal', tenantId: TENANT } }));
    expect(reply.status).toBeLessThan(500);
    const after = await personal().findOne({ _id: `teams:${TENANT}:${ADMIN.aadObjectId}` });
    expect(after).toEqual(before);
    expect(h.fake.activitiesIn('dl-conversation')).toHaveLength(0);
    expect(h.fake.activitiesIn('a:personal-29:admin')).toHaveLength(sentBefore);
  });

  it('a person of a tenant that is not allowed is not stored, and gets no answer', async () => {
    const reply = await h.post(
      activity({
        from: { id: '29:outsider', aadObjectId: '12345678-0000-4000-8000-000000000099', name: 'Outsider' },
        conversation: { id: 'a:personal-outsider', conversationType: 'personal', tenantId: FOREIGN_TENANT },
        channelData: { tenant: { id: FOREIGN_TENANT } },
        text: 'help',
      }),
    );
    expect(reply.status).toBeLessThan(500);
    expect(await h.app.database.collections.people.countDocuments({ tenant: FOREIGN_TENANT })).toBe(0);
    expect(await personal().countDocuments({ tenant: FOREIGN_TENANT })).toBe(0);
    expect(h.fake.activitiesIn('a:personal-outsider')).toHaveLength(0);
  });

  it('a tenant claimed in conversation.tenantId counts for nothing: Teams’ channel data decides', async () => {
    await h.post(
      activity({
        from: { id: '29:claimer', aadObjectId: '12345678-0000-4000-8000-000000000098', name: 'Claimer' },
        conversation: { id: 'a:personal-claimer', conversationType: 'personal', tenantId: TENANT },
        channelData: { tenant: { id: FOREIGN_TENANT } },
        text: 'help',
      }),
    );
    expect(await h.app.database.collections.people.countDocuments({ userId: '12345678-0000-4000-8000-000000000098' })).toBe(0);
    expect(h.fake.activitiesIn('a:personal-claimer')).toHaveLength(0);
  });

  it('an invoke from a tenant not allowed is answered 403', async () => {
    const reply = await h.post(
      activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        channelData: { tenant: { id: FOREIGN_TENANT } },
        conversation: { id: 'a:personal-outsider', conversationType: 'personal', tenantId: FOREIGN_TENANT },
        value: { action: { type: 'Action.Execute', verb: 'pulse.answer', data: {} }, trigger: 'manual' },
      }),
    );
    expect(reply.status).toBe(403);
  });
});
