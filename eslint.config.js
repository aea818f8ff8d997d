// The project's own lint: typescript-eslint on everything, eslint-plugin-eslint-plugin on the
// rules and their tests, and our own recommended config on the hub and server (dogfood).
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'packages/*/dist/', 'coverage/', 'examples/', 'tests/**/fixtures/', 'packages/*/tests/**/fixtures/', 'node_modules/', '.stryker-tmp/', 'reports/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.rules,
    rules: {
      ...eslintPlugin.configs.rules.rules,
      // Descriptions read as sentences in the README table, capitalised like typescript-eslint's.
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      // createRule fills meta.docs.url from the rule's name; tests/docs checks every URL.
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    ...eslintPlugin.configs.tests,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `let x; const y = make(() => x.close()); x = …;` is a closure read before assignment, not a missed const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
);
