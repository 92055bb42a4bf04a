// One lint configuration for the whole workspace. Type-aware rules catch floating promises;
// import rules keep package boundaries: no cycles, no relative imports into another package,
// no undeclared dependencies.
import js from '@eslint/js';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/generated/prisma/**',
      '.local/**',
      '**/coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // an async method that happens not to await still honours a Promise-returning interface
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'import-x/no-cycle': 'error',
      'import-x/no-relative-packages': 'error',
      'import-x/no-extraneous-dependencies': 'error',
      'import-x/no-self-import': 'error',
    },
  },
  {
    // the web console runs in the browser
    files: ['services/console/src/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // a cycle cannot pass through an installed package; following Vite's own files trips
    // import-x's legacy resolver over their `dist/node` folder
    files: ['services/console/**'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
