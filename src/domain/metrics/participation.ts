export interface Participation {
  readonly invited: number;
  readonly respondents: number;
  /** respondents / invited, in percent (0 when nobody was invited). */
  readonly rate: number;
}

export function participation(invited: number, respondents: number): Participation {
  if (respondents > invited) throw new RangeError(`respondents (${respondents}) exceed invited (${invited})`);
  return { invited, respondents, rate: invited === 0 ? 0 : (respondents / invited) * 100 };
}
