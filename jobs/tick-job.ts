import type { Agenda } from 'agenda';
import type { DeliveryLoop } from '../src/delivery-loop.js';
import { JOBS } from './job-names.js';

/**
 * Every minute: open, close, remind and send (src/services/schedule-tick.ts). It runs through
 * the delivery loop, so a tick never overlaps an on-demand pass (send-now) in this process, and
 * agenda's lock keeps other instances from running it at the same time.
 */
export function defineTickJob(agenda: Agenda, loop: DeliveryLoop): void {
  agenda.define(
    JOBS.tick,
    async () => {
      loop.kick();
      await loop.idle();
    },
    { concurrency: 1, lockLimit: 1, lockLifetime: 10 * 60_000 },
  );
}
