/**
 * Pins which function or class owns a stream opening (`src/analysis/stream-openers.ts`), so that
 * the mutants StrykerJS left alive there fail a test (issue 17): an inline callback runs with the
 * function around it (a JSX attribute handler does, a JSX child function does not; a function
 * constructed with `new (function () {})()` is not inline), an instance field initialiser
 * (also an `accessor` field) belongs to its class, a computed field key and a static block do
 * not, a class expression counts as a class, and a class with two openings is reached once.
 *
 * Openers are given as `name: url via [names]`, construction sites as the text of their `new`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { SourceCode as ESLintSourceCode } from 'eslint';
import { describe, expect, it } from 'vitest';
import { type FunctionNode, functionName } from '../../src/analysis/functions.js';
import { type ClassNode, getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type ProbeFile, type SourceCode, TS_FILE, analyse, parsers } from './probe.js';

interface Summary {
  functions: string[];
  classes: string[];
  callSites: string[];
  constructions: string[];
}

function where(node: TSESTree.Node): string {
  return `${node.loc.start.line}:${node.loc.start.column}`;
}

function fnLabel(fn: FunctionNode): string {
  return functionName(fn) ?? `function@${where(fn)}`;
}

function classLabel(classNode: ClassNode): string {
  return classNode.id?.name ?? `class@${where(classNode)}`;
}

function summarise(sourceCode: SourceCode): Summary {
  const openers = getStreamOpeners(sourceCode, getStreamOpenings(sourceCode));
  const url = (opening: { node: TSESTree.CallExpression | TSESTree.NewExpression }): string =>
    sourceCode.getText(opening.node.arguments[0]);
  return {
    functions: [...openers.byFunction.values()].map(
      (info) => `${fnLabel(info.fn)}: ${url(info.opening)} via [${info.via.map(fnLabel).join(', ')}]`,
    ),
    classes: [...openers.byClass.values()].map(
      (info) => `${classLabel(info.classNode)}: ${url(info.opening)} via [${info.via.map(fnLabel).join(', ')}]`,
    ),
    callSites: openers.callSites.map((site) => `${sourceCode.getText(site.node)} -> ${fnLabel(site.target.fn)}`),
    constructions: openers.constructionSites.map(
      (site) => `${sourceCode.getText(site.node)} -> ${classLabel(site.target.classNode)}`,
    ),
  };
}

function openersOf(parser: unknown, code: string, file?: ProbeFile): Summary {
  return analyse(parser, code, summarise, file);
}

describe.each(parsers)('the function that owns an opening (%s)', (_name, parser) => {
  it('does not take a function constructed in place for an inline callback of the function around it', () => {
    // kills stream-openers.ts:83 "parent.type === 'CallExpression'" -> 'true',
    // "parent.type === 'CallExpression' && parent.callee === node" -> '||'
    expect(openersOf(parser, 'function outer() {\n  new (function () { new EventSource("/a"); })();\n}').functions).toEqual([
      'function@2:7: "/a" via []',
    ]);
  });

  it('lets a JSX attribute handler run with the component that renders it', () => {
    // kills stream-openers.ts:84 the whole JSX test -> 'false', "parent.type === 'JSXExpressionContainer'" -> '!==',
    // "'JSXExpressionContainer'" -> '""', "parent.parent?.type === 'JSXAttribute'" -> '!==', "'JSXAttribute'" -> '""'
    expect(
      openersOf(parser, 'function Row() {\n  return <button onClick={() => new EventSource("/a")} />;\n}').functions,
    ).toEqual(['Row: "/a" via []']);
  });

  it('does not let a function written as a JSX child run with the component', () => {
    // kills stream-openers.ts:84 "parent.parent?.type === 'JSXAttribute'" -> 'true', the JSX test's '&&' -> '||'
    expect(openersOf(parser, 'function Row() {\n  return <div>{() => new EventSource("/a")}</div>;\n}').functions).toEqual([
      'function@2:15: "/a" via []',
    ]);
  });

  it('stops at a static block of a class declared inside a function', () => {
    // kills stream-openers.ts:119 'isExecutionBoundary(current)' -> 'false', '{ return null; }' -> '{}'
    expect(
      openersOf(parser, 'function define() {\n  class Row { static { new EventSource("/a"); } }\n  return Row;\n}').functions,
    ).toEqual([]);
  });
});

describe.each(parsers)('the class that owns an opening (%s)', (_name, parser) => {
  it('takes a class expression bound to a const for a class, with its construction sites', () => {
    // kills stream-openers.ts:96 "node.type === 'ClassExpression'" -> 'false', "'ClassExpression'" -> '""';
    // stream-openers.ts:172 '[]' -> '["Stryker was here"]' and :175 the whole subclass test -> 'true'
    // (both add a non-function to byFunction)
    expect(openersOf(parser, 'const Row = class {\n  es = new EventSource("/a");\n};\nnew Row();')).toEqual({
      functions: [],
      classes: ['class@1:12: "/a" via []'],
      callSites: [],
      constructions: ['new Row() -> class@1:12'],
    });
  });

  it('does not give a class the opening in a computed field key, which runs once', () => {
    // kills stream-openers.ts:118 'current.value === child' -> 'true'
    expect(openersOf(parser, 'class Row {\n  [String(new EventSource("/a"))] = 1;\n}\nnew Row();')).toEqual({
      functions: [],
      classes: [],
      callSites: [],
      constructions: [],
    });
  });

  it('reaches a class with two openings once, by its first opening', () => {
    // kills stream-openers.ts:244 'byClass.has(unit)' -> 'false'
    expect(
      openersOf(parser, 'class Row {\n  a = new EventSource("/a");\n  b = new EventSource("/b");\n}\nnew Row();'),
    ).toEqual({
      functions: [],
      classes: ['Row: "/a" via []'],
      callSites: [],
      constructions: ['new Row() -> Row'],
    });
  });
});

describe('the class that owns an opening in an accessor field', () => {
  it('gives an `accessor` field initialiser to its class', () => {
    // kills stream-openers.ts:116 "current.type === 'AccessorProperty'" -> 'false', "'AccessorProperty'" -> '""'
    const [, tsParser] = parsers[0];
    expect(openersOf(tsParser, 'class Row {\n  accessor es = new EventSource("/a");\n}\nnew Row();', TS_FILE)).toEqual({
      functions: [],
      classes: ['Row: "/a" via []'],
      callSites: [],
      constructions: ['new Row() -> Row'],
    });
  });
});

describe.each(parsers)('the places that call or construct an opener (%s)', (_name, parser) => {
  it('does not take `new` of a function for a call of it', () => {
    // kills stream-openers.ts:129 "parent?.type === 'CallExpression'" -> 'true'
    expect(openersOf(parser, 'function open() {\n  new EventSource("/a");\n}\nnew open();').callSites).toEqual([]);
  });

  it('does not take a read that only copies a function for a call site', () => {
    // kills stream-openers.ts:135 the whole argument test -> 'true'; stream-openers.ts:285 'isPassedAsArgument(identifier)' -> 'true'
    expect(openersOf(parser, 'function open() {\n  new EventSource("/a");\n}\nconst alias = open;').callSites).toEqual([]);
  });

  it('takes a function handed to a constructor for a call site', () => {
    // kills stream-openers.ts:135 "parent?.type === 'NewExpression'" -> 'false', "'NewExpression'" -> '""'
    expect(openersOf(parser, 'function open() {\n  new EventSource("/a");\n}\nnew Pool(open);').callSites).toEqual([
      'open -> open',
    ]);
  });

  it('counts only `new Row()` as a construction site, not a call, an argument or a copy', () => {
    // kills stream-openers.ts:141 the whole construction test -> 'true', "parent?.type === 'NewExpression'" -> 'true',
    // '&&' -> '||', 'parent.callee === node' -> 'true'
    const code = 'class Row {\n  es = new EventSource("/a");\n}\nRow();\nnew Pool(Row);\nconst Alias = Row;\nnew Row();';
    expect(openersOf(parser, code).constructions).toEqual(['new Row() -> Row']);
  });

  it('follows a function through the `debounce()` whose result a const holds', () => {
    // kills stream-openers.ts:159 the whole wrapper test -> 'false', "'CallExpression'" -> '""',
    // 'node.parent.arguments[0] === node' -> '!=='
    expect(openersOf(parser, 'const open = debounce(() => new EventSource("/a"), 100);\nopen();')).toEqual({
      functions: ['function@1:22: "/a" via []'],
      classes: [],
      callSites: ['open() -> function@1:22'],
      constructions: [],
    });
  });

  it('does not follow a class through a call that takes it as its second argument', () => {
    // kills stream-openers.ts:159 'node.parent.arguments[0] === node' -> 'true'
    expect(openersOf(parser, 'const Row = mixin(Base, class {\n  es = new EventSource("/a");\n});\nnew Row();')).toEqual({
      functions: [],
      classes: ['class@1:24: "/a" via []'],
      callSites: [],
      constructions: [],
    });
  });

  it('binds no name to a class written as the initialiser of a `for` loop', () => {
    // kills stream-openers.ts:163 "parent?.type === 'VariableDeclarator'" -> 'true', its '&&' -> '||' (both read `id` of the loop)
    expect(openersOf(parser, 'for (class {\n  es = new EventSource("/a");\n}; ; ) break;')).toEqual({
      functions: [],
      classes: ['class@1:5: "/a" via []'],
      callSites: [],
      constructions: [],
    });
  });

  it('follows `this.#open()` to a private method', () => {
    // kills stream-openers.ts:190 "parent.key.type === 'PrivateIdentifier'" -> 'false', -> '!==', "'PrivateIdentifier'" -> '""'
    const code = 'class Feed {\n  #open() {\n    new EventSource("/a");\n  }\n  start() {\n    this.#open();\n  }\n}';
    expect(openersOf(parser, code)).toEqual({
      functions: ['#open: "/a" via []', 'start: "/a" via [#open]'],
      classes: [],
      callSites: ['this.#open() -> #open'],
      constructions: [],
    });
  });

  it('does not take a call of the same name on another object for a member call', () => {
    // kills stream-openers.ts:211 "node.callee.object.type === 'ThisExpression'" -> 'true'
    const code = 'class Feed {\n  open() {\n    new EventSource("/a");\n  }\n  relay(other) {\n    other.open();\n  }\n}';
    expect(openersOf(parser, code).callSites).toEqual([]);
  });

  it('does not take `this.open()` for a call of the private `#open`', () => {
    // kills stream-openers.ts:213 'node.callee.property.type === key.type' -> 'true'
    const code = 'class Feed {\n  #open() {\n    new EventSource("/a");\n  }\n  relay() {\n    this.open();\n  }\n}';
    expect(openersOf(parser, code).callSites).toEqual([]);
  });

  it('looks for `this.open()` in the methods and arrows of the class, not in nested classes or functions', () => {
    // kills stream-openers.ts:224 the skip test -> 'false', "childNode.type === 'ClassBody'" -> 'false', '||' -> '&&',
    // "'ClassBody'" -> '""', "childNode.type === 'FunctionDeclaration'" -> 'false', "'FunctionDeclaration'" -> '""';
    // stream-openers.ts:225 the function-expression test -> 'false', "'FunctionExpression'" -> '""'
    const code = [
      'class Feed {',
      '  open() {',
      '    new EventSource("/a");',
      '  }',
      '  start() {',
      '    class Inner { go() { this.open(); } }',
      '    function helper() { this.open(); }',
      '    const bound = function () { this.open(); };',
      '    const arrow = () => this.open();',
      '    return [Inner, helper, bound, arrow];',
      '  }',
      '}',
    ].join('\n');
    expect(openersOf(parser, code).callSites).toEqual(['this.open() -> open']);
  });

  it('computes the openers once per list of openings', () => {
    // kills stream-openers.ts:309 '!openers' -> 'true'
    const same = analyse(parser, 'const es = new EventSource("/a");', (sourceCode) => {
      const openings = getStreamOpenings(sourceCode);
      return getStreamOpeners(sourceCode, openings) === getStreamOpeners(sourceCode, openings);
    });
    expect(same).toBe(true);
  });

  it('passes over a value that is not a node when the visitor keys name one, looking for `this.open()`', () => {
    const code = 'class Feed {\n  open() {\n    new EventSource("/a");\n  }\n  start() {\n    this.open();\n  }\n}';
    const found = analyse(parser, code, (sourceCode) => {
      // `Identifier.name` is a string, not a node.
      const visitorKeys = { ...sourceCode.visitorKeys, Identifier: ['name'] };
      const custom = new ESLintSourceCode({
        text: sourceCode.text,
        ast: sourceCode.ast as never,
        scopeManager: sourceCode.scopeManager as never,
        visitorKeys,
      }) as unknown as typeof sourceCode;
      const openers = getStreamOpeners(custom, getStreamOpenings(sourceCode));
      return openers.callSites.map((site) => `${sourceCode.getText(site.node)} -> ${fnLabel(site.target.fn)}`);
    });
    // kills stream-openers.ts:222 "typeof child !== 'object'" -> 'false'
    expect(found).toEqual(['this.open() -> open']);
  });

  it('finds no call sites, and does not fail, when the source code has no scope manager', () => {
    // kills stream-openers.ts:257 '[]' -> '["Stryker was here"]'
    const found = analyse(parser, 'function open() {\n  new EventSource("/a");\n}\nopen();', (sourceCode) => {
      const bare = new ESLintSourceCode({ text: sourceCode.text, ast: sourceCode.ast as never }) as unknown as typeof sourceCode;
      const openers = getStreamOpeners(bare, getStreamOpenings(sourceCode));
      return { functions: [...openers.byFunction.keys()].map(fnLabel), callSites: openers.callSites.length };
    });
    expect(found).toEqual({ functions: ['open'], callSites: 0 });
  });
});
