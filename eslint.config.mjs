import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import layers from './scripts/eslint/layers.mjs';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

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
    // The React rules (hooks, including the React Compiler's checks) and accessibility of JSX.
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // A missing dependency is a stale value waiting to happen: an error, not a warning.
      'react-hooks/exhaustive-deps': 'error',
      // Keyboard shortcuts of a whole form, list or card (Ctrl+S, arrow keys, number keys) are
      // delegated from its focusable controls: only pointer handlers make an element look clickable.
      'jsx-a11y/no-noninteractive-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      'jsx-a11y/no-static-element-interactions': ['error', { handlers: ['onClick', 'onMouseDown', 'onMouseUp', 'onKeyPress'] }],
      // A region that scrolls on its own must be reachable by keyboard to be scrolled (WCAG 2.1.1).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
      // A checkbox label's text may sit in nested spans (title and reason).
      'jsx-a11y/label-has-associated-control': ['error', { depth: 3 }],
      'no-restricted-properties': ['error', { property: 'dangerouslySetInnerHTML', message: 'Render structured data, never HTML strings.' }],
    },
  },
);
