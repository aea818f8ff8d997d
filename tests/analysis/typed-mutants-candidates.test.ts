/**
 * The syntactic pre-filter of type-aware mode (`src/analysis/typed/candidates.ts`), unit by unit:
 * which callees and rendered components are worth asking the checker about, which files import a
 * value, and how a reported name reads. The rules only ever see these answers through the
 * checker, which hides a too-permissive filter, so the answers are pinned here directly (issue 17).
 * Each file is parsed by typescript-eslint with scope analysis, as a lint would.
 */
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  importsAnyValue,
  isResolvableCallee,
  isResolvableComponent,
  renderedComponentName,
  shortText,
} from '../../src/analysis/typed/candidates.js';
import { estreeNodesOf } from './typed-scratch-project.js';

function parse(text: string, sourceType: 'module' | 'script' = 'module'): Readonly<TSESLint.SourceCode> {
  const { ast, scopeManager, services, visitorKeys } = parseForESLint(text, {
    sourceType,
    ecmaFeatures: { jsx: true },
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    filePath: 'subject.tsx',
  });
  const sourceCode = new SourceCode({ text, ast, scopeManager, parserServices: services, visitorKeys } as never) as unknown as TSESLint.SourceCode;
  // ESLint sets `parent` while it walks the tree; `getScope()` climbs through it.
  for (const node of estreeNodesOf(sourceCode)) {
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') (item as { parent: TSESTree.Node }).parent = node;
      }
    }
  }
  return sourceCode;
}

/** The callee of the call or `new` whose callee reads `text`. */
function calleeReading(sourceCode: Readonly<TSESLint.SourceCode>, text: string): TSESTree.Node {
  const call = estreeNodesOf(sourceCode).find(
    (node): node is TSESTree.CallExpression | TSESTree.NewExpression =>
      (node.type === 'CallExpression' || node.type === 'NewExpression') && sourceCode.getText(node.callee) === text,
  );
  if (!call) throw new Error(`no call of ${text}`);
  return call.callee;
}

/** The call or opening element whose source text is `text`. */
function siteReading(sourceCode: Readonly<TSESLint.SourceCode>, text: string): TSESTree.JSXOpeningElement | TSESTree.CallExpression {
  const site = estreeNodesOf(sourceCode).find(
    (node): node is TSESTree.JSXOpeningElement | TSESTree.CallExpression =>
      (node.type === 'JSXOpeningElement' || node.type === 'CallExpression') && sourceCode.getText(node) === text,
  );
  if (!site) throw new Error(`no site ${text}`);
  return site;
}

const module = parse(`
import { open, api } from './lib';
import type { Kind } from './lib';
import { type Shape } from './lib';
import type Legacy = require('./lib');
import Required = require('./lib');
import * as ui from './lib';
namespace Scope {
  import Alias = ui.api;
  export function run() {
    Alias.connect();
  }
}
function Row() {
  return null;
}
class Feed {}
const registry = { open };
export class Feeds {
  #open() {}
  connect(callback: () => void, key: string) {
    const local = { open };
    try {
      open();
      Row();
      new Feed();
      registry.open();
      callback();
      local.open();
      fetch('/x');
      Kind();
      Shape();
      Legacy();
      Required();
      this.#open();
      this.connect();
      registry[key]();
      registry[0]();
      registry['open']();
      ui.api.open();
      (0, open)();
      open()();
      registry.list()[0].open();
      api.open();
    } catch (error) {
      error();
    }
  }
}
`);

