// Lint with import boundaries (docs/architecture.md, "Who owns what"):
// shared/ is pure; renderer/ never reaches node or the main process;
// electron/probes/ never imports electron; ipcMain/ipcRenderer only in the IPC glue.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib'];

const nodeBan = { group: ['node:*', ...NODE_BUILTINS], message: 'This layer must not use Node built-ins.' };
const electronBan = { group: ['electron', 'electron/*'], message: 'This layer must not import Electron.' };
const ipcBan = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed contract: only electron/main/ipc/* and electron/preload/* touch ipcMain/ipcRenderer.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.lab/', '.tmp/', 'build/**/*.js', 'scripts/**/*.test-fixture.*'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { paths: [ipcBan] }],
    },
  },
  {
    // An import cycle makes load order decide what a module sees (undefined at first use) and
    // ties the modules of a cycle into one unit that cannot be read or tested alone.
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [nodeBan, electronBan, { group: ['react', 'react-dom', 'zustand', '**/electron/**', '**/renderer/**'], message: 'shared/ is pure TypeScript: no UI, no main process.' }],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ tests test shared/ only.' }] }], 'no-restricted-globals': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [nodeBan, electronBan, { group: ['**/electron/**'], message: 'The renderer talks to the main process only through the typed API (renderer/ipc).' }] }],
    },
  },
  {
    files: ['electron/probes/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electronBan, { group: ['**/main/**', '**/renderer/**'], message: 'The engine is plain Node: it runs in tests, the CLI and the web host.' }] }] },
  },
  {
    files: ['electron/main/ipc/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
