import type { Driver } from './drivers.js';
import { seededShuffle } from './seeded-random.js';
import { PULSE_BANK } from './templates/engagement-bank.js';
import { ENPS_QUESTION } from './templates/enps.js';

export interface RotationSettings {
  /** Questions per round, eNPS included: 3–5. */
  readonly questionsPerRound: number;
  /** eNPS is asked in round 0 and every `enpsEvery` rounds after it. */
  readonly enpsEvery: number;
  /** The drivers to rotate through, in no particular order (the seed decides the order). */
  readonly drivers: readonly Driver[];
  readonly seed: string;
}

/** Whether round number `roundIndex` (0-based) asks eNPS. */
export function asksEnps(settings: RotationSettings, roundIndex: number): boolean {
  return roundIndex % settings.enpsEvery === 0;
}

/** How many eNPS rounds there are among rounds 0 … roundIndex-1. */
function enpsRoundsBefore(settings: RotationSettings, roundIndex: number): number {
  return Math.ceil(roundIndex / settings.enpsEvery);
}

/** Driver slots in the `window` rounds with the fewest of them (eNPS takes one slot when asked). */
export function minDriverSlots(settings: Pick<RotationSettings, 'questionsPerRound' | 'enpsEvery'>, window: number): number {
  const enpsInWindow = Math.ceil(window / settings.enpsEvery);
  return window * settings.questionsPerRound - enpsInWindow;
}

/**
 * The question ids of round `roundIndex` (0-based, counted from the survey's first round).
 *
 * Driver slots are dealt from one endless cycle over the drivers in a seeded order, so any run
 * of consecutive slots as long as the driver list covers every driver. Within a driver, its
 * statements are asked in a seeded order, one per appearance. Pure and O(1) per round: round
 * 300 costs what round 0 costs, and the same seed always gives the same rounds.
 */
export function questionsForRound(settings: RotationSettings, roundIndex: number): string[] {
  if (!Number.isInteger(roundIndex) || roundIndex < 0) throw new RangeError(`roundIndex must be ≥ 0, got ${roundIndex}`);
  const order = seededShuffle([...new Set(settings.drivers)].sort(), `${settings.seed}:drivers`);
  const ids: string[] = [];
  const enps = asksEnps(settings, roundIndex);
  if (enps) ids.push(ENPS_QUESTION.id);
  const slots = settings.questionsPerRound - (enps ? 1 : 0);
  const firstSlot = roundIndex * settings.questionsPerRound - enpsRoundsBefore(settings, roundIndex);
  for (let s = firstSlot; s < firstSlot + slots; s++) {
    const driver = order[s % order.length] as Driver;
    const appearance = Math.floor(s / order.length);
    const statements = seededShuffle(PULSE_BANK[driver], `${settings.seed}:${driver}`);
    const question = statements[appearance % statements.length];
    if (question) ids.push(question.id);
  }
  return ids;
}
