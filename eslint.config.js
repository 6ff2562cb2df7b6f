// Flat config. Besides typescript-eslint's strict rules, this file is where the architecture of
// DESIGN.md §3 is enforced: each layer may only import inward, towards src/shared.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const electronPackages = [
  'electron',
  'electron-store',
  'electron-log',
  'electron-log/*',
  'electron-updater',
];

/** One no-restricted-imports rule per layer: bare names plus path patterns. */
function boundary(files, { names = [], patterns = [], message }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: names.map((name) => ({ name, message })),
          patterns: patterns.map((group) => ({ group: [group], message })),
        },
      ],
    },
  };
}

export default defineConfig(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
  // Package-level boundaries: which layers may touch Node built-ins and Electron.
  boundary(['src/shared/**', 'src/renderer/**'], {
    names: [...nodeBuiltins, ...electronPackages],
    message: 'src/shared and src/renderer run in a browser: no Node built-ins, no Electron.',
  }),
  boundary(['src/main/core/**', 'src/main/web/**', 'src/sandbox/**'], {
    names: electronPackages,
    message: 'The core, the browser shell and the sandbox are plain Node: no Electron.',
  }),
  // Path-level boundaries (DESIGN.md §3): dependencies point inward, to src/shared.
  {
    files: ['src/**'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/shared',
              from: './src',
              except: ['./shared'],
              message: 'src/shared imports nothing of the other layers.',
            },
            {
              target: './src/main/core',
              from: './src',
              except: ['./shared', './main/core'],
              message: 'The core imports only src/shared.',
            },
            {
              target: './src/sandbox',
              from: './src',
              except: ['./shared', './sandbox'],
              message: 'The sandbox plays Qoo10: it shares only the wire contract in src/shared.',
            },
            {
              target: './src/renderer',
              from: './src',
              except: ['./shared', './renderer'],
              message: 'The renderer talks only to InboxApi: it imports only src/shared.',
            },
            {
              target: './src/main/web',
              from: './src/renderer',
              message: 'The browser shell serves the renderer build; it does not import it.',
            },
            {
              target: './src/main',
              from: './src/renderer',
              message: 'The main process never imports the renderer.',
            },
          ],
        },
      ],
    },
  },
);
