import type { Collection } from 'mongodb';
import { insertOnce } from './database.js';

/** A running pulsebot process, as long as it keeps saying so. */
export interface InstanceDoc {
  readonly _id: string;
  readonly lastSeen: Date;
}

/** An instance that closing a round has heard from: its answers of that round are all written. */
export interface CloseDrainDoc {
  /** `<roundId>|<instanceId>` */
  readonly _id: string;
  readonly roundId: string;
}

/** After this long without a heartbeat an instance counts as gone (ms). */
export const INSTANCE_STALE_MS = 30_000;

/**
 * The instances sharing this database, by heartbeat, and which of them have finished writing the
 * answers of a round being closed. Identity-free: an instance id is random per process start.
 */
export class InstanceRegistry {
  constructor(
    private readonly instances: Collection<InstanceDoc>,
    private readonly drains: Collection<CloseDrainDoc>,
    readonly id: string,
  ) {}

  async beat(now: Date): Promise<void> {
    await this.instances.replaceOne({ _id: this.id }, { lastSeen: now }, { upsert: true });
  }

  async leave(): Promise<void> {
    await this.instances.deleteOne({ _id: this.id });
  }

  /** Instances heard from within INSTANCE_STALE_MS of `now`. */
  async live(now: Date): Promise<string[]> {
    const docs = await this.instances.find({ lastSeen: { $gte: new Date(now.getTime() - INSTANCE_STALE_MS) } }, { projection: { _id: 1 } }).toArray();
    return docs.map((d) => d._id);
  }

  /** This instance has no answer of `roundId` left in flight. */
  async drained(roundId: string): Promise<void> {
    await insertOnce(this.drains, { _id: `${roundId}|${this.id}`, roundId });
  }

  async hasDrained(roundId: string): Promise<boolean> {
    return (await this.drains.countDocuments({ _id: `${roundId}|${this.id}` })) > 0;
  }

  /** The instances that have reported `roundId` drained. */
  async drainedBy(roundId: string): Promise<Set<string>> {
    const docs = await this.drains.find({ roundId }, { projection: { _id: 1 } }).toArray();
    return new Set(docs.map((d) => d._id.slice(roundId.length + 1)));
  }

  async forgetRound(roundId: string): Promise<void> {
    await this.drains.deleteMany({ roundId });
  }
}
