import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './scripts/eslint/layers.mjs';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', '.tsbuild/', '.cache/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,js,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { fieldbench: layers },
    rules: {
      'fieldbench/layers': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'eval is never allowed.' },
        { selector: "NewExpression[callee.name='Function']", message: 'new Function is never allowed.' },
      ],
    },
  },
  {
    // Playwright reads fixture names from a destructuring pattern, so `{}` is how a fixture says "none".
    files: ['test/e2e/**/*.ts', 'test/e2e-electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': ['error', { property: 'dangerouslySetInnerHTML', message: 'Render structured data, never HTML strings.' }],
    },
  },
);
