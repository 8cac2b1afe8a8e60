// ESLint for the whole repository: TypeScript's recommended rules, React's hook rules (no silenced
// dependency warnings), and a few rules that keep the code as plain as it is.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/', '.output/', '.wxt/', 'data/', 'data-demo/', 'test-results/', 'playwright-report/', 'bench/results/', 'tests/fixtures/**/*.html'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'smart'],
      // Stripping control characters from portal, buyer and processor text is deliberate (security).
      'no-control-regex': 'off',
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    // The extension and the code it shares with the server run in browsers: no Node modules or globals.
    // (tsconfig.extension.json leaves Node's types out, but WXT's own declarations pull them back in.)
    files: ['entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'utils/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'worker_threads'], message: 'Extension code runs in the browser.' }] },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname', '__filename', 'require', 'global'],
    },
  },
  {
    // Tests build deliberately malformed values to prove they are refused.
    files: ['**/*.test.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
  {
    // Playwright fixtures take `use` and an empty destructuring by design: they are not React hooks.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off', 'no-empty-pattern': 'off' },
  },
);
