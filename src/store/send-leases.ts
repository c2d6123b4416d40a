import type { Collection } from 'mongodb';
import { isDuplicateKey } from './database.js';

/**
 * One generation of the lease to send to one workspace or tenant. The newest generation of a key
 * is the lease; a new one can only be inserted once the newest has expired, and its unique `_id`
 * lets exactly one instance win it (a unique-key insert is the one compare-and-set that is atomic
 * on every MongoDB-protocol server; FerretDB's conditional updates are not).
 */
export interface SendLeaseDoc {
  /** `<key>#<generation>` */
  readonly _id: string;
  readonly key: string;
  readonly generation: number;
  readonly holder: string;
  readonly expiresAt: Date;
}

/** How long a lease lasts without renewal: a holder that dies is replaced within this. */
export const SEND_LEASE_MS = 10_000;

interface Held {
  readonly id: string;
  readonly expiresAt: number;
}

/**
 * Which instance sends to each workspace (Slack) or tenant (Teams): one at a time, so the pace
 * configured per workspace holds across every instance, however many there are. The holder renews
 * its lease when half of it is gone (one write per 5 s while it sends); another instance takes
 * over once the lease has expired. A holder trusts its own lease only while more than half of it
 * is left, so clocks may differ between instances by up to that much.
 */
export class SendLeases {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly leases: Collection<SendLeaseDoc>,
    /** This process, as it signs its leases (random per start). */
    readonly holder: string,
    private readonly now: () => number,
    private readonly ttlMs = SEND_LEASE_MS,
  ) {}

  /** True when this process may send to `key` now: it holds the lease, renewed it, or just took it. */
  async hold(key: string): Promise<boolean> {
    const now = this.now();
    const mine = this.held.get(key);
    if (mine !== undefined && mine.expiresAt - now > this.ttlMs / 2) return true;
    const newest = await this.leases.find({ key }).sort({ generation: -1 }).limit(1).next();
    if (newest !== null && newest.expiresAt.getTime() > now) {
      if (newest.holder !== this.holder) {
        this.held.delete(key);
        return false;
      }
      // Only its holder writes to a generation: renewing it races with nobody.
      const expiresAt = now + this.ttlMs;
      await this.leases.updateOne({ _id: newest._id, holder: this.holder }, { $set: { expiresAt: new Date(expiresAt) } });
      this.held.set(key, { id: newest._id, expiresAt });
      return true;
    }
    return this.take(key, (newest?.generation ?? 0) + 1, now);
  }

  /** Lets go of every lease this process holds (at shutdown), so another instance takes over at once. */
  async releaseAll(): Promise<void> {
    const ids = [...this.held.values()].map((h) => h.id);
    this.held.clear();
    if (ids.length > 0) await this.leases.updateMany({ _id: { $in: ids }, holder: this.holder }, { $set: { expiresAt: new Date(0) } });
  }

  private async take(key: string, generation: number, now: number): Promise<boolean> {
    const id = `${key}#${String(generation).padStart(12, '0')}`;
    const expiresAt = now + this.ttlMs;
    try {
      await this.leases.insertOne({ _id: id, key, generation, holder: this.holder, expiresAt: new Date(expiresAt) });
    } catch (error) {
      if (isDuplicateKey(error)) {
        this.held.delete(key);
        return false;
      }
      throw error;
    }
    this.held.set(key, { id, expiresAt });
    // Generations before the previous one are history nobody reads.
    if (generation > 2) await this.leases.deleteMany({ key, generation: { $lt: generation - 1 } });
    return true;
  }
}
