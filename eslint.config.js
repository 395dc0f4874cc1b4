// @ts-check
/**
 * Lint rules: ESLint's and typescript-eslint's recommended sets (without type information, so a
 * lint of the whole tree takes seconds), Astro's for `.astro` files. Formatting is Prettier's job
 * (.prettierrc.json); `npm run lint` runs both checks.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench/out/', 'scratch/', 'test/fixtures/**/*.yaml'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring, callback positions).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // The registry finds and refuses control, bidi and variation-selector characters on purpose:
      // its regular expressions name them (src/shared/invisible.ts, src/lib/load/).
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
      // Chinese text uses the ideographic space (U+3000) between words; outside text it is an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true }],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
