import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTeamsHarness, TEAM_ID, TENANT, teamsPeople, type TeamsHarness } from '../fakes/teams-harness.js';

// Found by `npm run bench -- hostile`: correctly signed activities with ids Teams never sends put
// people named `$where` in the directory, and an unknown card verb was answered 501.
describe('Teams: signed activities with malformed ids or unknown verbs change nothing and get no 5xx', () => {
  const people = teamsPeople(3);
  let h: TeamsHarness;

  beforeAll(async () => {
    h = await startTeamsHarness({ roster: [...people, ADMIN] });
    expect((await h.installInTeam(TEAM_ID, 'Sales')).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await h?.dispose();
  });

  const invoke = (from: Record<string, unknown>, conversation: Record<string, unknown>, verb = 'pulse.answer') => ({
    type: 'invoke',
    id: 'f:1',
    serviceUrl: h.fake.serviceUrl,
    channelId: 'msteams',
    from,
    recipient: { id: h.botId, name: 'pulsebot' },
    conversation,
    channelData: { tenant: { id: TENANT } },
    name: 'adaptiveCard/action',
    value: {
      action: { type: 'Action.Execute', verb, data: { r: 'pulse|2026-11-23', t: '00000000-0000-4000-8000-000000000000', q: 'enps', 'a-enps': '7' } },
      trigger: 'manual',
    },
  });

  it('an Action.Execute with a verb no card carries is a 400, not a 501', async () => {
    const person = people[0]!;
    const reply = await h.post(
      invoke({ id: person.id, aadObjectId: person.aadObjectId }, { id: 'a:personal-1', conversationType: 'personal', tenantId: TENANT }, 'pulse.drop-tables'),
    );
    expect(reply.status).toBe(400);
  });

  it.each<unknown>(['$where', '{"$gt":""}', 'not-a-guid', '', null])(
    'ids shaped like %s are refused (invoke 400, message ignored) and nobody is added',
    async (bad) => {
      const before = await h.app.database.collections.people.countDocuments();
      const asObjectId = await h.post(invoke({ id: bad, aadObjectId: bad }, { id: 'a:personal-x', conversationType: 'personal', tenantId: TENANT }));
      const asTenant = await h.post(
        invoke({ id: people[1]!.id, aadObjectId: people[1]!.aadObjectId }, { id: bad, conversationType: 'personal', tenantId: bad }),
      );
      const message = await h.post({
        ...invoke({ id: bad, aadObjectId: bad }, { id: 'a:personal-y', conversationType: 'personal', tenantId: TENANT }),
        type: 'message',
        name: undefined,
        value: undefined,
        text: 'help',
      });
      expect([asObjectId.status, asTenant.status]).toEqual([400, 400]);
      expect(message.status).toBeLessThan(300);
      expect(await h.app.database.collections.people.countDocuments()).toBe(before);
      expect(await h.app.database.db.collection('teams_personal_conversations').countDocuments({ tenant: bad })).toBe(0);
    },
  );
});
