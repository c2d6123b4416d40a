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
          // Browser renders and server writes share two cores with the other files: a poll that
          // passes at once costs nothing, and one that needs a moment must not fail at 1 s.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
