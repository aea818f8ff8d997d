/**
 * `simultaneousHookCallers` (`src/analysis/typed/hook-callers.ts`) asked directly, on a real
 * program written to a scratch folder: what the rule's tests cannot see, its cache and the
 * hooks it never gets from the rule (issue 17: its mutants).
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { simultaneousHookCallers } from '../../src/analysis/typed/hook-callers.js';
import type { TypeInformation } from '../../src/analysis/typed/type-information.js';
import type { TypeScript } from '../../src/analysis/typed/typescript-module.js';
import { scratchDirectory } from './typed-scratch-project.js';

const { directory: scratch, write, remove } = scratchDirectory('hook-callers-');
afterAll(remove);

const files = [
  write('use-feed.ts', 'export function useFeed() {\n  return 1;\n}\n'),
  write('use-anonymous.ts', 'export default function () {\n  return 1;\n}\n'),
  // Twice in one component: null (the word) is in this file's text, as the mutant `includes(null)` would look for.
  write('page.tsx', "import useAnonymous from './use-anonymous';\nexport function Page() {\n  return [useAnonymous(), useAnonymous(), null];\n}\n"),
  // A library's component that calls the hook twice: not the project's source, so not a caller.
  write('node_modules/widgets/index.tsx', "import { useFeed } from '../../use-feed';\nexport function Widget() {\n  return [useFeed(), useFeed()];\n}\n"),
  // The project's own component that calls it twice, in a file of its own.
  write('clock.tsx', "import { useFeed } from './use-feed';\nexport function Clock() {\n  const a = useFeed();\n  return [a, useFeed()];\n}\n"),
  write('use-beat.ts', 'export function useBeat() {\n  return 1;\n}\n'),
  // `<Deck>` calls `useBeat` and renders `<Card />`, self-closing, which calls it too. The
  // second `Card` (a duplicate implementation, a type error the lint still runs on) does not:
  // the checker gives both declarations for the tag, and the one that calls it is kept.
  write(
    'deck.tsx',
    [
      "import { useBeat } from './use-beat';",
      'export function Deck() {',
      '  return [useBeat(), <Card />];',
      '}',
      'function Card() {',
      '  return useBeat();',
      '}',
      'function Card() {',
      '  return 0;',
      '}',
      '',
    ].join('\n'),
  ),
  write('use-pulse.ts', 'export function usePulse() {\n  return 1;\n}\n'),
  // `<Stage>` renders the other caller under a name that is no component's (`_Light`) or as a
  // member of a namespace import (`<lights.Light />`): tags are followed only by component names.
  write('light.tsx', "import { usePulse } from './use-pulse';\nexport function Light() {\n  return usePulse();\n}\n"),
  write(
    'stage.tsx',
    [
      "import { usePulse } from './use-pulse';",
      "import * as lights from './light';",
      "import { Light } from './light';",
      'const _Light = Light;',
      'export function Stage() {',
      '  return [usePulse(), <_Light />, <lights.Light />, <div />];',
      '}',
      '',
    ].join('\n'),
  ),
];
const program = ts.createProgram(files, { jsx: ts.JsxEmit.Preserve, lib: ['lib.es2022.d.ts'], types: [], noEmit: true });

function information(): TypeInformation {
  return { ts: ts as unknown as TypeScript, program, checker: program.getTypeChecker(), tsNodeOf: () => undefined, cwd: scratch };
}
const declarationIn = (file: string) => program.getSourceFile(path.join(scratch, file))!.statements.find(ts.isFunctionDeclaration)!;

describe('simultaneousHookCallers', () => {
  it('names a component of the project that calls the hook twice, and its first call', () => {
    expect(simultaneousHookCallers(information(), declarationIn('use-feed.ts'))).toEqual({
      outer: { name: 'Clock', fileName: path.join(scratch, 'clock.tsx'), line: 3 },
      inner: null,
    });
  });

  // kills hook-callers.ts:120 `if (!byHook)` -> true and :125 `known !== undefined` -> false (the answer is computed again)
  it('answers a second question about the same hook from its cache, whichever information asks', () => {
    const first = simultaneousHookCallers(information(), declarationIn('use-feed.ts'));
    expect(simultaneousHookCallers(information(), declarationIn('use-feed.ts'))).toBe(first);
  });

  // kills hook-callers.ts:101 `ts.isJsxSelfClosingElement(node)` -> false, :106 `found && found !== outer` -> `found !== outer`
  it('names a caller that another renders with a self-closing tag, among the declarations of its name', () => {
    expect(simultaneousHookCallers(information(), declarationIn('use-beat.ts'))).toEqual({
      outer: { name: 'Deck', fileName: path.join(scratch, 'deck.tsx'), line: 3 },
      inner: { name: 'Card', fileName: path.join(scratch, 'deck.tsx'), line: 6 },
    });
  });

  // TODO(false negative): `<lights.Light />` and `<_Light />` both render a caller.
  // kills hook-callers.ts:103 condition -> false, `!isComponentName(tag.text)` -> false, `||` -> `&&`
  it('follows only tags named like components', () => {
    expect(simultaneousHookCallers(information(), declarationIn('use-pulse.ts'))).toBeNull();
  });

  // kills hook-callers.ts:128 `hookName !== null` -> true
  it('has no answer for a hook without a name, which no text search can find', () => {
    expect(simultaneousHookCallers(information(), declarationIn('use-anonymous.ts'))).toBeNull();
  });
});
