/**
 * `no-duplicate-stream` in type-aware mode: openings of one URL in different files of a fixture
 * project, each report naming the other files and lines, with imported constants followed into
 * the files that declare them (also through a barrel that renames them). Then the cost: the
 * program's index of openings is started once however many files are linted, and converts only
 * the files that may open a URL a linted file asks about.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import type * as ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { programIndexStatistics } from '../../../src/analysis/typed/program-stream-index.js';
import plugin from '../../../src/index.js';
import rule from '../../../rules/no-duplicate-stream.js';
import { ruleTester } from '../../rule-tester.js';
import { fixtureProject } from './fixture-projects.js';

const duplicates = fixtureProject('duplicates');
const at = (file: string, line: number) => `${duplicates.display(file)}:${line}`;

/** The report at an opening of `url` by `consumer`, which `others` open too. */
function duplicate(position: { line: number; column: number }, consumer: string, others: string, url = '/api/events') {
  return { messageId: 'duplicateStream' as const, ...position, data: { stream: '`EventSource`', url, consumer, others } };
}

/** Everything else that opens `/api/events` and stays open, in the order reports list it. */
const EVENTS_CONSUMERS = [
  `component \`ActivityPanel\` (${at('src/components/activity-panel.tsx', 6)})`,
  `component \`NotificationBell\` (${at('src/components/notification-bell.tsx', 7)})`,
  `hook \`useActivity\` (${at('src/hooks/use-activity.ts', 7)})`,
  `service \`EventsService\` (${at('src/services/events.service.ts', 5)})`,
  `store \`useChatStore\` (${at('src/stores/chat-store.ts', 5)})`,
];

/** The other consumers than `consumer`, as a message lists them. */
function othersThan(consumer: string): string {
  const others = EVENTS_CONSUMERS.filter((entry) => !entry.startsWith(consumer));
  return `${others.slice(0, -1).join(', ')} and ${others.at(-1)}`;
}

ruleTester.run('no-duplicate-stream (type-aware)', rule, {
  valid: [
    // A module-level singleton is the only opening of its URL; the components that import it open nothing.
    duplicates.typedCase('src/lib/live.ts'),
    duplicates.typedCase('src/components/live-ticker.tsx'),
    // A URL per job in two files: not the same URL.
    duplicates.typedCase('src/components/job-log.tsx'),
    // A one-shot stream per click is not a consumer that stays, though others open its URL.
    duplicates.typedCase('src/components/deploy-button.tsx'),
    // A test file is not app code, and is left out of the program's index too.
    duplicates.typedCase('src/components/feed.test.tsx'),
    // Without type information one file shows one opening.
    duplicates.untypedCase('src/components/notification-bell.tsx'),
    // With type information, but type-aware mode turned off.
    { ...duplicates.typedCase('src/components/notification-bell.tsx'), options: [{ typeAware: false }] },
  ],
  invalid: [
    {
      // An imported constant (`${API}/events` in the file that declares it), beside a hook, a
      // barrel-renamed import, a Pinia store and an Angular service in four other files.
      ...duplicates.typedCase('src/components/notification-bell.tsx'),
      errors: [duplicate({ line: 7, column: 20 }, 'component `NotificationBell`', othersThan('component `NotificationBell`'))],
    },
    {
      ...duplicates.typedCase('src/hooks/use-activity.ts'),
      errors: [duplicate({ line: 7, column: 20 }, 'hook `useActivity`', othersThan('hook `useActivity`'))],
    },
    {
      ...duplicates.typedCase('src/components/activity-panel.tsx'),
      errors: [duplicate({ line: 6, column: 20 }, 'component `ActivityPanel`', othersThan('component `ActivityPanel`'))],
    },
    {
      ...duplicates.typedCase('src/stores/chat-store.ts'),
      errors: [duplicate({ line: 5, column: 18 }, 'store `useChatStore`', othersThan('store `useChatStore`'))],
    },
    {
      // Two store classes the page holds once each, in two files. (Shape of wildware-uk/agent-dashboard#19.)
      ...duplicates.typedCase('src/stores/timeline.ts'),
      errors: [duplicate({ line: 5, column: 19 }, 'service `Timeline`', `service \`Presence\` (${at('src/stores/presence.ts', 5)})`, '/api/stream')],
    },
    {
      ...duplicates.typedCase('src/stores/presence.ts'),
      errors: [duplicate({ line: 5, column: 20 }, 'service `Presence`', `service \`Timeline\` (${at('src/stores/timeline.ts', 5)})`, '/api/stream')],
    },
  ],
});

/** A rule that only records the program each file was linted with. */
function programProbe(programs: Set<ts.Program>): ESLint.Plugin {
  return {
    rules: {
      program: {
        meta: { type: 'problem', schema: [] },
        create(context) {
          const program = (context.sourceCode as { parserServices?: { program?: ts.Program | null } }).parserServices?.program;
          if (program) programs.add(program);
          return {};
        },
      },
    },
  };
}

describe('a typed lint of the fixture project', () => {
  const programs = new Set<ts.Program>();
  let results: ESLint.LintResult[] = [];

  beforeAll(async () => {
    const eslint = new ESLint({
      cwd: duplicates.directory,
      overrideConfigFile: true,
      overrideConfig: [
        plugin.configs['recommended-type-checked'] as Linter.Config,
        {
          files: ['**/*.ts', '**/*.tsx'],
          languageOptions: { parserOptions: { tsconfigRootDir: duplicates.directory } },
          plugins: { probe: programProbe(programs) },
          rules: { 'probe/program': 'error' },
        },
      ],
    });
    results = await eslint.lintFiles(['src']);
  }, 60_000);

  const relative = (file: string) => path.relative(duplicates.directory, file).split(path.sep).join('/');

  it('reports every opening of a URL that another consumer keeps open too', () => {
    const reports = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId === 'sse/no-duplicate-stream').map((message) => `${relative(result.filePath)}:${message.line}`),
    );
    expect(reports.sort()).toEqual([
      'src/components/activity-panel.tsx:6',
      'src/components/notification-bell.tsx:7',
      'src/hooks/use-activity.ts:7',
      'src/services/events.service.ts:5',
      'src/stores/chat-store.ts:5',
      'src/stores/presence.ts:5',
      'src/stores/timeline.ts:5',
    ]);
  });

  it('starts the index once for the program, converting only the files that may open a URL some file asks about', () => {
    expect(programs.size).toBe(1);
    const [program] = programs;
    const statistics = programIndexStatistics(program!);
    expect(statistics.builds).toBe(1);
    // Not converted: `job-log.tsx` and `job-status.tsx` open a URL per job (no key), and
    // `live.ts` opens `/api/live`, which only it asks about; TypeScript's tree shows
    // both. The three whose URL is an imported constant are converted for any URL.
    expect(statistics.files.map(relative).sort()).toEqual([
      'src/components/activity-panel.tsx',
      'src/components/deploy-button.tsx',
      'src/components/notification-bell.tsx',
      'src/hooks/use-activity.ts',
      'src/services/events.service.ts',
      'src/stores/chat-store.ts',
      'src/stores/presence.ts',
      'src/stores/timeline.ts',
    ]);
  });
});
