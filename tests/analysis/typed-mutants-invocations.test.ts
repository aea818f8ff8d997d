/**
 * `invocationAt` (src/analysis/typed/invocations.ts) asked directly about the calls, `new`s,
 * `super(…)` calls and functions handed over by name of a small program: which it follows, in
 * which mode, and which it leaves to the same-file analysis (a member of a local or parameter,
 * a computed callee). Each test names the surviving mutants of the Stryker run (issue 17) it kills.
 */
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { invocationAt } from '../../src/analysis/typed/invocations.js';
import { project } from './typed-scratch-project.js';

const fixture = project({
  'api.ts': 'export const api = { open() {} };\nexport class Feed { static create() {} }\n',
  'main.ts': `import { api as imported } from './api';
const api = { open() {}, nested: { open() {} } };
const apis = { open() {} };
function open(url?: unknown) {}
function make() { return api; }
declare const key: string;
namespace Tools { export function open() {} }
enum Mode { Open }
if (key) { const blockApi = { open() {} }; blockApi.open(); }

api.open();
api.nested.open();
imported.open();
Tools.open();
Mode.toString();
open.call(undefined);
missing.open();
undefined.open();
make().open();
make()();
apis['open']();
apis[key]();
open();
open((open));
open('/feed');
new Base();
new Base;
[open];
const copy = open;

function local(client: { connect(): void }) {
  const session = { open() {} };
  session.open();
  session['open']();
  client.connect();
  arguments.length;
}

class Base {
  open() {}
}
interface Shape {}
class Derived extends Base implements Shape {
  #secret() {}
  client = { open() {} };
  constructor() {
    super();
    super.open();
    this.open();
    this.client.open();
    this.#secret();
    new.target.create();
  }
  static create() {}
}
class Lone {
  constructor() {
    super();
  }
}
class Shaped implements Shape {
  constructor() {
    super();
  }
}
const Anonymous = class extends (Base) {
  constructor() {
    super();
  }
};
`,
  // A file of the program with a syntax error: the summaries walk every file of the program, not only the linted ones.
  'broken.ts': 'class Broken extends implements Shape {\n  constructor() {\n    super();\n  }\n}\n',
});
afterAll(() => fixture.dispose());

const { SyntaxKind } = ts;

/** What `invocationAt` says about the `index`-th node of `kind` reading `text` in main.ts, with the target as text. */
function invocation(kind: ts.SyntaxKind, text: string, index = 0): { mode: string; target: string } | null {
  const found = invocationAt(fixture.information, fixture.findText('main.ts', kind, text, index));
  return found && { mode: found.mode, target: found.target.getText() };
}

const call = (text: string, index = 0) => invocation(SyntaxKind.CallExpression, text, index);

describe('invocationAt: calls of a member', () => {
  it('follows a method of a module-level object, and of one declared in a block at module level', () => {
    // kills invocations.ts:23 block -> {}, :25 `current` -> false, :25 loop body -> {}, :26 isFunctionLike -> true,
    // :27 isSourceFile -> false, :27 `true` -> false, :38 `!ts.isIdentifier(node)` -> ts.isIdentifier(node) / -> true,
    // :40 `!symbol` -> symbol / -> true, :43 -> false, :43 `!==` -> `===`
    expect(call('api.open()')).toEqual({ mode: 'call', target: 'api.open' });
    expect(call('blockApi.open()')).toEqual({ mode: 'call', target: 'blockApi.open' });
  });

  it('leaves a method of a local or a parameter to the same-file analysis', () => {
    // kills :26 `false` -> true, :26 isFunctionLike -> false, :27 isSourceFile -> true, :36 -> true,
    // :36 `=== SuperKeyword` -> `!==`, :41 flags -> true, :43 -> true, :51 `&&` -> `||`, :51 -> true
    expect(call('session.open()')).toBeNull();
    expect(call('client.connect()')).toBeNull();
  });

  it('follows a member of an import alias, a namespace and an enum', () => {
    // kills :41 `return true` -> false, :41 flags -> false
    expect(call('imported.open()')).toEqual({ mode: 'call', target: 'imported.open' });
    expect(call('Tools.open()')).toEqual({ mode: 'call', target: 'Tools.open' });
    expect(call('Mode.toString()')).toEqual({ mode: 'call', target: 'Mode.toString' });
  });

  it('does not follow a member of a module-level function', () => {
    // kills :43 `A && B && C` -> `A && B || C`, :43 `A && B` -> true, :43 `A && B` -> `A || B`
    expect(call('open.call(undefined)')).toBeNull();
  });

  it('does not follow a member of a name that resolves to nothing, or to a symbol without a declaration', () => {
    // kills :40 `false` -> true, :40 `!symbol` -> false (throws), :43 `declaration !== undefined` -> true (throws)
    expect(call('missing.open()')).toBeNull();
    expect(call('undefined.open()')).toBeNull();
  });

  it('follows a member of a member of a module-level object, and of this', () => {
    // kills :37 isPropertyAccessExpression -> false
    expect(call('api.nested.open()')).toEqual({ mode: 'call', target: 'api.nested.open' });
    expect(call('this.client.open()')).toEqual({ mode: 'call', target: 'this.client.open' });
    expect(call('this.open()')).toEqual({ mode: 'call', target: 'this.open' });
  });

  it('follows a method of super', () => {
    // kills :36 `node.kind === SuperKeyword` -> false
    expect(call('super.open()')).toEqual({ mode: 'call', target: 'super.open' });
  });

  it('does not follow a member of a call result, nor a private method', () => {
    // kills :38 `false` -> true, :51 `&&` -> `||` (private name of this)
    expect(call('make().open()')).toBeNull();
    expect(call('this.#secret()')).toBeNull();
  });

  it('does not follow a member of new.target, which is not a name', () => {
    // kills :38 `!ts.isIdentifier(node)` -> false (the checker gives new.target the class's symbol)
    expect(call('new.target.create()')).toBeNull();
  });
});

