import { createSlackAdapter, type SlackAdapter } from '../adapters/slack/create-slack-adapter.js';
import type { TeamsAdapterHandle } from '../adapters/teams/create-teams-adapter.js';
import type { WebAdapter } from '../adapters/web/create-web-adapter.js';
import type { Config } from '../src/config.js';
import type { ChatPlatform, PlatformName } from '../src/ports/chat-platform.js';
import type { ManualClock } from '../src/ports/clock.js';
import type { Mount } from '../src/ports/http.js';
import type { Pulse } from '../src/pulse/index.js';
import type { Timings } from './timings.js';

/** A configured chat surface as the composition root runs it: the same shape for Slack, Teams and the web. */
export interface ChatAdapter {
  readonly name: PlatformName;
  /** Where prompts go; null for a surface that is not a chat (the dashboard without the playground). */
  readonly platform: ChatPlatform | null;
  readonly mounts: readonly Mount[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Reads the platform's directory when due (every one with `force`); null: the surface has none. */
  readonly syncDirectories: ((force?: boolean) => Promise<void>) | null;
}

export interface ChatAdapters {
  /** Every configured surface, in the order they start. */
  readonly all: readonly ChatAdapter[];
  readonly slack: SlackAdapter | null;
  readonly teams: TeamsAdapterHandle | null;
  readonly web: WebAdapter | null;
}

/**
 * Builds the chat surfaces the configuration asks for, each through its adapter's one factory
 * signature `(config, pulse, options)`. A new chat platform is one more entry here. Teams and
 * the web are loaded only when configured: teams-ai and botbuilder take a while to load.
 */
export async function createChatAdapters(config: Config, pulse: Pulse, timings: Timings, playgroundClock: ManualClock | undefined): Promise<ChatAdapters> {
  const all: ChatAdapter[] = [];
  const web =
    config.playground || config.web.requested
      ? (await import('../adapters/web/create-web-adapter.js')).createWebAdapter(
          { secret: config.secret, publicUrl: config.web.publicUrl, signIn: config.signIn },
          pulse,
          {
            playground: config.playground && playgroundClock ? { clock: playgroundClock } : null,
            // The editor previews prompts as Slack draws them: the Slack adapter's own builder, handed over here.
            slackBlocks: (await import('../adapters/slack/prompt-blocks.js')).promptBlocksOf,
          },
        )
      : null;
  const links = web ? { dashboardUrl: (person: string) => web.dashboardUrl(person) } : {};
  if (web)
    all.push({
      name: 'web',
      platform: web.platform,
      mounts: web.mounts,
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(web.stop()),
      syncDirectories: null,
    });

  const slack = config.slack
    ? await createSlackAdapter(config.slack, pulse, {
        ...links,
        resultsBudgetMs: timings.slackResultsBudgetMs,
        messagesPerSecond: config.slack.common.messagesPerSecond,
        retries: timings.slackRetries,
        confirmationWindowMs: timings.slackConfirmationWindowMs,
        doorShedding: timings.slackDoor,
      })
    : null;
  if (slack) {
    const mounts = slack.requestListener ? [{ prefix: '/slack', listener: slack.requestListener }] : [];
    all.push({
      name: 'slack',
      platform: slack.platform,
      mounts,
      start: () => slack.start(),
      stop: () => slack.stop(),
      syncDirectories: (force) => slack.syncDirectories(force),
    });
  }

  const teamsModule = config.teams ? await import('../adapters/teams/create-teams-adapter.js') : null;
  const teams =
    config.teams && teamsModule
      ? teamsModule.createTeamsAdapter(config.teams, pulse, {
          ...links,
          retries: timings.teamsRetries,
          retryBaseMs: timings.teamsRetryBaseMs,
          resultsBudgetMs: timings.teamsResultsBudgetMs,
          doorShedding: timings.teamsDoor,
        })
      : null;
  if (teams && teamsModule) {
    all.push({
      name: 'teams',
      platform: teams.platform,
      mounts: [{ prefix: teamsModule.MESSAGES_PATH, listener: teams.requestListener }],
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(teams.stop()),
      syncDirectories: (force) => teams.syncDirectories(force),
    });
  }
  return { all, slack, teams, web };
}
