/**
 * `no-eventsource-per-item` in type-aware mode: components rendered per item whose declaration,
 * in another file of a fixture project, opens a stream per instance. Each case lints one real
 * file of the project with type information (typescript-eslint's project service).
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../../rules/no-eventsource-per-item.js';
import { lintWithRule, reportsWithOpenings, ruleTester } from '../../rule-tester.js';
import { fixtureProject } from './fixture-projects.js';
import { ES } from '../../support/rule-messages.js';

const components = fixtureProject('components');
const at = (file: string, line: number) => `${components.display(file)}:${line}`;
/**
 * With `parserOptions.project`, the RuleTester names the file by its absolute path and lints
 * from the file system's root, so reports name files from there.
 */
const fromRoot = (file: string) =>
  path.relative(path.parse(components.directory).root, path.join(components.directory, file)).split(path.sep).join('/');

/** The report at a render site of a component declared in `file`, whose stream opens at `opening`. */
function rendered(
  component: string,
  position: { line: number; column: number },
  file: string,
  opening: string,
  route = '',
  repetition = 'a `map()` callback',
) {
  return {
    messageId: 'renderedPerItemAcrossFiles' as const,
    ...position,
    data: { component, file: components.display(file), stream: ES, opening, route, repetition },
  };
}

ruleTester.run('no-eventsource-per-item (type-aware)', rule, {
  valid: [
    // Rendered per item, but none opens a stream per instance: a plain component, one whose
    // hook keeps a lazy singleton in a module variable, a component declared only in a `.d.ts`
    // file (not followed), and a provider (mounted to share its stream). `<Row>` opens, but is
    // rendered once.
    components.typedCase('src/lists/valid.tsx'),
    // The same file as the first invalid case, linted without type information: one file shows no stream.
    components.untypedCase('src/lists/direct.tsx'),
    // With type information, but type-aware mode turned off.
    { ...components.typedCase('src/lists/direct.tsx'), options: [{ typeAware: false }] },
    // Issue 11: `<Row>` builds its URL from its props, but its own file never renders it; the
    // repetition is in `src/lists/direct.tsx`, which is reported (below), not the declaration.
    components.typedCase('src/row.tsx'),
    // TODO(false negative): a hook whose callers are in other files, with type information: the header
    // and the sidebar each call \`usePresence()\`, two streams at once, but calls in other files are not
    // counted yet (the rule's doc says so; docs/real-world.md's trigger.dev miss is this shape).
    components.typedCase('src/hooks/use-presence.ts'),
    // Two pages of another file each call the hook, but a router shows one at a time and neither
    // renders the other: no sign that both run at once.
    components.typedCase('src/routes/use-alerts.ts'),
    // Without type information the callers in other files are not seen.
    components.untypedCase('src/spots/use-spots.ts'),
    { ...components.typedCase('src/spots/use-spots.ts'), options: [{ typeAware: false }] },
  ],
  invalid: [
    {
      // A component that runs the hook and renders another that runs it too (under another
      // name): two connections at once (accius/openhamclock before PR #369, the app and its PSK
      // panel).
      ...components.typedCase('src/spots/use-spots.ts'),
      errors: [
        {
          messageId: 'hookRunTogetherAcrossFiles',
          line: 8,
          column: 20,
          data: {
            hook: 'useSpots',
            stream: ES,
            route: '',
            together: `\`<Dashboard>\` (${at('src/spots/dashboard.tsx', 5)}) calls it and renders \`<SpotsPanel>\` (${at('src/spots/panel.tsx', 5)}), which calls it too`,
          },
        },
      ],
    },
    {
      // One component of another file calls the hook twice.
      ...components.typedCase('src/twice/use-clock.ts'),
      errors: [
        {
          messageId: 'hookRunTogetherAcrossFiles',
          line: 6,
          column: 20,
          data: { hook: 'useClock', stream: ES, route: '', together: `\`<Clocks>\` (${at('src/twice/clocks.tsx', 5)}) calls it twice` },
        },
      ],
    },
    {
      // A component imported from the file that declares it.
      ...components.typedCase('src/lists/direct.tsx'),
      errors: [rendered('Row', { line: 4, column: 31 }, 'src/row.tsx', at('src/row.tsx', 6))],
    },
    {
      // Through a barrel: a named re-export, `export *` of a `memo()`-wrapped component, and a
      // default export re-exported under a name.
      ...components.typedCase('src/lists/barrel.tsx'),
      errors: [
        rendered('Row', { line: 7, column: 9 }, 'src/row.tsx', at('src/row.tsx', 6)),
        rendered('Card', { line: 9, column: 24 }, 'src/card.tsx', at('src/card.tsx', 6)),
        rendered('UserBadge', { line: 10, column: 24 }, 'src/badge.tsx', at('src/badge.tsx', 5)),
      ],
    },
    {
      // A member of a namespace import (through the barrel), and an imported class component
      // whose lifecycle method opens the stream.
      ...components.typedCase('src/lists/namespace.tsx'),
      errors: [
        rendered('ui.Row', { line: 8, column: 9 }, 'src/row.tsx', at('src/row.tsx', 6)),
        rendered('Clock', { line: 11, column: 9 }, 'src/clock.tsx', at('src/clock.tsx', 8)),
      ],
    },
    {
      // A default import, rendered in a `for...of` loop.
      ...components.typedCase('src/lists/default-export.tsx'),
      errors: [rendered('Badge', { line: 5, column: 41 }, 'src/badge.tsx', at('src/badge.tsx', 5), '', 'a `for...of` loop')],
    },
    {
      // `createElement()` of a `memo()`-wrapped component.
      ...components.typedCase('src/lists/memo.tsx'),
      errors: [rendered('Card', { line: 5, column: 53 }, 'src/card.tsx', at('src/card.tsx', 6))],
    },
    {
      // Component → hook → helper → `new EventSource()`, over three files.
      ...components.typedCase('src/lists/hook-chain.tsx'),
      errors: [
        rendered('Price', { line: 4, column: 42 }, 'src/price.tsx', at('src/lib/ticker.ts', 2), ' through `useTicker` → `openTicker`'),
      ],
    },
    {
      // A component of this file opens a stream through an imported hook: it counts as a
      // component that opens one, as it would if the hook were in this file.
      ...components.typedCase('src/lists/local-component.tsx'),
      errors: [
        rendered(
          'Ticker',
          { line: 9, column: 39 },
          'src/lists/local-component.tsx',
          at('src/lib/ticker.ts', 2),
          ' through `useTicker` → `openTicker`',
        ),
      ],
    },
    {
      // A stream opened in the component's own click handler is the component's, as in one file.
      ...components.typedCase('src/lists/handler.tsx'),
      errors: [rendered('HandlerOnly', { line: 4, column: 32 }, 'src/handler-only.tsx', at('src/handler-only.tsx', 4))],
    },
    {
      // `<Status>` opens in this file (the syntactic report, not repeated); `<Row>` in another.
      ...components.typedCase('src/lists/same-file.tsx'),
      errors: [
        {
          messageId: 'renderedPerItem',
          line: 17,
          column: 11,
          data: { component: 'Status', stream: ES, line: 6, repetition: 'a `map()` callback' },
        },
        rendered('Row', { line: 18, column: 11 }, 'src/row.tsx', at('src/row.tsx', 6)),
      ],
    },
    {
      // `parserOptions.project` gives type information as well as the project service does.
      ...components.typedCase('src/lists/hook-chain.tsx'),
      languageOptions: {
        parserOptions: { project: './tsconfig.json', tsconfigRootDir: components.directory, ecmaFeatures: { jsx: true } },
      },
      errors: [
        {
          ...rendered('Price', { line: 4, column: 42 }, 'src/price.tsx', '', ' through `useTicker` → `openTicker`'),
          data: {
            component: 'Price',
            file: fromRoot('src/price.tsx'),
            stream: ES,
            opening: `${fromRoot('src/lib/ticker.ts')}:2`,
            route: ' through `useTicker` → `openTicker`',
            repetition: 'a `map()` callback',
          },
        },
      ],
    },
  ],
});

describe('openings noted for the codemod (type-aware)', () => {
  // `sse-codemod` looks a report's openings up by the report's own message id.
  it('notes a hook run together across files under hookRunTogetherAcrossFiles', async () => {
    const file = 'src/twice/use-clock.ts';
    const { code } = components.typedCase(file);
    const parser = (await import('@typescript-eslint/parser')) as unknown as Linter.Parser;
    const lint = lintWithRule('no-eventsource-per-item', rule, code, {
      cwd: components.directory,
      filename: path.join(components.directory, file),
      languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: components.directory } },
    });
    expect(reportsWithOpenings(lint)).toEqual([['hookRunTogetherAcrossFiles', 6, 20, [6]]]);
  }, 30_000);
});
