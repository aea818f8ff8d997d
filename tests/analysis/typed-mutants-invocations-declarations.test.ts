/**
 * `resolveCallables` and `isProjectSourceFile` (src/analysis/typed/declarations.ts) asked
 * directly about the names of a small program: which project functions and classes a name
 * stands for through aliases, re-exports, default exports, wrappers, shorthand properties and
 * parameters, where the alias chain stops, and which files are not the project's own. Each
 * test names the surviving mutants of the Stryker run (issue 17) it kills.
 */
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { isProjectSourceFile, resolveCallables } from '../../src/analysis/typed/declarations.js';
import { project } from './typed-scratch-project.js';

/** `a1 = f`, `a2 = a1`, …, `a{count} = a{count - 1}`. */
function aliasChain(prefix: string, first: string, count: number): string {
  return Array.from({ length: count }, (_, index) => `const ${prefix}${index + 1} = ${index === 0 ? first : `${prefix}${index}`};`).join('\n');
}

/** `memo(memo(…(f)))`, `depth` wrappers deep. */
function memoChain(depth: number): string {
  return `${'memo('.repeat(depth)}f${')'.repeat(depth)}`;
}

const fixture = project(
  {
    'runner.ts': 'export default () => {};\n',
    'barrel.ts': "export { open as start } from './feed';\nexport * from './feed';\n",
    'feed.ts': 'export function open() {}\nexport function close() {}\n',
    'ambient.d.ts': 'declare class Remote {}\ndeclare function remoteOpen(): void;\n',
    'node_modules/vendor/index.ts': 'export function vendorOpen() {}\n',
    'main.ts': `import run from './runner';
import { start, close } from './barrel';
import { gone } from './missing';
import { vendorOpen } from 'vendor';
function memo<T>(value: T): T { return value; }
function wrap<T>(value: T): T { return value; }
function f() {}
function overloaded(a: string): void;
function overloaded(a: number): void;
function overloaded(a: unknown) {}
namespace Space { export const value = 1; }
class Feed {
  get stream() { return 1; }
  set stream(value: number) {}
  open() {}
  handler = f;
  method() {
    const self = this;
    self;
  }
}
const feed = new Feed();
const handlers = { open: f, f };
const byKey = handlers['open'];
const byMember = handlers.open;
const wrapped = wrap(f);
const number = 1;
let unset;
${aliasChain('a', 'f', 9)}
${aliasChain('b', 'handlers.f', 9)}
const shorthandOf8 = { a8 };
const shorthandOf7 = { a7 };
const memo7 = ${memoChain(7)};
const memo8 = ${memoChain(8)};
function withDefault(cb = f, plain?: () => void) {
  cb;
  plain;
}

run; start; close; gone; vendorOpen; Remote; remoteOpen; missing; undefined;
overloaded; Space; feed.stream; feed.open; feed.handler; byKey; byMember; wrapped; number; unset;
a8; a9; b7; b8; shorthandOf8.a8; shorthandOf7.a7; memo7; memo8; handlers.f;
`,
  },
  ['main.ts', 'ambient.d.ts', 'node_modules/vendor/index.ts'],
);
afterAll(() => fixture.dispose());

const { information } = fixture;
const mainFile = information.program.getSourceFiles().find((file) => file.fileName.endsWith('/main.ts'))!;
/** The names asked about: the expression statements at the top level of main.ts, by their text. */
const asked = new Map(
  mainFile.statements
    .filter(ts.isExpressionStatement)
    .map((statement) => [statement.expression.getText(mainFile), statement.expression]),
);

/** What `name` (an expression statement of main.ts) resolves to: each callable as `file: text of its first line`. */
function resolve(name: string): string[] {
  const expression = asked.get(name);
  if (!expression) throw new Error(`${name} is not asked about in main.ts`);
  return resolveCallables(information, expression).map((callable) => {
    const file = path.relative(information.cwd, callable.getSourceFile().fileName);
    return `${file}: ${callable.getText().split('\n')[0]}`;
  });
}

