import { bulkUpsert, type Database } from './database.js';
import { deliveryDocSchema, type DeliveryDoc, type PersonKey } from './documents/identity.js';

export function deliveryId(roundId: string, person: PersonKey): string {
  return `${roundId}|${person}`;
}

/** Who a round's prompt goes to, and how far each send got. Identity side. */
export class DeliveriesRepo {
  constructor(private readonly database: Database) {}

  private get deliveries() {
    return this.database.collections.deliveries;
  }

  /** Adds pending deliveries; one that exists is left as it is, so a restarted fan-out adds only what is missing. */
  async addPending(docs: readonly Omit<DeliveryDoc, 'state' | 'attempts' | 'claimedAt' | 'messageChannel' | 'messageId' | 'lastError'>[]): Promise<void> {
    if (docs.length === 0) return;
    await bulkUpsert(
      this.deliveries,
      docs.map((doc) => ({
        updateOne: {
          filter: { _id: doc._id },
          update: { $setOnInsert: deliveryDocSchema.parse({ ...doc, state: 'pending' }) },
          upsert: true,
        },
      })),
    );
  }

  async get(id: string): Promise<DeliveryDoc | null> {
    const doc = await this.deliveries.findOne({ _id: id });
    return doc === null ? null : deliveryDocSchema.parse(doc);
  }

  /** Invited people per reporting segment, counted from the deliveries themselves (idempotent). */
  async invitedBySegment(roundId: string): Promise<Map<string, number>> {
    const rows = this.deliveries.aggregate<{ _id: string; n: number }>([
      { $match: { roundId } },
      { $group: { _id: '$reportingSegment', n: { $sum: 1 } } },
    ]);
    const out = new Map<string, number>();
    for await (const row of rows) out.set(row._id, row.n);
    return out;
  }
}
