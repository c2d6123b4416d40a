import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      // Long crash tests (SIGKILLed child processes): `npm run test:soak`, not part of `npm test`.
      ...(process.env.PULSEBOT_SOAK === '1'
        ? [{ test: { name: 'soak', include: ['test/soak/**/*.test.ts'], globalSetup: ['test/support/global-setup.ts'], testTimeout: 600_000, hookTimeout: 120_000 } }]
        : []),
    ],
  },
});
