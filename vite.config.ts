import { defineConfig } from 'vitest/config';

// One config for the game (Vite) and the unit/property tests (Vitest).
export default defineConfig({
  server: { port: 5173 },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
