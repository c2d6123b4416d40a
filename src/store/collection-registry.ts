/**
 * Every MongoDB collection pulsebot writes, in one place: which side of the anonymity wall it is
 * on, and how long its documents live. A collection not listed here fails the registry test, so
 * nothing is stored that nobody decided to keep (issue #16).
 *
 * - `identity`: who people are and what was sent to them; never what anyone answered.
 * - `answer`: what was answered; never who (see the anonymity audit).
 * - `operations`: locks, leases, jobs and settings; neither people's answers nor profiles.
 */
export type CollectionSide = 'identity' | 'answer' | 'operations';

export interface CollectionEntry {
  readonly name: string;
  readonly side: CollectionSide;
  /** How long documents live, and what removes them. */
  readonly retention: string;
}

export const COLLECTIONS: readonly CollectionEntry[] = [
  { name: 'people', side: 'identity', retention: 'while in a directory; inactive people stay (no prompts) so roles and history keep working' },
  { name: 'segments', side: 'identity', retention: 'kept: rounds keep their own copy of the tree' },
  { name: 'deliveries', side: 'identity', retention: 'deleted 30 days after their round closed (retention job)' },
  { name: 'send_locks', side: 'operations', retention: 'deleted with their round’s deliveries' },
  { name: 'send_leases', side: 'operations', retention: 'overwritten in place (one per workspace or tenant)' },
  { name: 'instances', side: 'operations', retention: 'overwritten by heartbeats; stale ones ignored' },
  { name: 'close_drains', side: 'operations', retention: 'one per closing round, removed when it closes' },
  { name: 'participation', side: 'identity', retention: 'the ledger: deleted when its round closes' },
  { name: 'event_requests', side: 'identity', retention: 'finished ones deleted after PULSE_RETENTION_MONTHS (retention job)' },
  { name: 'event_receipts', side: 'operations', retention: 'hashes of event names and idempotency keys, deleted after 90 days (retention job)' },
  { name: 'event_sources', side: 'operations', retention: 'kept: one per system that signs events (name and secret); revoked ones stay revoked' },
  {
    name: 'replies_notices',
    side: 'operations',
    retention: 'one per round and day with replies (groups only); deleted with the round’s deliveries (retention job)',
  },
  {
    name: 'actions',
    side: 'identity',
    retention: 'kept: actions leaders committed to (owner, group, words, status, due date); done ones after PULSE_RETENTION_MONTHS (retention job)',
  },
  { name: 'result_shares', side: 'operations', retention: 'one per closed round whose results are shared back (round id and state only)' },
  { name: 'webhooks', side: 'operations', retention: 'kept: receivers HR configured (deleted ones marked, their log kept)' },
  {
    name: 'webhook_deliveries',
    side: 'operations',
    retention: 'the outbox: aggregate payloads only, deleted 30 days after delivery or giving up (retention job)',
  },
  { name: 'exit_requests', side: 'identity', retention: 'moved into event_requests at start (installs from before issue #18), then empty' },
  { name: 'responses', side: 'answer', retention: 'deleted after PULSE_RETENTION_MONTHS (retention job); counters stay' },
  { name: 'comments', side: 'answer', retention: 'deleted after PULSE_RETENTION_MONTHS (retention job)' },
  { name: 'conversations', side: 'answer', retention: 'with their comments: deleted after PULSE_RETENTION_MONTHS (retention job)' },
  { name: 'counters', side: 'answer', retention: 'kept: aggregates only, what summaries and trends read' },
  { name: 'answer_reorder_staging', side: 'answer', retention: 'a round’s copy while its close rewrites it, then deleted' },
  { name: 'surveys', side: 'operations', retention: 'kept: survey definitions' },
  { name: 'rounds', side: 'operations', retention: 'kept: dates, questions, thresholds and the tree each round ran with' },
  { name: 'meta', side: 'operations', retention: 'overwritten in place (last syncs, schema marks)' },
  { name: 'installations', side: 'operations', retention: 'one per Slack workspace, removed at uninstall' },
  { name: 'api_keys', side: 'operations', retention: 'kept (hashes only); revoked keys stay revoked' },
  { name: 'summary_snapshots', side: 'answer', retention: 'one per closed round (its final counters), kept as counters are' },
  {
    name: 'impact_sums',
    side: 'answer',
    retention: 'one per closed pulse round: sums of (eNPS, answer) pairs per visible group and question, kept as counters are',
  },
  {
    name: 'attribute_counts',
    side: 'answer',
    retention: 'one per closed round cut by attribute: answers per single attribute value, question and answer, kept as counters are',
  },
  {
    name: 'attribute_cells',
    side: 'operations',
    retention: 'one per round cut by attribute: kept values and which (group, values) combinations were invited, no counts; kept with the round',
  },
  { name: 'summary_deliveries', side: 'identity', retention: 'deleted after 12 weeks (retention job)' },
  { name: 'summary_locks', side: 'operations', retention: 'deleted after 12 weeks (retention job)' },
  { name: 'web_sessions', side: 'identity', retention: 'ended sessions deleted after a day (retention job); expired ones also when new ones are made' },
  { name: 'used_links', side: 'operations', retention: 'hashes of used sign-in links, deleted when the link would have expired' },
  { name: 'teams_personal_conversations', side: 'identity', retention: 'while the app is installed for the person' },
  { name: 'teams_team_conversations', side: 'identity', retention: 'while the app is installed in the team' },
  { name: 'teams_members', side: 'identity', retention: 'replaced by each roster read' },
  { name: 'agenda_jobs', side: 'operations', retention: 'agenda’s job records (finished one-off jobs removed by agenda)' },
];

export const collectionNamed = (name: string): CollectionEntry | undefined => COLLECTIONS.find((c) => c.name === name);
