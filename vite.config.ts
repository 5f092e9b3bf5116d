import { defineConfig } from 'vitest/config';
import { securityHeadersPlugin } from './src/app/security-headers.ts';

// One config for the game (Vite) and the unit/property tests (Vitest).
export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  // The Content Security Policy and other security headers: dev and preview servers, the built
  // page's meta tag and dist/_headers, all from src/app/security-headers.ts.
  plugins: [securityHeadersPlugin()],
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    // Phaser is one prebuilt ~1.2 MB bundle; it gets its own long-lived chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
