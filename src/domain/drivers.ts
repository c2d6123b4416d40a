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
] as const;

export const driverSchema = z.enum(DRIVERS);
export type Driver = z.infer<typeof driverSchema>;
