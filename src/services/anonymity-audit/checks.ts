import { ObjectId, type Document } from 'mongodb';

/** One failed check: where (collection, field) and how many documents; never the offending value. */
export interface AuditFinding {
  readonly check: AuditCheckName;
  readonly collection: string;
  readonly field: string | null;
  readonly documents: number;
}

export type AuditCheckName = 'fields' | 'object-id' | 'fine-time' | 'identifier' | 'id-shape' | 'order' | 'ledger' | 'link' | 'staging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A date with a time of day: anything finer than the round's `YYYY-MM-DD`. */
const DATE_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Identifiers of the people the bot knows: person keys, platform user ids, e-mails (lower-cased). */
export interface KnownIdentifiers {
  /** Matched against a whole string value. */
  readonly exact: ReadonlySet<string>;
  /** Matched anywhere inside a string value (long enough not to match by chance). */
  readonly contained: readonly string[];
}

export function knownIdentifiers(people: readonly Document[]): KnownIdentifiers {
  const exact = new Set<string>();
  const contained = new Set<string>();
  for (const person of people) {
    for (const value of [person._id, person.userId, person.email]) {
      if (typeof value !== 'string' || value === '') continue;
      exact.add(value.toLowerCase());
      if (value.includes('@') || value.includes(':')) contained.add(value.toLowerCase());
    }
  }
  return { exact, contained: [...contained] };
}

/** Every (field path, value) leaf of a document; arrays keep their parent's path. */
function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (const item of value) yield* leaves(item, path);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof ObjectId)) {
    for (const [key, inner] of Object.entries(value)) yield* leaves(inner, path === '' ? key : `${path}.${key}`);
  } else {
    yield [path, value];
  }
}

/** Counts documents per (check, field); each document counts once per check and field. */
export class FindingTally {
  private readonly counts = new Map<string, AuditFinding>();
  constructor(private readonly collection: string) {}

  add(check: AuditCheckName, field: string | null, documents = 1): void {
    const key = `${check}\u001f${field ?? ''}`;
    const before = this.counts.get(key);
    this.counts.set(key, { check, collection: this.collection, field, documents: (before?.documents ?? 0) + documents });
  }

  findings(): AuditFinding[] {
    return [...this.counts.values()];
  }
}

/** Checks one answer-side document's fields and values. */
export function checkDocument(
  doc: Document,
  allowed: ReadonlySet<string>,
  idShape: (doc: Document) => boolean,
  known: KnownIdentifiers,
  tally: FindingTally,
): void {
  for (const field of Object.keys(doc)) if (!allowed.has(field)) tally.add('fields', field);
  if (!idShape(doc)) tally.add('id-shape', '_id');
  const hits = new Map<AuditCheckName, Set<string>>();
  const hit = (check: AuditCheckName, field: string) => {
    const set = hits.get(check) ?? new Set<string>();
    set.add(field);
    hits.set(check, set);
  };
  for (const [field, value] of leaves(doc, '')) {
    if (value instanceof ObjectId) hit('object-id', field);
    else if (value instanceof Date) hit('fine-time', field);
    else if (typeof value === 'string') {
      if (DATE_TIME.test(value)) hit('fine-time', field);
      const lower = value.toLowerCase();
      if (known.exact.has(lower) || known.contained.some((id) => lower.includes(id))) hit('identifier', field);
    }
  }
  for (const [check, fields] of hits) for (const field of fields) tally.add(check, field);
}

export const isUuid = (doc: Document): boolean => typeof doc._id === 'string' && UUID.test(doc._id);
