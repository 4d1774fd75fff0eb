import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node's globals, for the plain JS scripts (build, package, bench, e2e drivers). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'queueMicrotask',
    'structuredClone',
    'performance',
    'fetch',
    'AbortController',
    'AbortSignal',
    'TextEncoder',
    'TextDecoder',
    'global',
    'globalThis',
  ].map((name) => [name, 'readonly']),
);
const COMMONJS_GLOBALS = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

/** What code outside the engine may import from it: its index only (the facade). */
const ENGINE_FACADE_ONLY = {
  group: ['**/engine/*', '**/engine/**/*', '!**/engine/index'],
  message: 'Use the engine through its facade (server/src/engine, i.e. its index.ts); see ARCHITECTURE.md.',
};

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', '.cache/**', '.e2e/**', 'bench/.out/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: c.files ?? ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Plain JS helpers: build, packaging, benchmarks, e2e drivers, the bin shims.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { ecmaVersion: 2023, globals: NODE_GLOBALS },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', 'bin/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...NODE_GLOBALS, ...COMMONJS_GLOBALS } },
  },
  {
    // Functions this driver hands to the browser page (Playwright's evaluate) see the DOM.
    files: ['test/e2e/workbench.mjs'],
    languageOptions: { globals: { ...NODE_GLOBALS, document: 'readonly', window: 'readonly' } },
  },
  {
    // Outside the engine, only its facade: the server, the CLI, the client and tests
    // see one API, and the engine may move its files without breaking them.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['server/src/engine/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [ENGINE_FACADE_ONLY] }],
    },
  },
  {
    // Tests of engine internals (unit tests under test/engine/, the quotes'
    // verbatim check, the parse cache's chunking) and the e2e expectations
    // built from the quotes may reach inside; so does the build's schema compiler.
    files: [
      'test/engine/**/*.ts',
      'test/knowledge.test.ts',
      'test/incremental.test.ts',
      'test/support/verify-reuse.ts',
      'test/lsp/hover.test.ts',
      'test/e2e/expectations.ts',
      'scripts/schema-standalone.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The engine is pure: it serves the CLI, the language server and any future
    // web worker, so it must not depend on an editor or on the protocol.
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-*', 'vscode/*'], message: 'The engine knows nothing about VS Code or LSP (see ARCHITECTURE.md).' },
            {
              group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'path', 'node:path', 'child_process', 'node:child_process'],
              message: 'The engine does no IO: callers pass text in.',
            },
          ],
        },
      ],
      // A module-level WeakMap pins what it holds until a full GC (V8's young
      // GC keeps its entries), so per-node caches go on the node: engine/memo.ts.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(Program > VariableDeclaration, Program > ExportNamedDeclaration > VariableDeclaration) NewExpression[callee.name=/^Weak(Map|Set)$/]',
          message: 'Keep per-object caches on the object (engine/memo.ts): a module-level WeakMap holds every file it saw until a full GC.',
        },
      ],
    },
  },
);