describe('invocationAt: other callees', () => {
  it('follows a plain name and leaves a call of a call result', () => {
    // kills :50 isIdentifier -> true, :51 isPropertyAccessExpression -> true (throws), :52 -> true (throws), :55 `false` -> true
    expect(call('open()')).toEqual({ mode: 'call', target: 'open' });
    expect(call('make()()')).toBeNull();
  });

  it('follows a string-keyed member of a module-level object, not a computed or local one', () => {
    // kills :52 -> false, :52 block -> {}, :53 -> true, :53 -> false, :53 `&&` -> `||`
    expect(call("apis['open']()")).toEqual({ mode: 'call', target: "apis['open']" });
    expect(call('apis[key]()')).toBeNull();
    expect(call("session['open']()")).toBeNull();
  });
});

describe('invocationAt: super(…) and new', () => {
  it('constructs the class a derived class extends', () => {
    // kills :59 block -> {}, :60 `current` -> false, :60 loop body -> {}, :61 -> true, :61 -> false, :61 block -> {},
    // :62 predicate -> () => undefined, :62 `===` -> false, :62 `===` -> `!==` (implements comes after extends here),
    // :63 `??` -> `&&`, :73 -> false, :73 block -> {}, :75 object -> {}, :75 'construct' -> ""
    expect(call('super()', 0)).toEqual({ mode: 'construct', target: 'Base' });
    expect(call('super()', 3)).toEqual({ mode: 'construct', target: '(Base)' });
  });

  it('follows no super(…) in a class without an extends clause', () => {
    // kills :62 `heritageClauses?.find` -> `.find` (throws), :62 `===` -> true, :63 `clause?.types` -> `clause.types` (throws)
    expect(call('super()', 1)).toBeNull();
    expect(call('super()', 2)).toBeNull();
  });

  it('follows no super(…) in a class whose extends clause lost its type to a syntax error', () => {
    // kills :63 `types[0]?.expression` -> `types[0].expression` (throws)
    const superCall = fixture.findText('broken.ts', SyntaxKind.CallExpression, 'super()');
    expect(invocationAt(fixture.information, superCall)).toBeNull();
  });

  it('constructs the target of new, with or without arguments', () => {
    // kills :79 -> false, :79 block -> {}, :80 object -> {}, :80 'construct' -> ""
    expect(invocation(SyntaxKind.NewExpression, 'new Base()')).toEqual({ mode: 'construct', target: 'Base' });
    expect(invocation(SyntaxKind.NewExpression, 'new Base')).toEqual({ mode: 'construct', target: 'Base' });
  });

  it('gives the call mode to a plain call', () => {
    // kills :77 'call' -> ""
    expect(call('api.open()')?.mode).toBe('call');
  });
});

describe('invocationAt: functions handed over by name', () => {
  const name = (index: number) => invocation(SyntaxKind.Identifier, 'open', index);
  /** The index (among the `open` names of main.ts, in source order) of the first `open` on the line starting with `line`. */
  function openOn(line: string): number {
    const source = fixture.information.program.getSourceFiles().find((file) => file.fileName.endsWith('main.ts'))!;
    const lineStart = source.text.indexOf(`\n${line}`) + 1;
    const names: ts.Identifier[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === 'open') names.push(node);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return names.findIndex((node) => node.getStart(source) >= lineStart && node.getStart(source) < source.text.indexOf('\n', lineStart));
  }

  it('calls a function passed as an argument, through parentheses', () => {
    // kills :82 -> false, :82 block -> {}, :86 -> false, :86 `!==` -> `===`, :87 `||` -> `&&`, :88 `??` -> `&&`, :89 'call' -> ""
    const index = openOn('open((open));') + 1;
    expect(name(index)).toEqual({ mode: 'call', target: 'open' });
  });

  it('does not call the callee itself, nor a name in an array or an initialiser', () => {
    // kills :86 `A && (B || C) && D` -> `A && (B || C) || D`, :86 -> true
    expect(name(openOn('open();'))).toBeNull();
    expect(name(openOn('[open];'))).toBeNull();
    expect(name(openOn('const copy = open;'))).toBeNull();
  });

  it('does not call the class of a new without arguments', () => {
    // kills :88 `false` -> true, :88 `arguments?.includes` -> `arguments.includes` (throws)
    expect(invocation(SyntaxKind.Identifier, 'Base', 1)).toBeNull();
    expect(fixture.findText<ts.Identifier>('main.ts', SyntaxKind.Identifier, 'Base', 1).parent.getText()).toBe('new Base');
  });

  it('does not call a string argument', () => {
    // kills :82 isIdentifier -> true
    expect(invocation(SyntaxKind.StringLiteral, "'/feed'")).toBeNull();
  });
});
