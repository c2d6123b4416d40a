/**
 * Scans documents for what would link an answer to a person: identifiers (as whole values or
 * inside strings), ObjectIds (they embed their creation time) and timestamps, whose finest unit
 * is reported in seconds (86,400 = whole days).
 */
import { ObjectId } from 'mongodb';

export interface ScanResult {
  identifiers: number;
  objectIds: number;
  /** The finest time unit of any timestamp found, in seconds; 86,400 when none is finer than a day. */
  finestTimestampSeconds: number;
  findings: string[];
}

const DAY = 86_400;
const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?/;

/** The coarsest of seconds/minute/hour/day that `ms` is a whole multiple of (1 for anything finer). */
export function granularitySeconds(ms: number): number {
  for (const unit of [DAY, 3600, 60, 1]) if (ms % (unit * 1000) === 0) return unit;
  return 0.001;
}

export function scanDocuments(docs: Iterable<{ collection: string; doc: unknown }>, identifiers: readonly string[]): ScanResult {
  const needles = [...new Set(identifiers.filter((id) => id.length >= 4))];
  const result: ScanResult = { identifiers: 0, objectIds: 0, finestTimestampSeconds: DAY, findings: [] };
  const visit = (value: unknown, where: string): void => {
    if (value instanceof ObjectId) {
      result.objectIds++;
      result.findings.push(`ObjectId at ${where}`);
    } else if (value instanceof Date) {
      const unit = granularitySeconds(value.getTime());
      if (unit < result.finestTimestampSeconds) result.findings.push(`timestamp to ${unit} s at ${where}`);
      result.finestTimestampSeconds = Math.min(result.finestTimestampSeconds, unit);
    } else if (typeof value === 'string') {
      const hit = needles.find((needle) => value.includes(needle));
      if (hit !== undefined) {
        result.identifiers++;
        result.findings.push(`identifier "${hit}" at ${where}`);
      }
      const time = ISO_TIME.exec(value);
      if (time) {
        const parsed = Date.parse(time[0].includes('T') ? `${time[0]}Z` : time[0]);
        const unit = Number.isNaN(parsed) ? 1 : granularitySeconds(parsed);
        result.finestTimestampSeconds = Math.min(result.finestTimestampSeconds, unit);
        result.findings.push(`time string at ${where}`);
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${where}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        visit(key, `${where} (key)`);
        visit(item, `${where}.${key}`);
      }
    }
  };
  for (const { collection, doc } of docs) visit(doc, collection);
  return result;
}
