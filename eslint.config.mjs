import { createProjectGraphAsync } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// @nx/enforce-module-boundaries reads Nx's cached project graph and, when there is none, prints a
// warning and checks nothing. Plain `eslint` (npm run lint, editors) does not build that cache the
// way `nx lint` does, so build or refresh it here; it is incremental.
await createProjectGraphAsync({ exitOnError: false });

const LIBS = ['contracts', 'messaging', 'persistence', 'auth', 'testing', 'time'];

/** apps/*, libs/* (and e2e, once it is a project) are told apart by their Nx tags. */
const boundaries = {
  enforceBuildableLibDependency: false,
  depConstraints: [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:app', 'type:lib'] },
  ],
  // A lib's tests use the harness in libs/testing, which itself builds on the libs: that loop runs
  // through test files only. Production code importing the harness is refused below instead.
  ignoredCircularDependencies: LIBS.filter((lib) => lib !== 'testing').map((lib) => ['testing', lib]),
};

const TEST_FILES = ['**/test/**/*.ts', '**/*.spec.ts'];

const NO_TEST_HARNESS = {
  name: '@seleksi/testing',
  message: 'libs/testing is the test harness; only tests import it.',
};
const NO_TYPEORM = [
  {
    name: 'typeorm',
    message: 'Controllers and handlers call a service or repository; only repositories, migrations and modules import TypeORM.',
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/.nx/**', '**/coverage/**'] },
  ...nx.configs['flat/base'],
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { ...boundaries, allow: [] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // A lib's tests import the lib by its alias, as every other caller does, to test its public entry point.
  ...LIBS.map((lib) => ({
    files: [`libs/${lib}/test/**/*.ts`, `libs/${lib}/src/**/*.spec.ts`],
    rules: { '@nx/enforce-module-boundaries': ['error', { ...boundaries, allow: [`@seleksi/${lib}`] }] },
  })),
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx', 'libs/*/src/**/*.ts'],
    ignores: ['libs/testing/**', ...TEST_FILES],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_TEST_HARNESS] }] },
  },
  {
    // Adapters stay thin: only repositories, migrations and modules talk to TypeORM.
    files: ['apps/*/src/**/*.controller.ts', 'apps/*/src/**/*.handler.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_TEST_HARNESS, ...NO_TYPEORM],
          patterns: [{ group: ['typeorm/*'], message: NO_TYPEORM[0].message }],
        },
      ],
    },
  },
);
