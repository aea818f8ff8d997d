/**
 * `no-eventsource-per-item`'s `hookRunTogetherAcrossFiles` (issue 11), for the branches of
 * `src/analysis/typed/hook-callers.ts` that decide who calls an exported hook and whether two
 * calls run at once (issue 17: its mutants). Each case lints a hook file of the fixture project
 * `tests/rules/typed/fixtures/typed-mutants-syntax` with type information.
 */
import rule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { fixtureProject } from '../rules/typed/fixture-projects.js';

const project = fixtureProject('typed-mutants-syntax');
const at = (file: string, line: number) => `${project.display(file)}:${line}`;

ruleTester.run('no-eventsource-per-item: callers of a hook in other files', rule, {
  valid: [
    // kills hook-callers.ts:43 `name !== null && /^[A-Z]/…` -> `||` and the regex without `^` (a helper and
    // `useTwoTicks` each call it twice, but neither is a component), :49 `isComponentName(…)` -> true (the
    // call in `later`, a callback of `<Ticks>`), :73 `!resolveCallables(…).includes(hook)` -> false
    // (`<Ticks>` calls `useState` twice), :67 `isTestFile(…)` -> false (a test's component calls it twice)
    project.typedCase('src/not-components/use-ticks.ts'),
    // TODO(false negative): a caller that renames the hook without the `use` prefix, or imports it
    // through a barrel that renames it (its file never spells `useQuotes`), is not looked at.
    // kills hook-callers.ts:72 `!callee.text.startsWith('use')` -> false and `'use'` -> `''`, :67 `!file.text.includes(hookName)` -> false
    project.typedCase('src/renamed/use-quotes.ts'),
    // TODO(false negative): a component that renders itself runs the hook once per level, at once;
    // rendering itself is not counted as rendering another caller.
    // kills hook-callers.ts:106 `found && found !== outer` -> `found` / `||`
    project.typedCase('src/recursive/use-nodes.ts'),
  ],
  invalid: [
    {
      // `<Board>` calls the hook and renders two other callers: the first one found is named, and
      // it is written with children (an opening tag, not a self-closing one).
      // kills hook-callers.ts:101 `ts.isJsxOpeningElement(node)` -> false, `inner ||` -> false
      ...project.typedCase('src/children/use-lights.ts'),
      errors: [
        {
          messageId: 'hookRunTogetherAcrossFiles',
          line: 6,
          column: 20,
          data: {
            hook: 'useLights',
            stream: '`EventSource`',
            route: '',
            together: `\`<Board>\` (${at('src/children/board.tsx', 7)}) calls it and renders \`<Lamp>\` (${at('src/children/board.tsx', 17)}), which calls it too`,
          },
        },
      ],
    },
  ],
});
