/**
 * The door to the core: what `adapters/`, `src/api/`, `src/cli/` and `jobs/` may import from
 * pulsebot's inside (besides `src/domain`, `src/ports` and `src/lib`). `createPulse` builds it;
 * the rest are the view models it returns and pure helpers that go with them.
 */
export { createPulse, type Pulse } from './create-pulse.js';

/** True when an error means the database could not be reached: answer 503, the caller may retry. */
export { isDatabaseUnavailable as isStorageUnavailable } from '../store/database.js';

// Conversation: tokens in, replies out.
export type { ChatReply, CommandStyle } from '../core/conversation/converse.js';
export type { Token } from '../core/conversation/intent.js';
export type { ReportSection, ReportView } from '../core/conversation/report.js';
export { MAX_COMMAND_CHARS, wordToken, wordsOf } from '../core/conversation/tokens.js';

// Prompts and answers.
export type { PromptState } from '../services/prompt-state.js';
export type { AnswerOutcome } from '../services/record-answer.js';

// Surveys HR writes.
export type { DryRun, SurveyStatus, SurveyView } from '../services/survey-studio/surveys-service.js';

// Action plans.
export type { LeaderLoad } from '../services/actions/leader-load.js';

// Results views.
export type { RoundResults } from '../services/results.js';
export type { ExitResults } from '../services/exit-results.js';
export type { DashboardModel } from '../services/dashboard-model.js';
export type { DriverTrends } from '../services/heatmap-model.js';
export { isZeroToTen } from '../services/heatmap-model.js';
export { MIN_IMPACT_PAIRS } from '../domain/insight/driver-impact.js';
export { resultsCsv } from '../services/results-csv.js';
export { formatAnonymityReport } from '../services/anonymity-audit/index.js';

// The directory and who may do what.
export type { DirectoryEntry, DirectorySource } from '../services/sync-directory.js';
export type { PersonDoc, PersonKey } from '../store/documents/identity.js';
export { personKey } from '../store/people-repo.js';
export { ImportRejectedError, personRowSchema, validatePeopleRows } from '../services/people-import.js';
export { parsePeopleCsv } from '../services/people-import-csv.js';
export { reportableAttributeSchema } from '../domain/people/attributes.js';
export { API_SCOPES, apiScopeSchema, type ApiScope } from '../services/api-keys.js';
export { newWebhookSchema, WEBHOOK_EVENTS } from '../services/webhooks/webhooks-config.js';
export { operator } from '../services/actors.js';
export { csrfMatches, type WebSession } from '../store/web-sessions-repo.js';

// The playground's demo organisation.
export { DEMO_TEAMS, WEB_TENANT } from '../services/playground/demo-org.js';
