import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { SlackAdapter } from '../adapters/slack/create-slack-adapter.js';
import { createChatAdapters, type ChatAdapter } from './chat-adapters.js';
import type { TeamsAdapterHandle } from '../adapters/teams/create-teams-adapter.js';
import type { WebAdapter } from '../adapters/web/create-web-adapter.js';
import { createScheduler } from '../jobs/scheduler.js';
import { API_PREFIX, createApiListener } from '../src/api/create-api.js';
import type { Config } from '../src/config.js';
import type { DeliveryLoop } from '../src/delivery-loop.js';
import { createPulse, type Pulse } from '../src/pulse/index.js';
import { createHttpServer, isLoopbackHost, type Mount } from './http-server.js';
import { metricsMount, readinessMount } from '../src/metrics/probes.js';
import { PrometheusMetrics } from '../src/metrics/prometheus-metrics.js';
import type { ChatPlatform, PlatformName } from '../src/ports/chat-platform.js';
import type { Clock, ManualClock } from '../src/ports/clock.js';
import type { Logger } from '../src/ports/logger.js';
import type { ServiceDeps } from '../src/services/deps.js';
import { ensureDefaultSurvey } from '../src/services/surveys.js';
import { DirectoryNames } from '../src/services/directory-names.js';
import { createCoreEvents } from '../src/ports/events.js';
import { AnswerAdmission } from '../src/services/answer-admission.js';
import { PRODUCTION_TIMINGS, type Timings } from './timings.js';
import { appSettings } from './app-settings.js';
import { reportDrainedRounds } from '../src/services/close-drain.js';
import { DirectoryReadiness } from '../src/services/directory-readiness.js';
import { FreshDeliveries } from '../src/services/fresh-deliveries.js';
import { CONNECT_TIMEOUT_MS, HEARTBEAT_MS, connectDatabase, redact, type Database } from '../src/store/database.js';
import { watchServerMonitor } from '../src/store/monitor-watchdog.js';
import { ensureIndexes } from '../src/store/indexes.js';
import { InstanceRegistry } from '../src/store/instance-registry.js';
import { SendLeases } from '../src/store/send-leases.js';
import { createStore } from '../src/store/store.js';