describe('resolveCallables: aliases', () => {
  it('follows a default import to an exported arrow function', () => {
    // kills declarations.ts:81 isExportAssignment -> false
    expect(resolve('run')).toEqual(['runner.ts: () => {}']);
  });

  it('follows a renamed re-export and an export * through a barrel', () => {
    expect(resolve('start')).toEqual(['feed.ts: export function open() {}']);
    expect(resolve('close')).toEqual(['feed.ts: export function close() {}']);
  });

  it('resolves a name of nothing, an import from a missing module and undefined to nothing', () => {
    // kills :51 `!symbol` -> false (throws), :53 `?? []` -> ["Stryker was here"] (the missing import and undefined have no declarations)
    expect(resolve('missing')).toEqual([]);
    expect(resolve('gone')).toEqual([]);
    expect(resolve('undefined')).toEqual([]);
  });

  it('follows const aliases, a property access and a string-keyed element access to the function', () => {
    // kills :63 -> false, :63 `A || B || C` -> `(A || B) && C`, :63 `A || B` -> false, :63 `A || B` -> `A && B`, :63 block -> {}
    expect(resolve('a8')).toEqual(['main.ts: function f() {}']);
    expect(resolve('byKey')).toEqual(['main.ts: function f() {}']);
    expect(resolve('byMember')).toEqual(['main.ts: function f() {}']);
    expect(resolve('feed.handler')).toEqual(['main.ts: function f() {}']);
  });

  it('gives up after eight aliases', () => {
    // kills :60 -> false, :60 `>=` -> `>`, :60 `[]` -> ["Stryker was here"], :64 `steps + 1` -> `steps - 1`
    expect(resolve('a9')).toEqual([]);
  });

  it('counts memo() wrappers as aliases too', () => {
    // kills :62 `steps + 1` -> `steps - 1`
    expect(resolve('memo7')).toEqual(['main.ts: function f() {}']);
    expect(resolve('memo8')).toEqual([]);
  });

  it('does not see through a call that is not a component wrapper, nor a value that is no function', () => {
    // kills :62 isComponentWrapperCall -> true, :66 `[]` -> ["Stryker was here"], :76 `&&` -> `||` (throws on `let unset`)
    expect(resolve('wrapped')).toEqual([]);
    expect(resolve('number')).toEqual([]);
    expect(resolve('unset')).toEqual([]);
  });

  it('does not see this as a class', () => {
    // kills :63 -> true (the checker gives `this` the class's symbol)
    const self = fixture.findText<ts.Identifier>('main.ts', ts.SyntaxKind.Identifier, 'self', 1);
    expect(resolveCallables(information, self)).toEqual([]);
  });
});

describe('resolveCallables: shorthand properties', () => {
  it('follows a shorthand property to the function it names', () => {
    // kills :82 -> false, :82 `steps < 8` -> `steps >= 8`, :82 block -> {}
    expect(resolve('handlers.f')).toEqual(['main.ts: function f() {}']);
    expect(resolve('shorthandOf7.a7')).toEqual(['main.ts: function f() {}']);
  });

  it('counts a shorthand property as an alias', () => {
    // kills :83 `steps + 1` -> `steps - 1`
    expect(resolve('shorthandOf8.a8')).toEqual([]);
  });

  it('does not follow a shorthand property reached after eight aliases', () => {
    // kills :82 `steps < 8` -> true, :82 `steps < 8` -> `steps <= 8`, :82 `&&` -> `||`
    expect(resolve('b7')).toEqual(['main.ts: function f() {}']);
    expect(resolve('b8')).toEqual([]);
  });
});

describe('resolveCallables: declarations', () => {
  it('resolves an overloaded function to its implementation only', () => {
    // kills :36 `node.body !== undefined` -> true
    expect(resolve('overloaded')).toEqual(['main.ts: function overloaded(a: unknown) {}']);
  });

  it('resolves a namespace to nothing', () => {
    // kills :29 `ts.isFunctionDeclaration(node) || …` -> true (a namespace has a body)
    expect(resolve('Space')).toEqual([]);
  });

  it('resolves a getter and setter to both accessors, and a method to itself', () => {
    // kills :29 the list without get/set accessors
    expect(resolve('feed.stream')).toEqual(['main.ts: get stream() { return 1; }', 'main.ts: set stream(value: number) {}']);
    expect(resolve('feed.open')).toEqual(['main.ts: open() {}']);
  });

  it('does not follow the default value of a parameter, nor a parameter without one', () => {
    // kills :76 `(A || B || C) && init` -> `A || B || C || init`, :76 `A || B || C` -> true, :85 `[]` -> ["Stryker was here"]
    expect(resolveCallables(information, fixture.findText('main.ts', ts.SyntaxKind.Identifier, 'cb', 1))).toEqual([]);
    expect(resolveCallables(information, fixture.findText('main.ts', ts.SyntaxKind.Identifier, 'plain', 1))).toEqual([]);
  });
});

describe('project source files', () => {
  const fileNamed = (suffix: string) => information.program.getSourceFiles().find((file) => file.fileName.endsWith(suffix))!;

  it('resolves a class declared in a .d.ts file to nothing', () => {
    // kills :24 -> true, :24 `A && B || C` (the .d.ts is not under node_modules), :24 `A && B` -> true, :24 `A || B`, :71 -> false
    expect(resolve('Remote')).toEqual([]);
    expect(isProjectSourceFile(information.program, fileNamed('/ambient.d.ts'))).toBe(false);
  });

  it('does not count a TypeScript file under node_modules, even one compiled as a root', () => {
    // kills :24 regex `[\\/]node_modules` -> `[^\\/]node_modules`, :24 regex `node_modules[\\/]` -> `node_modules[^\\/]`
    expect(isProjectSourceFile(information.program, fileNamed('/node_modules/vendor/index.ts'))).toBe(false);
    expect(resolve('vendorOpen')).toEqual([]);
    expect(isProjectSourceFile(information.program, mainFile)).toBe(true);
  });
});
