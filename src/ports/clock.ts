import { DateTime } from 'luxon';

/** Where the core gets "now" from. Tests and the playground use a clock they can move. */
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

/** A clock that stands still until told to move: for tests and the playground's fast-forward. */
export class ManualClock implements Clock {
  constructor(private current: DateTime) {}
  now(): DateTime {
    return this.current;
  }
  set(to: DateTime): void {
    this.current = to;
  }
  advance(by: Parameters<DateTime['plus']>[0]): void {
    this.current = this.current.plus(by);
  }
}
