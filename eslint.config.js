// ESLint: typescript-eslint type-checked rules (no floating promises) and the module boundaries of
// ARCHITECTURE.md: the kernel imports no module, common/ imports neither server nor web, a module
// reaches another only through its api.ts (read functions; tables.ts may import tables.ts for
// foreign keys), and no module touches the kernel's tables (kernel functions read them).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'migrations/**', '.tmp/**', 'coverage/**', 'screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/only-throw-error': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      parserOptions: { projectService: false, project: null },
      globals: {
        process: 'readonly',
        console: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
      },
    },
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Issue 10 point 5: the web reaches the server only through the routes' contracts
    // (src/common/*.api.ts) and src/web/api (call, useCall, urlOf, uploadForm): no fetch or XHR of
    // its own, and no hand-written /api/ URL whose answer nothing types.
    files: ['src/web/**/*.{ts,tsx}'],
    ignores: ['src/web/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "CallExpression[callee.name='fetch']",
          "CallExpression[callee.property.name='fetch']",
          "NewExpression[callee.name='XMLHttpRequest']",
        ].map((selector) => ({ selector, message: 'call the server through its contract: call / useCall / uploadForm (src/web/api)' })),
        ...['Literal[value=/^\\/api\\//]', 'TemplateElement[value.raw=/^\\/api\\//]'].map((selector) => ({
          selector,
          message: "no hand-written /api/ URL: take the route's contract (src/common/*.api.ts) and urlOf / call",
        })),
      ],
    },
  },
  {
    // Services never see HTTP (STYLE.md 6): they return data (a kernel Download for a file) or throw
    // domain errors; only a module's route files use Fastify.
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/routes.ts', '**/*-routes.ts', '**/*.test.ts', '**/*.fixture.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fastify', message: 'services never see HTTP: return data (a Download for a file) or throw a domain error' }],
          patterns: [{ group: ['@fastify/*'], message: 'services never see HTTP: only route files use Fastify' }],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // Tests may reach across: they build the whole app to test a piece of it.
    ignores: ['**/*.test.ts', '**/*.fixture.ts', 'src/server/test/**'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'common', pattern: 'src/common' },
        { type: 'kernel', pattern: 'src/server/kernel' },
        { type: 'module', pattern: 'src/server/modules/*', capture: ['module'] },
        { type: 'server', pattern: 'src/server' },
        { type: 'web', pattern: 'src/web' },
        { type: 'cli', pattern: 'src/cli' },
      ],
      'boundaries/files': [
        { category: 'api', pattern: 'src/server/modules/*/api.ts' },
        { category: 'tables', pattern: 'src/server/modules/**/tables.ts' },
        { category: 'kernel-tables', pattern: 'src/server/kernel/db/tables.ts' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'common' } },
              disallow: { to: { element: { types: { anyOf: ['kernel', 'module', 'server', 'web', 'cli'] } } } },
              message: 'common/ is pure: it imports neither server nor web',
            },
            {
              from: { element: { type: 'kernel' } },
              disallow: { to: { element: { types: { anyOf: ['module', 'server', 'web', 'cli'] } } } },
              message: 'the kernel never imports a module',
            },
            {
              from: { element: { type: 'web' } },
              disallow: { to: { element: { types: { anyOf: ['kernel', 'module', 'server', 'cli'] } } } },
              message: 'the web app reaches the server over HTTP only',
            },
            {
              from: { element: { type: 'module' } },
              disallow: { to: { element: { type: 'module', captured: { module: '!{{ from.element.captured.module }}' } } } },
              message: "a module uses another module only through that module's api.ts (its read functions)",
            },
            {
              from: { element: { type: 'module' } },
              allow: { to: { element: { type: 'module' }, file: { categories: 'api' } } },
            },
            {
              // Foreign keys may point at another module's table: tables.ts may import tables.ts.
              from: { element: { type: 'module' }, file: { categories: 'tables' } },
              allow: { to: { element: { type: 'module' }, file: { categories: 'tables' } } },
            },
            {
              // Last, so that nothing above lets it through.
              from: { element: { type: 'module' } },
              disallow: { to: { file: { categories: 'kernel-tables' } } },
              message: 'a module reads the kernel tables only through kernel functions (settings.ts, directory.ts, …)',
            },
          ],
        },
      ],
    },
  },
);
