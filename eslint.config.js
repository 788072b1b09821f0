// Type-aware lint with zero warnings; the import bans encode the architecture of docs/architecture.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import htmlTextEscaped from './eslint-rules/html-text-escaped.js';
import noServiceFolderCycles from './eslint-rules/no-service-folder-cycles.js';

/** The project's own rules, loaded as a local plugin. */
const chainlead = {
  rules: {
    'html-text-escaped': htmlTextEscaped,
    'no-service-folder-cycles': noServiceFolderCycles,
  },
};

// A string or template text that starts with /api or contains /api/: a hand-written API path.
const API_PATH = String.raw`/(^\/api\b)|(\/api\/)/`;
// Import paths such as '@shared/api/parks.ts' name modules, not API paths.
const MODULE_SOURCES = [
  'ImportDeclaration > Literal',
  'ExportNamedDeclaration > Literal',
  'ExportAllDeclaration > Literal',
  'ImportExpression > Literal',
].join(', ');
const API_PATH_MESSAGE =
  'Call the API through the typed client (api, apiGet, apiUrl in web/src/modules/api), ' +
  'so the type checker sees the contract: a literal /api/ path has a hand-picked type.';

// What runs in the browser (src/shared, web/) shares only src/shared with the server.
const BROWSER_PATTERNS = [
  {
    group: ['**/domain/**', '**/db/**', '**/services/**', '**/server/**', '**/cli/**'],
    message: 'The web app and the API contract (src/shared) share only src/shared with the server.',
  },
  { group: ['node:*'], message: 'src/shared and web/ run in the browser too: no node:* imports.' },
];
// web/src/modules: pages by area (features) and what they all build on (foundations).
const WEB_FEATURES = [
  'admin',
  'analysis',
  'chainmap',
  'cockpit',
  'ecology',
  'enterprises',
  'imports',
  'investment',
  'leadership',
  'overview',
  'parks',
  'problems',
  'reports',
];
const WEB_FOUNDATIONS = ['api', 'auth', 'chains', 'charts', 'i18n', 'ui'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.chainlead/', 'web/dist/', 'src/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    // Tests may read fixtures from disk; the code under test may not.
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'src/domain is pure logic: no I/O (node:*) here.' },
            {
              group: ['drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
              message: 'src/domain must not touch the database; that is src/db.',
            },
            {
              group: ['hono', 'hono/*', '@hono/*'],
              message: 'src/domain knows nothing of HTTP; that is src/server.',
            },
            {
              group: ['**/db/**', '**/services/**', '**/server/**', '**/cli/**'],
              message: 'Dependencies point one way: domain ← db ← services ← {server, cli}.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/**', '**/server/**', '**/cli/**'],
              message: 'Dependencies point one way: domain ← db ← services ← {server, cli}.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    plugins: { chainlead },
    rules: {
      'chainlead/no-service-folder-cycles': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/cli/**'],
              message: 'Services serve both the server and the CLI; they import neither.',
            },
            {
              group: ['hono', 'hono/*', '@hono/*'],
              message: 'Services know nothing of HTTP; map errors in src/server.',
            },
            {
              group: ['**/db/schema', '**/db/schema.ts', '**/db/schema/**'],
              message:
                'SQL lives in the repositories (src/db/*.repository.ts): a service calls one, ' +
                'so each query is named, reviewed and tested in one place.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may read and seed rows to check what a service wrote; the code under test may not.
    // Tests may also borrow fixtures across folders; the import loops that matter are in the code.
    files: ['src/services/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'chainlead/no-service-folder-cycles': 'off' },
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    // Tests may read and seed rows to check what a route or command wrote; the code may not.
    ignores: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/db/**', '!**/db/connection.ts'],
              message:
                'The server and the CLI reach the database through services (src/services), ' +
                'never repositories or the schema: one place holds each rule and each query.',
            },
            {
              group: ['**/db/connection.ts'],
              allowTypeImports: true,
              message:
                'Only the types of src/db/connection.ts (Database, Db) may be named here; open ' +
                'the database through a service (openMigratedDatabase).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: BROWSER_PATTERNS }] },
  },
  // Web modules: the app shell (app) composes the features; features import only the foundation
  // modules, never each other, so a page can change without breaking another.
  ...WEB_FEATURES.map((feature) => ({
    files: [`web/src/modules/${feature}/**/*.ts`, `web/src/modules/${feature}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BROWSER_PATTERNS,
            {
              group: [...WEB_FEATURES.filter((other) => other !== feature), 'app'].map(
                (other) => `**/${other}/**`,
              ),
              message:
                `Feature modules (${WEB_FEATURES.join(', ')}) do not import each other or the app ` +
                `shell: what two features share lives in a foundation module (${WEB_FOUNDATIONS.join(', ')}), ` +
                'most often ui.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: WEB_FOUNDATIONS.flatMap((module) => [
      `web/src/modules/${module}/**/*.ts`,
      `web/src/modules/${module}/**/*.tsx`,
    ]),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BROWSER_PATTERNS,
            {
              group: [...WEB_FEATURES, 'app'].map((module) => `**/${module}/**`),
              message:
                `Foundation modules (${WEB_FOUNDATIONS.join(', ')}) serve every feature: they import ` +
                'no feature module and not the app shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      // Warnings would pass unseen: the lint runs with zero warnings allowed.
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@shared/api/*'],
              allowTypeImports: true,
              message:
                'Import only types from the API schemas: their values would bundle zod. ' +
                'Plain values live in src/shared/*.ts beside them.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/**/*.test.ts'],
    // Chart tooltips are HTML: every text joined into them is escaped (stored XSS otherwise).
    plugins: { chainlead },
    rules: { 'chainlead/html-text-escaped': 'error' },
  },
  {
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    // The typed client is the one place that knows the API lives under /api.
    ignores: ['web/src/modules/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=${API_PATH}]:not(${MODULE_SOURCES})`,
          message: API_PATH_MESSAGE,
        },
        { selector: `TemplateElement[value.raw=${API_PATH}]`, message: API_PATH_MESSAGE },
      ],
    },
  },
  {
    files: ['web/src/modules/api/utils/openapi.gen.ts'],
    // Generated by `npm run gen:api`: it says what the document says, e.g. `enum | string`.
    rules: { '@typescript-eslint/no-redundant-type-constituents': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
);
