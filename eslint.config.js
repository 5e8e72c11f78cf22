// @ts-check
/**
 * ESLint flat config: @eslint/js + typescript-eslint "recommended" (not type-aware, so it stays fast).
 *
 * WXT's auto-imports (defineBackground, defineContentScript, browser, storage, ...) are declared as
 * globals by `.wxt/eslint-auto-imports.mjs`, which `wxt prepare` (npm's postinstall) generates. It is
 * loaded if present, so `eslint .` still runs on a checkout where `.wxt/` has not been generated yet.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** @type {import('eslint').Linter.Config | undefined} */
const wxtAutoImports = await import('./.wxt/eslint-auto-imports.mjs')
  .then((m) => /** @type {import('eslint').Linter.Config} */ (m.default))
  .catch(() => undefined);

/** The Node globals plain .js/.mjs/.cjs tooling files may use (TypeScript files get them from types). */
const nodeGlobals = Object.fromEntries(
  [
    'process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval',
    'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'structuredClone', 'fetch',
    'globalThis', '__dirname', '__filename', 'require', 'module', 'exports',
  ].map((name) => [name, /** @type {const} */ ('readonly')]),
);

export default defineConfig(
  {
    ignores: [
      '**/node_modules/**',
      '.output/**',
      '.output-*/**',
      '.wxt/**',
      'test-results/**',
      'playwright-report/**',
      '.tmp/**',
      '.bench/**',
      // The replica platforms' in-browser scripts: plain browser JS written like the real sites.
      'tests/sites/**/*.js',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  ...(wxtAutoImports ? [wxtAutoImports] : []),
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    // Browser tests take `test` from tests/helpers/test.ts, whose contexts carry the test's tag, so each
    // test reads only its own submissions from the replica backends.
    files: ['tests/**/*.ts'],
    ignores: ['tests/helpers/test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{
          name: '@playwright/test',
          importNames: ['test'],
          message: "Import `test` from tests/helpers/test.ts: its contexts send the test's tag, so the test sees only its own submissions.",
        }],
      }],
    },
  },
  {
    rules: {
      // `_`-prefixed names mark deliberately unused parameters / destructured leftovers.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
