import type { RequestListener } from 'node:http';
import { Application } from '@microsoft/teams-ai';
import type { TeamsConfig } from '../../src/config-teams.js';
import type { ChatPlatform } from '../../src/ports/chat-platform.js';
import type { Pulse } from '../../src/pulse/index.js';
import { TtlCache } from '../../src/lib/ttl-cache.js';
import { botAppId, createBotAdapter } from './bot-auth.js';
import { registerAnswerHandlers } from './handlers/answers.js';
import { registerRepliesHandlers } from './handlers/replies.js';
import { registerPlanHandlers } from './handlers/plans.js';
import { registerSummaryReplyHandlers } from './handlers/summary-replies.js';
import { registerCommandHandlers } from './handlers/commands.js';
import { registerInstallHandlers } from './handlers/install.js';
import { messagesListener, MESSAGES_PATH } from './http-listener.js';
import { DOOR_SHEDDING, LoadMonitor, type SheddingLimits } from '../cards/load-monitor.js';
import { isAnswerInvoke, shedAnswer } from './overload-door.js';
import { TeamsPacer } from './pacing.js';
import type { TeamsContext } from './teams-context.js';
import { teamsDirectory } from './teams-directory.js';
import { createTeamsPlatform } from './teams-platform.js';
import { REMEMBERED_MS, rememberPersonal } from './turn.js';
import { screenTurn } from './turn-guard.js';

export { MESSAGES_PATH };

export interface TeamsAdapterHandle {
  readonly platform: ChatPlatform;
  /** Serves `POST /api/messages`. */
  readonly requestListener: RequestListener;
  /** Syncs each tenant's directory when it is due (or always, with `force`). */
  syncDirectories(force?: boolean): Promise<void>;
  /** Stops reading the event loop's delay. */
  stop(): void;
}

export interface TeamsAdapterOptions {
  /** Retries of one send on 429/412/502/504 (tests lower it). */
  readonly retries?: number;
  /** The first retry back-off in ms, doubled each time, with jitter. */
  readonly retryBaseMs?: number;
  /** How long `results` may take in the turn before the reply follows as its own message (default 2 s). */
  readonly resultsBudgetMs?: number;
  /** A signed, expiring link to the results dashboard for a person; absent when it is not served. */
  readonly dashboardUrl?: (person: string) => string;
  /** When answer clicks are shed at the door (issue #21; default DOOR_SHEDDING, as for Slack). */
  readonly doorShedding?: SheddingLimits;
}

/** Builds the teams-ai Application on botbuilder and wires pulsebot's handlers into it. */
export function createTeamsAdapter(config: TeamsConfig, pulse: Pulse, options: TeamsAdapterOptions = {}): TeamsAdapterHandle {
  const logger = pulse.logger.child({ adapter: 'teams' });
  if (config.mode === 'local') {
    logger.warn({}, 'Teams local mode (TEAMS_LOCAL=1): /api/messages accepts activities WITHOUT authentication; use it only with the Bot Framework Emulator');
  }
  const adapter = createBotAdapter(config);
  const appId = botAppId(config);
  let syncs: Promise<void> = Promise.resolve();
  const ctx: TeamsContext = {
    pulse,
    adapter,
    appId,
    audience: config.endpoints.ToChannelFromBotOAuthScope ?? null,
    conversations: pulse.platformState.teamsConversations,
    pacer: new TeamsPacer({
      ...config.pacing,
      retries: options.retries ?? 6,
      baseDelayMs: options.retryBaseMs ?? 1000,
      onThrottled: () => pulse.metrics?.rateLimited('teams'),
    }),
    defaultTenant: config.mode === 'bot' && config.tenantId ? config.tenantId : 'local',
    allowedTenants: config.mode === 'bot' ? new Set(config.allowedTenants) : null,
    syncTenant(tenant) {
      // One sync at a time: two overlapping syncs would each mark the other's people as unseen.
      const next = syncs.catch(() => undefined).then(async () => void (await pulse.directory.sync(teamsDirectory(ctx, tenant))));
      syncs = next;
      return next;
    },
    resultsBudgetMs: options.resultsBudgetMs ?? 2_000,
    ...(options.dashboardUrl ? { dashboardUrl: options.dashboardUrl } : {}),
    remembered: new TtlCache(REMEMBERED_MS, 20_000),
  };
  const app = new Application({ adapter, botAppId: appId, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
  app.turn('beforeTurn', async (context) => {
    await rememberPersonal(ctx, context);
    return true;
  });
  registerInstallHandlers(app, ctx);
  registerAnswerHandlers(app, ctx);
  registerRepliesHandlers(app, ctx);
  registerPlanHandlers(app, ctx);
  registerSummaryReplyHandlers(app, ctx);
  registerCommandHandlers(app, ctx);
  app.error(async (_context, error) => {
    logger.error({ err: error }, 'a Teams turn failed');
    return Promise.resolve();
  });

  // Under overload, answer clicks are shed at the door, before teams-ai and the answer path (overload-door.ts).
  const door = new LoadMonitor(options.doorShedding ?? DOOR_SHEDDING);
  // Screened before teams-ai sees the turn: it fails (501) on some malformed ids before any hook runs.
  const listener = messagesListener(adapter, async (context) => {
    if (!(await screenTurn(ctx, context))) return;
    if (door.overloaded() && isAnswerInvoke(context)) {
      pulse.metrics?.answerShed('teams');
      return shedAnswer(context, pulse.settings.defaultLocale);
    }
    await app.run(context);
  });
  return {
    platform: createTeamsPlatform(ctx),
    requestListener: (req, res) => {
      door.track(req, res);
      listener(req, res);
    },
    stop: () => door.stop(),
    async syncDirectories(force = false) {
      for (const tenant of await ctx.conversations.tenants()) {
        if (!force && !(await pulse.directory.syncDue('teams', tenant))) continue;
        await ctx.syncTenant(tenant);
      }
    },
  };
}
