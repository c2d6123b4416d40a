/** The agenda jobs pulsebot defines; one file each. */
export const JOBS = {
  tick: 'pulsebot:tick',
  retention: 'pulsebot:retention',
  webhooks: 'pulsebot:webhooks',
} as const;
