import { z } from 'zod';

/** Engagement drivers the question bank rotates through. */
export const DRIVERS = [
  'recognition',
  'growth',
  'management',
  'peers',
  'wellness',
  'workload',
  'alignment',
  'autonomy',
  'satisfaction',
  'ambassadorship',
  'purpose',
  'voice',
] as const;

/** The drivers today's default pulse rotates through (the first ten; purpose and voice came with the larger bank). */
export const PULSE_DRIVERS = DRIVERS.slice(0, 10);

export const driverSchema = z.enum(DRIVERS);
export type Driver = z.infer<typeof driverSchema>;
