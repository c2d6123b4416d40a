import { actionsFor } from '../services/actions/action-views.js';
import { changeAction, commitAction } from '../services/actions/commit-action.js';
import { leaderLoad } from '../services/actions/leader-load.js';
import { answerBack, promptThreads } from '../services/conversations/author-thread.js';
import { conversationOf, respondToComment } from '../services/conversations/leader-replies.js';
import { createWebhook, deleteWebhook, listWebhooks, webhookDeliveries } from '../services/webhooks/webhooks-config.js';
import { startWebhookLoop } from '../services/webhooks/webhook-loop.js';
import { resolveLocale, type Locale } from '../domain/i18n/locale.js';
import { parseIntent } from '../core/conversation/grammar.js';
import { converse } from '../core/conversation/converse.js';
import { startDeliveryLoop } from '../delivery-loop.js';
import type { PlatformRegistry } from '../services/deliver-due.js';
import type { ServiceDeps } from '../services/deps.js';
import { loadActor } from '../services/actors.js';
import { anonymityAudit } from '../services/anonymity-audit/index.js';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from '../services/api-keys.js';
import { confirmPromptPosted } from '../services/confirm-posted.js';
import { dashboardModel, dashboardTrend } from '../services/dashboard-model.js';
import { cancelExitSurvey, requestExitSurvey } from '../services/exit-surveys.js';
import { createEventSource, listEventSources, revokeEventSource, verifyEventSource } from '../services/events/event-sources.js';
import { raiseEvent } from '../services/events/raise-event.js';
import { accountsOf, activePeopleOf, findActivePerson } from '../services/find-person.js';
import { changeRole } from '../services/manage-roles.js';
import { openSurveysOf } from '../services/open-surveys.js';
import { applyPeopleRows, importPeople, setReportableAttributes } from '../services/people-import.js';
import { personSeen } from '../services/person-seen.js';
import { fastForward } from '../services/playground/fast-forward.js';
import { seedDemo } from '../services/playground/seed-demo.js';
import { promptLocale, promptQuestion, promptState } from '../services/prompt-state.js';
import { recordAnswer } from '../services/record-answer.js';
import { openExitActivity, resultsActivity } from '../services/results-activity.js';
import { resultsInRange } from '../services/results-range.js';
import { applyRetention } from '../services/retention.js';
import { loadSummaryContext } from '../services/summary-context.js';
import { sendDueSummaries } from '../services/summary-delivery.js';
import { summaryForReader } from '../services/summary-reader.js';
import { DEFAULT_SURVEY_ID } from '../services/surveys.js';
import {
  archiveSurvey,
  createSurvey,
  dryRun,
  getSurvey,
  listSurveys,
  pauseSurvey,
  previewSurvey,
  resumeSurvey,
  roundNow,
  surveyTemplates,
  updateSurvey,
} from '../services/survey-studio/surveys-service.js';
import { directorySyncDue, syncDirectory } from '../services/sync-directory.js';
import type { SummarySchedule } from '../domain/summary/summary-schedule.js';
import type { PersonKey } from '../store/documents/identity.js';
import { installationsRepo } from '../store/installations-repo.js';
import { TeamsConversationsRepo } from '../store/teams-conversations-repo.js';

export interface PulseOptions {
  /** The chat platforms prompts go out on (filled in by the composition root as adapters start). */
  readonly platforms: PlatformRegistry;
  /** Without the job scheduler: how often the schedule is ticked in process (ms); null: only when asked. */
  readonly deliveryEveryMs: number | null;
  /** The weekly summaries' time; null: none are sent. */
  readonly summarySchedule: SummarySchedule | null;
}

/**
 * The one door to the core. Adapters, the HR API, the CLI and the jobs reach pulsebot through
 * this object only (lint enforces it): they translate their platform's requests into these calls
 * and render what comes back. Everything behind it (the use cases, the store, MongoDB) can change
 * without any of them noticing. Each member is one capability; the functions behind them take the
 * same dependencies, bound here once.
 */
