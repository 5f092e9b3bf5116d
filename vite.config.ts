import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { securityHeadersPlugin } from './src/app/security-headers.ts';

/**
 * Phaser's feature flags, as its own webpack build defines them (`typeof WEBGL_RENDERER` is
 * `true` there): the view draws with Canvas 2D only (see `src/view/start.ts`) and plays no sound,
 * so the WebGL renderer, its shaders and filters, and the sound system drop out of the bundle.
 */
const PHASER_FLAGS: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: false,
  WEBGL_DEBUG: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const PHASER_SRC = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));
const PHASER_SRC_ID = /[\\/]node_modules[\\/]phaser[\\/]src[\\/]/;

/** Replaces `typeof FLAG` in Phaser's source with the flag's value (webpack's DefinePlugin). */
function phaserFlagsPlugin(): Plugin {
  const flag = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join('|')})\\b`, 'g');
  return {
    name: 'second-front:phaser-flags',
    enforce: 'pre',
    transform(code, id) {
      // By path segment, not PHASER_SRC: a symlinked node_modules resolves to its real path.
      if (!PHASER_SRC_ID.test(id) || !code.includes('typeof ')) return null;
      return {
        code: code.replace(flag, (_, name: string) => String(PHASER_FLAGS[name])),
        map: null,
      };
    },
  };
}

// One config for the game (Vite) and the unit/property tests (Vitest).
export default defineConfig(({ command }) => ({
  // Relative asset paths: the built site works from any folder of any static host.
  base: './',
  // The Content Security Policy and other security headers: dev and preview servers, the built
  // page's meta tag and dist/_headers, all from src/app/security-headers.ts.
  plugins: [securityHeadersPlugin(), phaserFlagsPlugin()],
  resolve: {
    // The game's Phaser is built from Phaser's source with only the parts the view uses
    // (src/view/phaser-build.js); the package exports only its prebuilt bundle, hence the path.
    // The build only: the dev server pre-bundles dependencies one entry at a time, and Phaser's
    // source, split over many entries, evaluates its circular requires out of order there
    // ("Object prototype may only be an Object or null"); dev keeps Phaser's prebuilt bundle.
    // The browser tests run the build, so they check the Phaser that ships.
    alias:
      command !== 'build'
        ? []
        : [
            {
              find: /^phaser$/,
              replacement: fileURLToPath(new URL('./src/view/phaser-build.js', import.meta.url)),
            },
            { find: /^phaser\/src\//, replacement: PHASER_SRC },
          ],
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    target: 'es2022',
    // Phaser gets its own long-lived chunk.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'phaser',
              test: /[\\/]node_modules[\\/](phaser|eventemitter3)[\\/]|phaser-build/,
            },
          ],
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
}));
