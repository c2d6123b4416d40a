import type { Document } from 'mongodb';
import type { AnonymitySettings } from '../../domain/anonymity/thresholds.js';
import { counterId } from '../../store/documents/answers.js';
import type { RoundDoc } from '../../store/documents/rounds.js';
import type { Database } from '../../store/database.js';
import type { ServiceDeps } from '../deps.js';
import { roundResults } from '../results.js';
import { checkDocument, FindingTally, isUuid, knownIdentifiers, type AuditFinding, type KnownIdentifiers } from './checks.js';

/** The answer side and the fields each of its documents may carry, exactly. */
export const ANSWER_SIDE: Readonly<Record<string, { fields: readonly string[]; idShape: (doc: Document) => boolean; ordered?: false }>> = {
  // `link` and `cut` (a prompt's link key and attribute values): only while its round is open (the `link` check).
  responses: { fields: ['_id', 'roundId', 'roundDate', 'questionId', 'segment', 'value', 'link', 'cut'], idShape: isUuid },
  comments: { fields: ['_id', 'roundId', 'roundDate', 'questionId', 'segment', 'text'], idShape: isUuid },
  counters: {
    fields: ['_id', 'roundId', 'segment', 'questionId', 'value', 'n'],
    idShape: (d) => typeof d._id === 'string' && d._id === counterId(String(d.roundId), String(d.segment), String(d.questionId), String(d.value)),
  },
  // Driver impact's sums (issue #20): one per closed pulse round, id = round id, written once at its close.
  impact_sums: { fields: ['_id', 'keys', 'n', 'sx', 'sy', 'sxy', 'sxx', 'syy'], idShape: (d) => typeof d._id === 'string', ordered: false },
  // Answers counted per single attribute (issue #20): one per closed round cut by attribute, written once at its close.
  attribute_counts: { fields: ['_id', 'keys', 'n'], idShape: (d) => typeof d._id === 'string', ordered: false },
  // Made after the round closed, in the order leaders replied: that order is about leaders, never authors.
  conversations: { fields: ['_id', 'roundId', 'roundDate', 'segment', 'messages'], idShape: isUuid, ordered: false },
};
/** Where a round's answers sit while they are rewritten in keyed-id order at close (src/store/keyed-order.ts). */
const STAGING = 'answer_reorder_staging';

export interface AuditCollection {
  readonly name: string;
  readonly fields: readonly string[];
  readonly documents: number;
}

export interface AuditSuppression {
  readonly surveyId: string;
  readonly roundId: string;
  /** Hidden groups: their id and name only, never a count. */
  readonly hidden: readonly { readonly segment: string; readonly name: string | null }[];
}

export interface AnonymityReport {
  readonly passed: boolean;
  readonly thresholds: {
    readonly settings: AnonymitySettings;
    readonly rounds: readonly {
      readonly roundId: string;
      readonly state: RoundDoc['state'];
      readonly minGroupSize: number;
      readonly minCommentGroupSize: number;
    }[];
  };
  readonly collections: readonly AuditCollection[];
  /** The checks run, each passed or not. */
  readonly checks: readonly { readonly name: string; readonly passed: boolean }[];
  readonly findings: readonly AuditFinding[];
  readonly suppressions: readonly AuditSuppression[];
}

export const CHECKS = ['fields', 'id-shape', 'object-id', 'fine-time', 'identifier', 'order', 'ledger', 'link', 'staging'] as const;

/**
 * Reads the whole answer side as stored (natural order) and checks it carries nothing that
 * links an answer to a person. Read-only.
 */
export async function anonymityAudit(deps: ServiceDeps, database: Database): Promise<AnonymityReport> {
  const rounds = await database.collections.rounds.find({}).sort({ _id: 1 }).toArray();
  const closed = new Set(rounds.filter((r) => r.state === 'closed').map((r) => r._id));
  const known = knownIdentifiers(
    await database.db
      .collection('people')
      .find({}, { projection: { _id: 1, userId: 1, email: 1 } })
      .toArray(),
  );
  const findings: AuditFinding[] = [];
  const collections: AuditCollection[] = [];
  for (const [name, spec] of Object.entries(ANSWER_SIDE)) {
    const { documents, found } = await auditCollection(database, name, new Set(spec.fields), spec.idShape, known, spec.ordered === false ? new Set() : closed);
    collections.push({ name, fields: spec.fields, documents });
    findings.push(...found);
  }
  const ledger = await database.db.collection('participation').countDocuments({ roundId: { $in: [...closed] } });
  if (ledger > 0) findings.push({ check: 'ledger', collection: 'participation', field: 'roundId', documents: ledger });
  for (const field of ['link', 'cut']) {
    const linked = await database.collections.responses.countDocuments({ roundId: { $in: [...closed] }, [field]: { $exists: true } });
    if (linked > 0) findings.push({ check: 'link', collection: 'responses', field, documents: linked });
  }
  const staged = await database.db.collection(STAGING).countDocuments({ roundId: { $in: [...closed] } });
  if (staged > 0) findings.push({ check: 'staging', collection: STAGING, field: 'roundId', documents: staged });
  const failed = new Set(findings.map((f) => f.check));
  return {
    passed: findings.length === 0,
    thresholds: {
      settings: deps.settings.anonymity,
      rounds: rounds.map((r) => ({
        roundId: r._id,
        state: r.state,
        minGroupSize: r.anonymity.minGroupSize,
        minCommentGroupSize: r.anonymity.minCommentGroupSize,
      })),
    },
    collections,
    checks: CHECKS.map((name) => ({ name, passed: !failed.has(name) })),
    findings,
    suppressions: await suppressions(deps, rounds),
  };
}

async function auditCollection(
  database: Database,
  name: string,
  allowed: ReadonlySet<string>,
  idShape: (doc: Document) => boolean,
  known: KnownIdentifiers,
  /** Rounds whose documents must be in keyed-id order (none for a collection written after close). */
  closed: ReadonlySet<string>,
): Promise<{ documents: number; found: AuditFinding[] }> {
  const tally = new FindingTally(name);
  const idsByRound = new Map<string, string[]>();
  let documents = 0;
  for await (const doc of database.db.collection(name).find({})) {
    documents++;
    checkDocument(doc, allowed, idShape, known, tally);
    const roundId = typeof doc.roundId === 'string' ? doc.roundId : null;
    if (roundId !== null && closed.has(roundId)) {
      const ids = idsByRound.get(roundId) ?? [];
      ids.push(String(doc._id));
      idsByRound.set(roundId, ids);
    }
  }
  // A closed round's documents are stored in keyed-id order, so their position tells nothing.
  for (const ids of idsByRound.values()) {
    const misplaced = ids.filter((id, i) => i > 0 && id < (ids[i - 1] ?? '')).length;
    if (misplaced > 0) tally.add('order', '_id', misplaced);
  }
  return { documents, found: tally.findings() };
}

/** For each pulse survey's last closed round: the groups its results hide (below k or against subtraction). */
async function suppressions(deps: ServiceDeps, rounds: readonly RoundDoc[]): Promise<AuditSuppression[]> {
  const surveys = [...new Set(rounds.filter((r) => r.kind === 'pulse' && r.state === 'closed').map((r) => r.surveyId))];
  const out: AuditSuppression[] = [];
  for (const surveyId of surveys) {
    const results = await roundResults(deps, surveyId, 'all');
    if (results === null) continue;
    out.push({
      surveyId,
      roundId: results.round._id,
      hidden: results.segments.filter((s) => !s.visible).map((s) => ({ segment: s.segment, name: s.name })),
    });
  }
  return out;
}
