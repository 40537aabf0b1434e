import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/generated/', 'coverage/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Workflow code is replayed deterministically: no I/O, no Node APIs, no heavy libraries.
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'https', 'child_process'],
              message: 'Workflow code must not use Node APIs.',
            },
            {
              group: ['zod', '**/schemas/**', '@prisma/*', '**/generated/**', 'pg', 'express'],
              message: 'Keep validation, database and HTTP libraries out of workflow code.',
            },
            {
              group: [
                '**/platform/**',
                '**/api/**',
                '**/records/**',
                '**/integrations/**',
                '**/worker/**',
                '@temporalio/client',
                '@temporalio/worker',
                '@temporalio/activity',
              ],
              message: 'Workflow code talks to the outside only through activities.',
            },
            {
              group: ['**/activities', '**/activities/**'],
              allowTypeImports: true,
              message: 'Import activity types only (proxyActivities).',
            },
          ],
        },
      ],
    },
  },
  {
    // Activities and the API reach the database through src/records.
    files: ['src/activities/**/*.ts', 'src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@prisma/*', '**/generated/**'], message: 'Query the database through src/records.' }] },
      ],
    },
  },
  {
    // The domain is pure: the workflows and the API both import it.
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'zod',
                '@temporalio/*',
                '@prisma/*',
                '**/platform/**',
                '**/api/**',
                '**/activities/**',
                '**/workflows/**',
                '**/records/**',
                '**/integrations/**',
                '**/worker/**',
              ],
              message: 'src/domain is pure TypeScript.',
            },
          ],
        },
      ],
    },
  },
);
