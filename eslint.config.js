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
    // The extension runs on Chromium 86 (360 安全浏览器, most 信创 browsers). Vite's chrome86 target
    // rewrites newer syntax but adds no library functions, so these would throw there at run time.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        ...['at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'].map((name) => ({
          selector: `CallExpression[callee.property.name='${name}'][callee.object.name!='dayjs']`,
          message: `.${name}() is not in Chromium 86 (360 / 信创 browsers): index from length, or copy and sort.`,
        })),
        { selector: "CallExpression[callee.object.name='Object'][callee.property.name='hasOwn']", message: 'Object.hasOwn is not in Chromium 86: use Object.prototype.hasOwnProperty.call.' },
        { selector: "CallExpression[callee.name='structuredClone']", message: 'structuredClone is not in Chromium 86: copy with JSON or by hand.' },
      ],
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
