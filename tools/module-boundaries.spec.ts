import { execFileSync } from 'node:child_process';
import { workspaceRoot } from './event-docs';

interface Snippet {
  filePath: string;
  code: string;
}

interface Problem {
  ruleId: string | null;
  message: string;
}

/**
 * Lints snippets with the workspace's own eslint.config.mjs through ESLint's Node API. It runs in a
 * child process because ESLint loads an ESM config with import(), which Jest's module sandbox refuses.
 */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const snippets = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const problems = [];
  for (const { filePath, code } of snippets) {
    const [result] = await eslint.lintText(code, { filePath });
    problems.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
  }
  process.stdout.write(JSON.stringify(problems));
})().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
`;

function lint(snippets: Snippet[]): Problem[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_SCRIPT, JSON.stringify(snippets)], {
    cwd: workspaceRoot(),
    env: { ...process.env, NX_DAEMON: 'false' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return JSON.parse(output) as Problem[][];
}

const importing = (what: string, from: string) => `import { ${what} } from '${from}';\nexport const used = ${what};\n`;

type Case = [description: string, snippet: Snippet, rule: string, message: RegExp];

const REFUSED: Case[] = [
  [
    'an app importing another app by relative path',
    { filePath: 'apps/screening/src/x.ts', code: importing('RegistrationModule', '../../registration/src/registration.module') },
    '@nx/enforce-module-boundaries',
    /relative or absolute path/,
  ],
  [
    'an app importing another app through the baseUrl',
    { filePath: 'apps/skb/src/intake/x.ts', code: importing('PlacementModule', 'apps/placement/src/placement.module') },
    '@nx/enforce-module-boundaries',
    /relative or absolute path/,
  ],
  [
    'a lib importing an app by relative path',
    { filePath: 'libs/contracts/src/x.ts', code: importing('ScreeningModule', '../../../apps/screening/src/screening.module') },
    '@nx/enforce-module-boundaries',
    /relative or absolute path/,
  ],
  [
    'a lib importing an app through the baseUrl',
    { filePath: 'libs/messaging/src/x.ts', code: importing('InterviewModule', 'apps/interview/src/interview.module') },
    '@nx/enforce-module-boundaries',
    /relative or absolute path/,
  ],
  [
    'a lib reaching into another lib by relative path',
    { filePath: 'libs/auth/src/x.ts', code: importing('EVENTS', '../../contracts/src/catalog') },
    '@nx/enforce-module-boundaries',
    /relative or absolute path/,
  ],
  [
    'an event handler importing TypeORM',
    { filePath: 'apps/screening/src/intake/x.handler.ts', code: importing('EntityManager', 'typeorm') },
    'no-restricted-imports',
    /only repositories, migrations and modules import TypeORM/,
  ],
  [
    'a controller importing from inside TypeORM',
    { filePath: 'apps/registration/src/periods/x.controller.ts', code: importing('Repository', 'typeorm/repository/Repository') },
    'no-restricted-imports',
    /only repositories, migrations and modules import TypeORM/,
  ],
  [
    'production code importing the test harness',
    { filePath: 'apps/placement/src/inputs/x.service.ts', code: importing('newFormation', '@seleksi/testing') },
    'no-restricted-imports',
    /only tests import it/,
  ],
];

const ALLOWED: [description: string, snippet: Snippet][] = [
  ['an app importing a lib by its alias', { filePath: 'apps/screening/src/x.ts', code: importing('EVENTS', '@seleksi/contracts') }],
  ['a lib importing another lib by its alias', { filePath: 'libs/messaging/src/x.ts', code: importing('EVENTS', '@seleksi/contracts') }],
  ['a repository importing TypeORM', { filePath: 'apps/screening/src/intake/x.repository.ts', code: importing('EntityManager', 'typeorm') }],
  ['a migration importing TypeORM', { filePath: 'apps/skb/src/migrations/x.migration.ts', code: importing('QueryRunner', 'typeorm') }],
  [
    "a lib's test importing the lib and the test harness",
    {
      filePath: 'libs/messaging/test/x.spec.ts',
      code: `${importing('TopicNames', '@seleksi/messaging')}${importing('newFormation', '@seleksi/testing').replace('used', 'usedToo')}`,
    },
  ],
];

describe('eslint.config.mjs', () => {
  let refused: Problem[][] = [];
  let allowed: Problem[][] = [];

  beforeAll(() => {
    const all = lint([...REFUSED.map(([, snippet]) => snippet), ...ALLOWED.map(([, snippet]) => snippet)]);
    refused = all.slice(0, REFUSED.length);
    allowed = all.slice(REFUSED.length);
  }, 60_000);

  it.each(REFUSED.map(([description, , rule, message], i) => [description, rule, message, i] as const))('refuses %s (%s)', (_case, rule, message, index) => {
    expect(refused[index]).toEqual(expect.arrayContaining([{ ruleId: rule, message: expect.stringMatching(message) }]));
  });

  it.each(ALLOWED.map(([description], i) => [description, i] as const))('allows %s', (_case, index) => {
    expect(allowed[index]).toEqual([]);
  });
});