/** How long /healthz waits for the database before answering 503. */
const HEALTH_TIMEOUT_MS = 2_000;
/** How often an instance says it is alive and reports rounds it has finished writing answers for. */
const HEARTBEAT_EVERY_MS = 2_000;
export interface App {
  readonly config: Config;
  readonly database: Database;
  readonly deps: ServiceDeps;
  /** The door to the core the adapters, API, CLI and jobs use. */
  readonly pulse: Pulse;
  readonly platforms: ReadonlyMap<PlatformName, ChatPlatform>;
  readonly delivery: DeliveryLoop;
  readonly slack: SlackAdapter | null;
  readonly teams: TeamsAdapterHandle | null;
  /** The web playground and dashboard, when served (playground mode or PULSE_WEB=1). */
  readonly web: WebAdapter | null;
  /** What `GET /metrics` serves. */
  readonly metrics: PrometheusMetrics;
  /** Reads every configured platform's directory now (the app also does it at start and hourly). */
  syncDirectories(): Promise<void>;
  /** Starts the HTTP server (port 0 picks a free one) and the adapters; resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface AppOptions {
  /** Timings that differ from production's (tests and benchmarks shorten them); see timings.ts. */
  readonly timings?: Partial<Timings>;
  /** Playground mode: the clock the fast-forward control moves (the same one passed as `clock`). */
  readonly playgroundClock?: ManualClock;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** How long shutdown lets a running job (a fan-out pass) finish. */
const SHUTDOWN_JOB_MS = 8_000;

/** The composition root: storage, services, the chat adapters that are configured, and the HTTP server. */
export async function createApp(config: Config, clock: Clock, logger: Logger, options: AppOptions = {}): Promise<App> {
  const timings: Timings = { ...PRODUCTION_TIMINGS, ...options.timings };
  const database = await connectDatabase(config.mongodb.uri, config.mongodb.dbName, { monitorCommands: true });
  const metrics = new PrometheusMetrics({
    deliveriesDue: () => database.collections.deliveries.countDocuments({ state: 'pending', sendAt: { $lte: clock.now().toJSDate() } }),
    openRounds: () => database.collections.rounds.countDocuments({ state: 'open' }),
  });
  database.client.on('commandFailed', () => metrics.databaseError());
  // A heartbeat takes at most a connect and a round trip, each within CONNECT_TIMEOUT_MS.
  const stopWatchdog = watchServerMonitor(database.client, logger, {
    stuckAfterMs: 2 * CONNECT_TIMEOUT_MS + 5_000,
    awaitedExtraMs: HEARTBEAT_MS,
    checkEveryMs: 5_000,
    now: () => performance.now(),
  });
  await ensureIndexes(database);
  logger.info({ mongodb: redact(config.mongodb.uri), db: config.mongodb.dbName }, 'storage ready');
  let listeningSince: Date | null = null;
  /** This process among the instances sharing the database (random per start). */
  const instanceId = randomUUID();
  const directory = new DirectoryReadiness([...(config.slack ? ['slack' as const] : []), ...(config.teams ? ['teams' as const] : [])]);
  const events = createCoreEvents((error) => logger.error({ err: error }, 'an event listener failed'));
  const deps: ServiceDeps = {
    store: createStore(database, config.secret),
    clock,
    logger,
    settings: appSettings(config, { closeGraceMs: timings.closeGraceMs, claimLeaseMs: timings.claimLeaseMs }),
    listeningSince: () => listeningSince,
    fresh: new FreshDeliveries(),
    metrics,
    directory,
    leases: new SendLeases(database.collections.sendLeases, instanceId, () => clock.now().toMillis()),
    instances: new InstanceRegistry(database.collections.instances, database.collections.closeDrains, instanceId),
    admission: new AnswerAdmission(timings.answerAdmission),
    names: new DirectoryNames(),
    events,
  };
  await ensureDefaultSurvey(deps);

  const platforms = new Map<PlatformName, ChatPlatform>();
  const useScheduler = timings.scheduler;
  const pulse = createPulse(deps, { platforms, deliveryEveryMs: useScheduler ? null : timings.deliveryEveryMs, summarySchedule: config.summarySchedule });
  const { delivery } = pulse;
  const adapters = await createChatAdapters(config, pulse, timings, options.playgroundClock);
  const { slack, teams, web } = adapters;
  for (const adapter of adapters.all) if (adapter.platform) platforms.set(adapter.name, adapter.platform);
  // Deliveries due now (a round started by hand, an exit survey for today): look at once.
  events.on('deliveries.due', () => delivery.kick());
  const scheduler = useScheduler ? createScheduler(pulse, { retentionMonths: config.retentionMonths, summaries: true, pollMs: timings.schedulerPollMs }) : null;

  // The chat surfaces' own paths first, then the HR API; the web's catch-all "/" stays last.
  const surfaceMounts = adapters.all.flatMap((adapter) => adapter.mounts);
  const mounts: Mount[] = [
    ...surfaceMounts.filter((mount) => mount.prefix !== '/'),
    { prefix: API_PREFIX, listener: createApiListener(pulse, {}) },
    ...surfaceMounts.filter((mount) => mount.prefix === '/'),
  ];
  /** Within a load balancer's patience: a database that does not answer is a quick false. */
  const databaseAnswers = async (): Promise<boolean> => {
    const ping = database.db.command({ ping: 1 }).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
    try {
      return await Promise.race([ping, late]);
    } finally {
      clearTimeout(timer);
      ping.catch(() => undefined);
    }
  };
  mounts.push(
    readinessMount(async () => ((await databaseAnswers()) ? (directory.ready ? null : 'directory') : 'database')),
    metricsMount(() => metrics.render(), config.metrics.token),
  );
  /** Reads one surface's directory; the first success makes that platform ready. Failures are logged, never thrown. */
  const syncOf = (adapter: ChatAdapter) => async (): Promise<void> => {
    if (!adapter.syncDirectories || (adapter.name !== 'slack' && adapter.name !== 'teams')) return;
    try {
      await adapter.syncDirectories();
      directory.synced(adapter.name);
    } catch (error) {
      logger.error({ err: error }, `${adapter.name} directory sync failed`);
    }
  };
  const syncs = adapters.all.filter((adapter) => adapter.syncDirectories !== null).map(syncOf);
  let server: Server | null = null;
  const syncTimers: NodeJS.Timeout[] = [];
  let heartbeatTimer: NodeJS.Timeout | null = null;
  /** Says this instance is alive, and that its answers of any round being closed are all written. */
  const heartbeat = async (): Promise<void> => {
    try {
      await deps.instances?.beat(clock.now().toJSDate());
      await reportDrainedRounds(deps);
    } catch (error) {
      logger.warn({ err: error }, 'instance heartbeat failed (retried in 2 s)');
    }
  };
  let schedulerStarted: Promise<void> = Promise.resolve();

  return {
    config,
    database,
    deps,
    pulse,
    platforms,
    delivery,
    slack,
    teams,
    web,
    metrics,
    async syncDirectories() {
      await Promise.all(syncs.map((sync) => sync()));
    },
    async listen(port, host) {
      server = createHttpServer(databaseAnswers, mounts, config.playground ? { hostAllowed: isLoopbackHost } : {});
      server.listen(port, host);
      await once(server, 'listening');
      await heartbeat();
      heartbeatTimer = setInterval(() => void heartbeat(), HEARTBEAT_EVERY_MS);
      heartbeatTimer.unref();
      for (const adapter of adapters.all) await adapter.start();
      // Each directory now, then hourly (each adapter syncs a workspace or tenant only when due).
      const firstSync = Promise.all(syncs.map((sync) => sync()));
      for (const sync of syncs) {
        const timer = setInterval(() => void sync(), DAY_MS / 24);
        timer.unref();
        syncTimers.push(timer);
      }
      // From here platform callbacks (Slack's reports of posted prompts) reach this process.
      listeningSince = clock.now().toJSDate();
      // Rounds open from the directory: let the first sync finish (or fail) before the scheduler
      // can open one, so a fresh start never fans out to a half-synced directory.
      schedulerStarted = firstSync.then(() => scheduler?.start()).catch((error: unknown) => logger.error({ err: error }, 'the scheduler did not start'));
      if (platforms.size === 0) {
        logger.warn({}, 'no chat platform is configured, so no survey can be delivered: set the SLACK_* or TEAMS_* variables (see README)');
      }
      delivery.kick();
      return (server.address() as AddressInfo).port;
    },
    async close() {
      for (const timer of syncTimers) clearInterval(timer);
      if (heartbeatTimer) clearInterval(heartbeatTimer);
      // Stop starting sends first (those under way finish and are recorded), then let agenda
      // finish its running job and release its locks.
      await delivery.stop();
      // Let another instance take over this one's workspaces at once, not after the lease runs out.
      await deps.leases?.releaseAll().catch(() => undefined);
      await deps.instances?.leave().catch(() => undefined);
      await schedulerStarted;
      await scheduler?.stop(SHUTDOWN_JOB_MS);
      for (const adapter of adapters.all) await adapter.stop();
      if (server) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server?.close(() => resolve()));
      }
      stopWatchdog();
      // Live counts still waiting to share a write (at most 200 ms of them) are written before the connection goes.
      await deps.store.counters.settle();
      await database.close();
    },
  };
}
