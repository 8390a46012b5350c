import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

/**
 * The pure core (src/core) runs unchanged in Node and the browser: it may not import Svelte, DOM-bound d3
 * modules, Node built-ins, or the UI and CLI shells (docs/ARCHITECTURE.md, "Layers").
 */
const coreRestrictions = {
  patterns: [
    { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/core is pure: no Svelte.' },
    {
      group: ['d3-selection', 'd3-zoom', 'd3-transition', 'd3-drag', 'd3-brush'],
      message: 'src/core is pure: DOM-bound d3 modules belong in src/ui.',
    },
    { group: ['d3'], message: 'src/core: import the pure d3 module you need (d3-hierarchy, d3-shape…).' },
    {
      group: ['node:*', 'fs', 'path', 'fs/*'],
      message: 'src/core is pure: no Node built-ins (I/O is in src/cli).',
    },
    { group: ['**/ui/**', '**/cli/**'], message: 'src/core may not import the UI or CLI shells.' },
  ],
};

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.scratch/', 'static/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', coreRestrictions],
      // DOM globals are not available to the core; shared globals (console, URL, TextEncoder…) are.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'HTMLElement',
        'process',
      ],
    },
  },
  {
    // Labels are hostile input: they reach the DOM as text only, never as markup.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.svelte'],
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Text reaches the DOM as text nodes only: use textContent or Svelte text.',
        },
        {
          selector:
            "CallExpression[callee.property.name='insertAdjacentHTML'], CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'No markup from strings: build elements or use Svelte.',
        },
      ],
    },
  },
);