describe('isResolvableCallee', () => {
  it('follows imports of values and the functions, classes and variables of the file', () => {
    // kills candidates.ts:23 ImportBinding case emptied (falls through to `true`) only together with the type-only cases below
    for (const text of ['open', 'Row', 'Feed', 'Required']) {
      expect(isResolvableCallee(module, calleeReading(module, text)), text).toBe(true);
    }
  });

  it('leaves out type-only imports, parameters, catch bindings and globals', () => {
    // kills candidates.ts:23 `case ImportBinding: {…}` -> `case ImportBinding:` and its block -> `{}`;
    // 27 `import type` test -> false, `||` -> `&&`, `'ImportDeclaration'` -> "", `'type'` -> "";
    // 28 `import { type X }` test -> false / `=== 'ImportSpecifier'` -> `!==` / -> "" / `'type'` -> "";
    // 36 `return false` -> `true`; 35 `default:` emptied (returns undefined, not false).
    for (const text of ['Kind', 'Shape', 'callback', 'error', 'fetch']) {
      expect(isResolvableCallee(module, calleeReading(module, text)), text).toBe(false);
    }
  });

  it('reads the import kind of an `import type X = require()` from the declaration itself', () => {
    // The declaration of an import-equals is the specifier node too; `import type X = require()`
    // is not an ImportDeclaration, so only the specifier test could leave it out, and it does not.
    // kills candidates.ts:27 `declaration?.type === 'ImportDeclaration'` -> `true`, and 28 `specifier.type === 'ImportSpecifier'` -> `true`
    expect(isResolvableCallee(module, calleeReading(module, 'Legacy'))).toBe(true);
  });

  it('follows a member of an import, a module-level object, `this`, and a chain of them', () => {
    // kills candidates.ts:42 `ThisExpression` test -> false / "" / `||` -> `&&` / whole test -> false;
    // 43 `MemberExpression` -> false / "" (the chain `ui.api`); 49 `scope === 'module'` -> false / "" and `||` -> `&&`
    for (const text of ['registry.open', 'this.connect', 'ui.api.open', 'api.open', "registry['open']"]) {
      expect(isResolvableCallee(module, calleeReading(module, text)), text).toBe(true);
    }
  });

  it('follows a member of an import-equals declared in a namespace, whose scope is not the module', () => {
    // kills candidates.ts:49 `definition.type === ImportBinding` -> false
    expect(isResolvableCallee(module, calleeReading(module, 'Alias.connect'))).toBe(true);
  });

  it('leaves out members of locals, of call results, computed non-string members and private names', () => {
    // kills candidates.ts:45 `return false` -> `true` (`registry.list()[0]`); 57 named test -> true,
    // `!computed && …` -> `||`, `property.type === 'Identifier'` -> true (`this.#open`);
    // 58 `typeof value === 'string'` -> true and `(computed && Literal) || string` (`registry[0]`)
    for (const text of ['local.open', 'registry.list()[0].open', 'registry[key]', 'registry[0]', 'this.#open']) {
      expect(isResolvableCallee(module, calleeReading(module, text)), text).toBe(false);
    }
  });

  it('answers false, without throwing, for a callee that is neither a name nor a member', () => {
    // kills candidates.ts:55 `callee.type === 'MemberExpression'` -> true (reads `property` of a call) and 61 `return false` -> `true`
    expect(isResolvableCallee(module, calleeReading(module, 'open()'))).toBe(false);
    expect(isResolvableCallee(module, calleeReading(module, '0, open'))).toBe(false);
  });

  it('follows a member of a top-level variable of a script, which lives in the global scope', () => {
    // kills candidates.ts:49 `scope === 'global'` -> false / ""
    const script = parse('var feeds = { open() {} };\nfor (const id of ids) feeds.open(id);\n', 'script');
    expect(isResolvableCallee(script, calleeReading(script, 'feeds.open'))).toBe(true);
  });
});

const jsx = parse(`
import * as ui from './lib';
import { createElement, h } from 'react';
function Row() {
  return null;
}
export class Table {
  render(items: string[], wrap: (x: unknown) => unknown) {
    const local = { Row };
    return items.map(() => [
      <Row />,
      <div />,
      <ui.Group.Row />,
      <this.Row />,
      <local.Row />,
      <svg:rect />,
      createElement(Row),
      createElement(ui.Row),
      createElement('div'),
      createElement(),
      h(local.Row),
      wrap(Row),
    ]);
  }
}
`);

