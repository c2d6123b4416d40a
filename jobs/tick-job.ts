import type { Agenda } from 'agenda';
import type { Pulse } from '../src/pulse/index.js';
import { JOBS } from './job-names.js';

/**
 * Every minute: open, close, remind and send. It runs through the core's delivery loop, so a
 * tick never overlaps an on-demand pass (send-now) in this process, and agenda's lock keeps
 * other instances from running it at the same time.
 */
export function defineTickJob(agenda: Agenda, pulse: Pulse): void {
  agenda.define(JOBS.tick, () => pulse.jobs.tick(), { concurrency: 1, lockLimit: 1, lockLifetime: 10 * 60_000 });
}
