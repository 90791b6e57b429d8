// ESLint for the page, the add-ins and the tests (issue 18): `npx --no-install eslint
// --max-warnings 0 www tests`, run by scripts/test.sh with the lints. The recommended rules
// as they are; a rule turned off or eased says why beside it.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built or copied in, not ours: the wasm-bindgen glue and ECharts.
  { ignores: ['www/pkg/**', 'www/pkg-core/**', 'www/vendor/**', 'pkg/**', 'target*/**'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An `_` in front marks an argument or binding kept for its place.
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The page and the add-ins: ES modules in the browser.
  {
    files: ['www/**/*.js'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.browser } },
  },
  // The page's engine runs in a module Web Worker.
  {
    files: ['www/worker.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  // The tests and build scripts: ES modules in Node (the e2e tests' page.evaluate bodies run
  // in the page, hence the browser globals there too).
  {
    files: ['tests/**/*.mjs', 'scripts/**/*.mjs', 'eslint.config.mjs'],
    languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['tests/e2e/**/*.mjs', 'tests/addins/**/*.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
];
