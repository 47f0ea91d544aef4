// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clientFeatureImportsPublicFace =
  "A client feature imports another feature only through its public face, '../<feature>/index.ts' (move UI several features share to src/ui/).";
const syncImportsNoFeature = 'The sync engine must not import a feature: let the feature register with it (a module, a hook) instead.';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tools/**', '.reports/**', '**/test-results/**', '**/playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'client/scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Fastify handlers and hooks are async by convention (a returned promise ends the request).
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The sync engines know no feature: features register with them, never the other way round (issue 13).
  {
    files: ['client/src/sync/**/*.{ts,tsx}', 'server/src/sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)features(/|$)', message: syncImportsNoFeature }] }] },
  },
  // Client features (issue 13): a file in client/src/features/A/ may import from features/B/ only B/index.ts, B's
  // public face (re-exports of what other features may use). Its own folder, src/ (ui/, sync/, i18n/, …) and the
  // module list (features/index.ts) are free. Kept separate from the server's rule for server/src/features.
  {
    files: ['client/src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^\\.\\./(?!\\.)[^/]+/(?!index\\.ts$)', message: clientFeatureImportsPublicFace },
            { regex: '(^|/)features/[^/]+/(?!index\\.ts$)', message: clientFeatureImportsPublicFace },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