export function createPulse(deps: ServiceDeps, options: PulseOptions) {
  const on =
    <A extends unknown[], R>(fn: (d: ServiceDeps, ...args: A) => R) =>
    (...args: A): R =>
      fn(deps, ...args);
  const { store } = deps;
  const delivery = startDeliveryLoop(deps, options.platforms, options.deliveryEveryMs);
  const webhookLoop = startWebhookLoop(deps);
  const summaryOptions = options.summarySchedule === null ? null : { schedule: options.summarySchedule };

  return {
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics,
    /** The organisation's settings a surface may show (thresholds, default language and zone). */
    settings: {
      anonymity: deps.settings.anonymity,
      defaultLocale: deps.settings.defaultLocale,
      defaultTimezone: deps.settings.defaultTimezone,
      orgName: deps.settings.orgName,
    },
    /** What the core announces (deliveries due now…). */
    events: deps.events,

    /** Answering a prompt and drawing it as it is now. */
    prompts: {
      answer: on(recordAnswer),
      /** The prompt's current state (a view model for the renderers); null when its round is gone. */
      state: on(promptState),
      question: on(promptQuestion),
      locale: on(promptLocale),
      /** The tag a prompt's token carries for a person, and whether a clicked tag is theirs. */
      tag: (token: string, person: PersonKey) => store.ledger.promptTag(token, person),
      tagMatches: (token: string, person: PersonKey, tag: string | undefined) => store.ledger.promptTagMatches(token, person, tag),
      /** A platform's report that a prompt was posted (Slack's message metadata). */
      confirmPosted: on(confirmPromptPosted),
      /** The surveys a person can still answer (a home tab). */
      openFor: on(openSurveysOf),
    },

    /** Every command of every chat surface: words and person references in, a reply out. */
    conversation: {
      parse: parseIntent,
      converse: on(converse),
    },

    /** Results for a viewer: every figure passes the same thresholds and subtraction rule. */
    results: {
      summaryFor: on(summaryForReader),
      range: on(resultsInRange),
      dashboard: on(dashboardModel),
      /** A heatmap row's drill-down: the group's trend per driver (issue #20). */
      dashboardTrend: on(dashboardTrend),
      /** Signatures that move when results may have (live views recompute only then). */
      activity: () => resultsActivity(deps),
      exitActivity: () => openExitActivity(deps),
    },

    /** Surveys HR writes: documents in, checked whole, stored only when every rule holds. */
    surveys: {
      list: on(listSurveys),
      get: on(getSurvey),
      create: on(createSurvey),
      update: on(updateSurvey),
      pause: on(pauseSurvey),
      resume: on(resumeSurvey),
      archive: on(archiveSurvey),
      roundNow: on(roundNow),
      dryRun: on(dryRun),
      /** The first round's prompt of a document, for the editor's preview (checked, stored nowhere). */
      preview: on(previewSurvey),
      templates: surveyTemplates,
    },

    /** Events that trigger surveys for one person, and the systems that sign them (issue #18). */
    triggers: {
      raise: on(raiseEvent),
      verifySource: on(verifyEventSource),
      createSource: on(createEventSource),
      listSources: () => listEventSources(deps),
      revokeSource: on(revokeEventSource),
    },

    /** Anonymous conversations on comments (issue #19): leaders reply, authors read and answer from their own prompt. */
    conversations: {
      respond: on(respondToComment),
      of: on(conversationOf),
      threads: on(promptThreads),
      answerBack: on(answerBack),
    },

    /** Action plans (issue #19): leaders commit, the group hears of it, later rounds ask whether it helped. */
    actions: {
      commit: on(commitAction),
      change: on(changeAction),
      list: on(actionsFor),
      /** For HR and admins: per leader, comments awaiting a reply and actions open or overdue (counts only). */
      leaderLoad: on(leaderLoad),
    },

    /** Results out by themselves: receivers HR configured, and what was sent to each (issue #18). */
    webhooks: {
      create: on(createWebhook),
      list: () => listWebhooks(deps),
      delete: on(deleteWebhook),
      deliveries: on(webhookDeliveries),
    },

    /** The exit survey: the `person.leaving` event, as HR raises it. */
    exits: {
      request: on(requestExitSurvey),
      cancel: on(cancelExitSurvey),
    },

    /** The directory: people as the platforms and HR describe them. */
    directory: {
      person: (key: PersonKey) => store.people.get(key),
      /** The language to speak to a person in: theirs, else the platform's, else the default. */
      localeOf: async (key: PersonKey, platformLocale?: string | null): Promise<Locale> =>
        resolveLocale((await store.people.get(key))?.locale ?? platformLocale ?? null, deps.settings.defaultLocale),
      seen: on(personSeen),
      sync: on(syncDirectory),
      syncDue: on(directorySyncDue),
      find: on(findActivePerson),
      /** The accounts an operator means: all with an e-mail address, or one by key. */
      accounts: on(accountsOf),
      peopleOf: on(activePeopleOf),
      segments: () => store.segments.all(),
      import: on(importPeople),
      applyRows: on(applyPeopleRows),
      /** The attributes HR marked reportable: rounds opened from now on are cut by them (issue #20). */
      setReportable: on(setReportableAttributes),
      /** Display names from the last syncs (memory only), for the identifying-comment warning. */
      names: deps.names,
    },

    /** Who may do what: actors, roles, API keys, dashboard sessions. */
    access: {
      actor: on(loadActor),
      changeRole: on(changeRole),
      verifyApiKey: on(verifyApiKey),
      createApiKey: on(createApiKey),
      listApiKeys: () => listApiKeys(deps),
      revokeApiKey: on(revokeApiKey),
      sessions: {
        useLink: (token: string, linkExpiresAt: Date) => store.webSessions.useLink(token, linkExpiresAt, deps.clock.now().toJSDate()),
        create: (person: PersonKey, expiresAt: Date) => store.webSessions.create(person, deps.clock.now().toJSDate(), expiresAt),
        get: (id: string) => store.webSessions.get(id, deps.clock.now().toJSDate()),
        revoke: (id: string) => store.webSessions.revoke(id, deps.clock.now().toJSDate()),
        revokeAll: (person?: PersonKey) => store.webSessions.revokeAll(deps.clock.now().toJSDate(), person),
      },
    },

    /** The anonymity audit of what is stored. */
    audit: () => anonymityAudit(deps, store.database),

    /** Where chat adapters keep what they need to reach people (identity side only). */
    platformState: {
      slackInstallations: installationsRepo(store.database, () => deps.clock.now().toJSDate()),
      teamsConversations: new TeamsConversationsRepo(store.database.db),
    },

    /** Sending: prompts, reminders and closes run through this loop, one pass at a time. */
    delivery,

    /** What the scheduled jobs run. */
    jobs: {
      /** Open, close, remind and send what is due (through the delivery loop). */
      async tick(): Promise<void> {
        delivery.kick();
        await delivery.idle();
      },
      retention: on(applyRetention),
      /** Sends the webhook messages that are due (new ones, and retries). */
      webhooks: () => webhookLoop.run(),
      /** Sends the weekly summaries due on each reader's clock (none when no schedule is set). */
      async summaries(): Promise<void> {
        // Keeps the summary context warm and snapshots a newly closed round within a minute.
        await loadSummaryContext(deps, DEFAULT_SURVEY_ID);
        if (summaryOptions !== null) await sendDueSummaries(deps, options.platforms, summaryOptions);
      },
      /** The database agenda keeps its jobs in (the app's own). */
      database: store.database.db,
    },

    /** The web playground: demo data and simulated time. */
    playground: {
      seed: () => seedDemo(deps),
      fastForward: (clock: Parameters<typeof fastForward>[0]['clock'], hours: number) =>
        fastForward({ deps, clock, platforms: options.platforms, summaries: summaryOptions }, hours),
    },
  };
}

export type Pulse = ReturnType<typeof createPulse>;
