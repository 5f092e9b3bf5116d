// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * Layers import one way: view/app/cli -> engine -> sim. `sim` must stay pure and deterministic
 * (no renderer, no clock, no unseeded randomness), `engine` may use xstate but nothing above it.
 */
const noClock = [
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'Use a seeded stream from sim/random.ts.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'No clock in the simulation.',
  },
  { selector: "NewExpression[callee.name='Date']", message: 'No clock in the simulation.' },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'No clock in the simulation.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noClock],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'xstate',
                'phaser',
                'node:*',
                '**/engine/**',
                '**/view/**',
                '**/app/**',
                '**/cli/**',
              ],
              message: 'sim is the bottom layer: pure TypeScript only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noClock],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', 'node:*', '**/view/**', '**/app/**', '**/cli/**'],
              message: 'engine imports sim and xstate only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['phaser', '**/view/**', '**/app/**'],
              message: 'cli runs in Node over engine/sim.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
