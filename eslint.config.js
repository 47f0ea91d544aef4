// @ts-check
import fs from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const clientFeatureImportsPublicFace =
  "A client feature imports another feature only through its public face, '../<feature>/index.ts' (move UI several features share to src/ui/).";
/**
 * Server feature boundaries (issue 13): a file in server/src/features/A/ may import from another
 * feature B only B's public face, `B/index.ts` (which re-exports B's module and what other
 * features may use). One block per feature folder, since the rule must know which folder is "other".
 */
const serverFeatures = fs
  .readdirSync(new URL('server/src/features/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const serverFeatureBoundaries = serverFeatures.map((feature) => {
  const others = serverFeatures.filter((other) => other !== feature).map(escapeRegex);
  return {
    files: [`server/src/features/${feature}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../B/x.ts`, `../../features/B/sub/x.ts`: anything of B but its index.ts.
              regex: `(^|/)(\\.\\.|features)/(${others.join('|')})/(?!index\\.ts$)`,
              message: `Import another feature only through its public face, <feature>/index.ts (add what you need to its re-exports): server/README.md "Adding a feature".`,
            },
          ],
        },
      ],
    },
  };
});

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
  // Server features import each other only through <feature>/index.ts (see serverFeatureBoundaries above).
  ...serverFeatureBoundaries,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
