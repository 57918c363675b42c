// @ts-check
import tseslint from 'typescript-eslint';

/**
 * Layering is enforced here, not by convention: domain/ is pure TypeScript, and everything that
 * runs under plain Node in tests (services, api, db) must never reach for Electron.
 */
const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'net', 'http', 'https', 'url', 'util', 'stream', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'release/', 'db/migrations/', 'test-results/', 'playwright-report/', 'reports/', '.stryker-tmp/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'domain/ is pure: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'domain/ is pure: no Node built-ins.' },
            { group: ['electron', 'react', 'react-dom', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'keytar', 'conf', 'electron-store'], message: 'domain/ is pure: no environment-specific libraries.' },
            { group: ['../db/*', '../electron/*', '../renderer/*', '../../db/*', '../../electron/*', '../../renderer/*'], message: 'domain/ imports nothing of ours outside domain/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts', 'electron/services/**/*.ts', 'electron/api/**/*.ts', 'electron/web/**/*.ts', 'cloud/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Runs under plain Node in tests: only electron/main and electron/preload may import electron.' }] },
      ],
    },
  },
  ...[
    // The cloud is a separate program: it shares domain/ (the catalogue, the wire contract) with
    // the desktop and nothing else, so it can be deployed without the desktop's code. Relative
    // paths differ by depth, hence one block per folder depth (cloud/db is the cloud's own).
    { files: ['cloud/*.ts'], desktop: ['../electron/**', '../db/**', '../renderer/**'] },
    { files: ['cloud/*/*.ts'], desktop: ['../../electron/**', '../../db/**', '../../renderer/**'] },
  ].map(({ files, desktop }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The cloud never imports electron.' }],
          patterns: [{ group: [...desktop, 'better-sqlite3', 'keytar'], message: 'The cloud imports domain/ and its own cloud/ files, never the desktop (electron/, db/, renderer/).' }],
        },
      ],
    },
  })),
);
