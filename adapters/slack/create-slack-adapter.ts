import type { RequestListener } from 'node:http';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { SlackConfig } from '../../src/config-slack.js';
import type { ChatPlatform } from '../../src/ports/chat-platform.js';
import type { Pulse } from '../../src/pulse/index.js';
import { boltLogger } from './bolt-logger.js';
import { registerAnswerHandlers } from './handlers/answers.js';
import { registerCommandHandlers } from './handlers/commands.js';
import { registerCommentHandlers } from './handlers/comments.js';
import { registerRepliesHandlers } from './handlers/replies.js';
import { registerPlanHandlers } from './handlers/plans.js';
import { registerSummaryReplyHandlers } from './handlers/summary-replies.js';
import { registerHomeAndEvents } from './handlers/home-and-events.js';
import { recordPromptReport, registerPromptPosted, SLACK_CONFIRMATION_WINDOW_MS } from './handlers/prompt-posted.js';
import { malformedPayloadHandler } from './malformed-payload.js';
import { installFailurePage } from './install-failure.js';
import { notFoundOutsideBolt } from './unknown-paths.js';
import { reportsRecordedFirst } from './reports-first.js';
import { overloadGate } from './overload-gate.js';
import { DOOR_SHEDDING, type SheddingLimits } from '../cards/load-monitor.js';
import { busyLocale } from './busy-locale.js';
import { t } from '../../src/domain/i18n/translate.js';
import { slackInstallationStore } from './installation-store.js';
import { createSlackClients } from './slack-clients.js';
import type { SlackContext } from './slack-context.js';
import { responseUrlCheck } from './response-url.js';
import { slackDirectory } from './slack-directory.js';
import { createSlackPlatform } from './slack-platform.js';

/** Every bot scope pulsebot uses, and no more (no im:history: it must not read DMs back). */
export const SLACK_BOT_SCOPES = ['chat:write', 'commands', 'users:read', 'users:read.email', 'usergroups:read', 'metadata.message:read'] as const;

export interface SlackAdapter {
  readonly platform: ChatPlatform;
  /** Serves `/slack/events` (and the OAuth install pages); null in Socket Mode. */
  readonly requestListener: RequestListener | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Syncs each workspace's directory when it is due (or always, with `force`). */
  syncDirectories(force?: boolean): Promise<void>;
}

export interface SlackAdapterOptions {
  /** A signed, expiring link to the results dashboard for a person; absent when the dashboard is not served. */
  readonly dashboardUrl?: (person: string) => string;
  /** How long `/pulse results` may take before the ack says "on its way" (ms; default 2 s, within Slack's 3). */
  readonly resultsBudgetMs?: number;
  /** chat.postMessage per second per workspace. */
  readonly messagesPerSecond: number;
  /** Web API retries on 429 / network errors. */
  readonly retries?: number;
  /** How long Slack may still report a posted prompt (ms); the tests shorten Slack's schedule. */
  readonly confirmationWindowMs?: number;
  /** When clicks are shed at the door, before Bolt (overload-gate.ts); absent: production's. */
  readonly doorShedding?: SheddingLimits;
}

