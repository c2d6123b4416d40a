import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { t } from '../../../src/domain/i18n/translate.js';
import { channelData, isPersonal, rememberPersonal, tenantOf } from '../turn.js';
import { localeOf, teamsPersonKey, type TeamsContext } from '../teams-context.js';

/** Stores the team's conversation reference and reads its roster into the directory. */
async function installedInTeam(ctx: TeamsContext, context: TurnContext): Promise<void> {
  const team = channelData(context).team;
  if (!team || !context.activity.serviceUrl) return;
  const tenant = tenantOf(ctx, context);
  await ctx.conversations.saveTeam({
    _id: team.id,
    name: team.name ?? team.id,
    serviceUrl: context.activity.serviceUrl,
    channelId: context.activity.channelId,
    conversationId: team.id,
    botId: context.activity.recipient.id,
    tenant,
  });
  await ctx.syncTenant(tenant);
}

async function welcome(ctx: TeamsContext, context: TurnContext): Promise<void> {
  const tenant = tenantOf(ctx, context);
  const key = teamsPersonKey(tenant, context.activity.from.aadObjectId ?? context.activity.from.id);
  await context.sendActivity(t(await localeOf(ctx, key, context.activity.locale), 'teams.welcome'));
}

export function registerInstallHandlers(app: Application, ctx: TeamsContext): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const added = context.activity.membersAdded ?? [];
    const botAdded = added.some((m) => m.id === context.activity.recipient.id);
    if (isPersonal(context)) {
      if (botAdded) await welcome(ctx, context);
      return;
    }
    // The app joined a team, or people joined a team that has it: read the roster again.
    if (botAdded || channelData(context).team) await installedInTeam(ctx, context);
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    const removed = context.activity.membersRemoved ?? [];
    const team = channelData(context).team;
    if (!team || isPersonal(context)) return;
    if (removed.some((m) => m.id === context.activity.recipient.id)) await ctx.conversations.removeTeam(team.id);
    await ctx.syncTenant(tenantOf(ctx, context));
  });

  app.activity('installationUpdate', async (context) => {
    const action = typeof context.activity.action === 'string' ? context.activity.action : '';
    if (action.startsWith('remove')) {
      const team = channelData(context).team;
      if (team) {
        await ctx.conversations.removeTeam(team.id);
        await ctx.syncTenant(tenantOf(ctx, context));
      }
      return;
    }
    if (isPersonal(context)) await rememberPersonal(ctx, context);
    else await installedInTeam(ctx, context);
  });
}