describe('renderedComponentName', () => {
  it('names the component of a JSX element or an element factory call, and nothing for an intrinsic element or another call', () => {
    // kills candidates.ts:69 `=== 'JSXMemberExpression'` -> true (`<svg:rect />`); 71 `!isElementFactoryCall` -> false (`wrap(Row)`);
    // 73 the argument test -> true / `first || …` / `Identifier || MemberExpression` -> true (`'div'`, no argument),
    // `=== 'MemberExpression'` -> false / `!==` / "" (`ui.Row`)
    const named = (text: string) => {
      const name = renderedComponentName(siteReading(jsx, text));
      return name && jsx.getText(name);
    };
    expect(named('<Row />')).toBe('Row');
    expect(named('<div />')).toBeNull();
    expect(named('<ui.Group.Row />')).toBe('ui.Group.Row');
    expect(named('<svg:rect />')).toBeNull();
    expect(named('createElement(Row)')).toBe('Row');
    expect(named('createElement(ui.Row)')).toBe('ui.Row');
    expect(named("createElement('div')")).toBeNull();
    expect(named('createElement()')).toBeNull();
    expect(named('wrap(Row)')).toBeNull();
  });
});

describe('isResolvableComponent', () => {
  const resolvable = (text: string) => isResolvableComponent(jsx, renderedComponentName(siteReading(jsx, text))!);

  it('follows `<this.X />` and a chain of JSX members down to an import', () => {
    // kills candidates.ts:42 JSX `this` test -> false / `JSXIdentifier` -> `!==` / "" / `name === 'this'` -> `!==` / `'this'` -> "",
    // the NoCoverage `return true` -> `false`; 44 `JSXMemberExpression` -> false / ""
    expect(resolvable('<this.Row />')).toBe(true);
    expect(resolvable('<ui.Group.Row />')).toBe(true);
    expect(resolvable('createElement(ui.Row)')).toBe(true);
    expect(resolvable('<Row />')).toBe(true);
  });

  it('leaves out a member of a local object, in JSX and in a factory call', () => {
    // kills candidates.ts:42 `JSXIdentifier && name === 'this'` -> `||`, `name === 'this'` -> true
    expect(resolvable('<local.Row />')).toBe(false);
    expect(resolvable('h(local.Row)')).toBe(false);
  });
});

describe('importsAnyValue', () => {
  it('is true for a value import, and for a file that mentions `require`', () => {
    expect(importsAnyValue(parse("import { open } from './lib';\nopen();\n"))).toBe(true);
    expect(importsAnyValue(parse("const lib = require('./lib');\n", 'script'))).toBe(true);
  });

  it('is false for a file without imports, with type-only imports, or with side-effect imports only', () => {
    // kills candidates.ts:91 `=== 'ImportDeclaration'` -> true and `… && importKind !== 'type'` -> true (read `specifiers` of
    // a statement that has none, and throw); `importKind !== 'type'` -> true / "" and `ImportDeclaration || …` (`import type`);
    // `length > 0` -> true / `>= 0` and `(… && …) || length > 0` (`import './polyfill'`); 93 `imports || …` -> true
    expect(importsAnyValue(parse('const feeds = new Map();\nexport { feeds };\n'))).toBe(false);
    expect(importsAnyValue(parse("import type { Feed } from './lib';\nexport const feeds: Feed[] = [];\n"))).toBe(false);
    expect(importsAnyValue(parse("import './polyfill';\nexport const feeds = [];\n"))).toBe(false);
  });
});

describe('shortText', () => {
  const named = (code: string) => {
    const sourceCode = parse(code);
    const statement = sourceCode.ast.body[0] as TSESTree.ExpressionStatement;
    return shortText(sourceCode, (statement.expression as TSESTree.CallExpression).callee, 'fallback');
  };

  it('keeps a name of up to 40 characters without whitespace, and falls back for a longer one or one with whitespace', () => {
    // kills candidates.ts:99 `length <= 40` -> `< 40` (exactly 40) / -> true (41); `&&` -> `||` and whole test -> true (whitespace)
    const forty = `feeds.${'a'.repeat(34)}`;
    expect(forty).toHaveLength(40);
    expect(named(`${forty}();`)).toBe(forty);
    expect(named(`${forty}b();`)).toBe('fallback');
    expect(named('feeds\n  .open();')).toBe('fallback');
    expect(named('feeds.open();')).toBe('feeds.open');
  });
});