/** Builds the Bolt app for the configured mode and wires pulsebot's handlers into it. */
export async function createSlackAdapter(config: SlackConfig, pulse: Pulse, options: SlackAdapterOptions): Promise<SlackAdapter> {
  const ctx: SlackContext = {
    pulse,
    responseUrlAllowed: responseUrlCheck(config.common.apiUrl),
    ...(options.dashboardUrl ? { dashboardUrl: options.dashboardUrl } : {}),
    ...(options.resultsBudgetMs !== undefined ? { resultsBudgetMs: options.resultsBudgetMs } : {}),
  };
  const logger = boltLogger(ctx.pulse.logger.child({ adapter: 'slack' }));
  const installations = slackInstallationStore(ctx.pulse.platformState.slackInstallations, config.common.allowedTeams);
  const clients = createSlackClients(
    config,
    async (teamId) => {
      if (config.mode !== 'oauth') return config.botToken;
      try {
        const installation = await installations.fetchInstallation({ teamId, enterpriseId: undefined, isEnterpriseInstall: false });
        return installation.bot?.token ?? null;
      } catch {
        return null;
      }
    },
    { messagesPerSecond: options.messagesPerSecond, retries: options.retries ?? 10, onRateLimited: () => ctx.pulse.metrics?.rateLimited('slack') },
  );
  // A signed body Bolt cannot read is answered 400, not Bolt's 500 (see malformed-payload.ts).
  const malformed = malformedPayloadHandler(ctx.pulse.logger.child({ adapter: 'slack' }));
  const common = { logger, logLevel: LogLevel.WARN, clientOptions: clients.options, deferInitialization: true } as const;

  let receiver: HTTPReceiver | null = null;
  let app: App;
  if (config.mode === 'socket') {
    app = new App({ ...common, token: config.botToken, appToken: config.appToken, socketMode: true });
  } else if (config.mode === 'single') {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: '/slack/events',
      logger,
      unhandledRequestTimeoutMillis: 2900,
      processEventErrorHandler: malformed,
    });
    app = new App({ ...common, token: config.botToken, receiver });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: '/slack/events',
      logger,
      processEventErrorHandler: malformed,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      stateSecret: config.stateSecret,
      scopes: [...SLACK_BOT_SCOPES],
      installationStore: installations,
      installerOptions: {
        installPath: '/slack/install',
        redirectUriPath: '/slack/oauth_redirect',
        directInstall: true,
        clientOptions: clients.options,
        callbackOptions: { failure: installFailurePage(ctx.pulse.settings.defaultLocale, '/slack/install') },
      },
    });
    app = new App({ ...common, receiver });
  }
  await app.init();

  registerAnswerHandlers(app, ctx);
  registerCommentHandlers(app, ctx);
  registerRepliesHandlers(app, ctx);
  registerPlanHandlers(app, ctx);
  registerSummaryReplyHandlers(app, ctx);
  registerCommandHandlers(app, ctx);
  registerHomeAndEvents(app, ctx);
  registerPromptPosted(app, ctx);
  app.error(async (error) => {
    ctx.pulse.logger.error({ adapter: 'slack', code: error.code ?? 'unknown' }, error.message);
    return Promise.resolve();
  });

  const teams = async (): Promise<string[]> => {
    if (config.mode === 'oauth') return installations.teams();
    const auth = await app.client.auth.test({ token: config.botToken });
    return auth.team_id ? [auth.team_id] : [];
  };

  const syncNow = async (force: boolean): Promise<void> => {
    for (const teamId of await teams()) {
      if (!force && !(await ctx.pulse.directory.syncDue('slack', teamId))) continue;
      const client = await clients.client(teamId);
      if (client === null) continue;
      await ctx.pulse.directory.sync(slackDirectory(client, teamId, config.common));
    }
  };
  // One sync at a time: two overlapping syncs would each mark the other's people as unseen.
  let syncs: Promise<void> = Promise.resolve();

  // Under overload, clicks are shed at the door (overload-gate.ts); reports of posted prompts are
  // recorded before they are answered (reports-first.ts).
  const slackLogger = ctx.pulse.logger.child({ adapter: 'slack' });
  const gate =
    receiver && config.mode !== 'socket'
      ? overloadGate(
          reportsRecordedFirst(notFoundOutsideBolt(receiver.requestListener), config.signingSecret, (body) => recordPromptReport(ctx, body), slackLogger),
          {
            ...(options.doorShedding ?? DOOR_SHEDDING),
            signingSecret: config.signingSecret,
            busyText: async (click) => t(await busyLocale(ctx, click), 'answer.busy'),
            responseUrlAllowed: ctx.responseUrlAllowed,
            onShed: () => ctx.pulse.metrics?.answerShed('slack'),
            logger: slackLogger,
          },
        )
      : null;

  return {
    platform: createSlackPlatform(clients, slackLogger, options.confirmationWindowMs ?? SLACK_CONFIRMATION_WINDOW_MS),
    requestListener: gate?.listener ?? null,
    async start() {
      if (config.mode === 'socket') await app.start();
    },
    async stop() {
      gate?.stop();
      if (config.mode === 'socket') await app.stop();
    },
    syncDirectories(force = false) {
      const next = syncs.catch(() => undefined).then(() => syncNow(force));
      syncs = next;
      return next;
    },
  };
}
