/**
 * Pins how `access-paths.ts` names the values code reaches from more than one place, case by
 * case, so that the mutants StrykerJS left alive in `src/analysis/reconnect/access-paths.ts` fail
 * a test (issue 17): the wrappers `unwrapExpression` sees through, the property names
 * `staticPropertyName` knows, the class `classBodyOfThis` places a `this` in, the paths
 * `accessPathOf` builds, `samePath`, `memberOf`, and the `this.name` occurrences of a class.
 *
 * In each case the argument of the first `check(…)` call is the expression asked about; a path is
 * shown as its root (a variable's name, or `class <Name>`) and its properties.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import {
  type AccessPath,
  accessPathOf,
  classBodyOfThis,
  memberOf,
  pathOccurrences,
  samePath,
  staticPropertyName,
} from '../../src/analysis/reconnect/access-paths.js';
import { analyse, find, parsers, type SourceCode } from './probe.js';

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

function checked(sourceCode: SourceCode): TSESTree.Node {
  return find(sourceCode.ast, isCheck).arguments[0]!;
}

function className(classBody: TSESTree.ClassBody): string {
  const owner = classBody.parent;
  return `class ${owner.type === 'ClassDeclaration' || owner.type === 'ClassExpression' ? owner.id?.name : '?'}`;
}

interface PathSeen {
  root: string;
  properties: readonly (string | null)[];
}

function describePath(path: AccessPath | null): PathSeen | null {
  if (!path) return null;
  return { root: 'type' in path.root ? className(path.root) : path.root.name, properties: path.properties };
}

function pathOf(code: string, parser: unknown = tsParser): PathSeen | null {
  return analyse(parser, code, (sourceCode) => describePath(accessPathOf(sourceCode, checked(sourceCode))));
}

function nameOf(code: string, parser: unknown = tsParser): string | null | undefined {
  return analyse(parser, code, (sourceCode) => staticPropertyName(checked(sourceCode) as TSESTree.MemberExpression));
}

/** The class `classBodyOfThis` places the first `this` of the code in. */
function classOfThis(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => {
    const classBody = classBodyOfThis(find(sourceCode.ast, (node): node is TSESTree.ThisExpression => node.type === 'ThisExpression'));
    return classBody && className(classBody);
  });
}

const ES_ONERROR: PathSeen = { root: 'es', properties: ['onerror'] };

describe('unwrapExpression (through accessPathOf)', () => {
  it('sees through `x!`, `x satisfies T` and an optional chain', () => {
    // kills access-paths.ts:22 "current.type === 'TSNonNullExpression'" -> 'false' and "'TSNonNullExpression'" -> "",
    // :24 "current.type === 'TSSatisfiesExpression'" -> 'false' and "'TSSatisfiesExpression'" -> ""
    expect(pathOf('let es; check(es!.onerror);')).toEqual(ES_ONERROR);
    expect(pathOf('let es; check((es satisfies object).onerror);')).toEqual(ES_ONERROR);
  });

  it.each(parsers)('sees through an optional chain (%s)', (_name, parser) => {
    // kills access-paths.ts:26 "current.type === 'ChainExpression'" -> 'false' and "'ChainExpression'" -> ""
    expect(pathOf('let es; check(es?.onerror);', parser)).toEqual(ES_ONERROR);
  });

  it('sees through `<T>x` in a `.ts` file', () => {
    // kills access-paths.ts:25 "current.type === 'TSTypeAssertion'" -> 'false' and "'TSTypeAssertion'" -> ""
    const path = analyse(
      tsParser,
      'let es; check((<EventSource>es).onerror);',
      (sourceCode) => describePath(accessPathOf(sourceCode, checked(sourceCode))),
      { name: 'file.ts', jsx: false },
    );
    expect(path).toEqual(ES_ONERROR);
  });
});

describe('staticPropertyName', () => {
  it.each(parsers)('names `a.b`, `a["b"]`, a template without expressions and `this.#b` (%s)', (_name, parser) => {
    // kills access-paths.ts:41 "property.type === 'TemplateLiteral' && …" -> 'false' and "'TemplateLiteral'" -> ""
    expect(nameOf('check(a.b);', parser)).toBe('b');
    expect(nameOf("check(a['b']);", parser)).toBe('b');
    expect(nameOf('check(a[`b`]);', parser)).toBe('b');
    expect(nameOf('class A { #b = 1; m() { check(this.#b); } }', parser)).toBe('#b');
  });

  it.each(parsers)('does not name a computed key read from a variable (%s)', (_name, parser) => {
    // kills access-paths.ts:40 "property.type === 'Literal' && typeof property.value === 'string'" -> 'true' (undefined, not null)
    expect(nameOf('check(a[key]);', parser)).toBeNull();
  });

  it.each(parsers)('does not name a numeric index (%s)', (_name, parser) => {
    // kills access-paths.ts:40 '… && typeof property.value === "string"' -> '||' and "typeof property.value === 'string'" -> 'true'
    expect(nameOf('check(a[0]);', parser)).toBeNull();
  });

  it.each(parsers)('does not name a template with expressions (%s)', (_name, parser) => {
    // kills access-paths.ts:41 'property.expressions.length === 0' -> 'true' and -> '!=='
    expect(nameOf('check(a[`b${c}`]);', parser)).toBeNull();
  });
});

describe('classBodyOfThis', () => {
  it.each(parsers)('places `this` in an instance method and an instance field (%s)', (_name, parser) => {
    expect(classOfThis('class Feed { m() { return this.es; } }', parser)).toBe('class Feed');
    expect(classOfThis('class Feed { es = this.open(); }', parser)).toBe('class Feed');
  });

  it.each(parsers)('does not place `this` in a function declared inside a method (%s)', (_name, parser) => {
    // kills access-paths.ts:55 "'FunctionDeclaration'" -> "" (the walk goes on to the method)
    expect(classOfThis('class Feed { m() { function inner() { return this.es; } return inner; } }', parser)).toBeNull();
  });

  it.each(parsers)('does not place `this` in a function that is the computed key of a method (%s)', (_name, parser) => {
    // kills access-paths.ts:57 'method.value === current' -> 'true'
    expect(classOfThis('class Feed { [function () { return this; }]() {} }', parser)).toBeNull();
  });

  it('places `this` in the value of an `accessor` field', () => {
    // kills access-paths.ts:61 "'AccessorProperty'" -> ""
    expect(classOfThis('class Feed { accessor es = this.open(); }')).toBe('class Feed');
  });

  it.each(parsers)('does not place `this` in a static field or a computed field key (%s)', (_name, parser) => {
    // kills access-paths.ts:62 '!current.static && current.value === child' -> 'true' and -> '||', 'current.value === child' -> 'true'
    expect(classOfThis('class Feed { static es = this.open(); }', parser)).toBeNull();
    expect(classOfThis('class Feed { [this.key] = 1; }', parser)).toBeNull();
  });

  it.each(parsers)('does not place `this` of a static block in the method around its class (%s)', (_name, parser) => {
    // kills access-paths.ts:63 "case 'StaticBlock': return null" -> "case 'StaticBlock':" and "'StaticBlock'" -> ""
    expect(classOfThis('class Outer { m() { class Inner { static { this.es = 1; } } return Inner; } }', parser)).toBeNull();
  });
});

describe('accessPathOf', () => {
  it.each(parsers)('has no path through a computed key read from a variable (%s)', (_name, parser) => {
    // kills access-paths.ts:92 'name === null' -> 'false'
    expect(pathOf('let streams; check(streams[key].onerror);', parser)).toBeNull();
  });

  it.each(parsers)('has no path from a call, even inside a method (%s)', (_name, parser) => {
    // kills access-paths.ts:100 "node.type === 'ThisExpression' && properties.length > 0" -> 'true' and -> '||',
    // "node.type === 'ThisExpression'" -> 'true'
    expect(pathOf('class Feed { m() { check(open().es); } }', parser)).toBeNull();
    expect(pathOf('class Feed { m() { check(this.es); } }', parser)).toEqual({ root: 'class Feed', properties: ['es'] });
  });

  it.each(parsers)('has no path for a bare `this` (%s)', (_name, parser) => {
    // kills access-paths.ts:100 'properties.length > 0' -> 'true' and -> '>='
    expect(pathOf('class Feed { m() { check(this); } }', parser)).toBeNull();
  });
});

describe('samePath', () => {
  function compare(first: string, second: string): boolean {
    return analyse(tsParser, `let es; check(${first}, ${second});`, (sourceCode) => {
      const [a, b] = find(sourceCode.ast, isCheck).arguments.map((argument) => accessPathOf(sourceCode, argument)!);
      return samePath(a!, b!);
    });
  }

  it('tells paths apart by their length and by each property', () => {
    // kills access-paths.ts:112 'a.properties.length === b.properties.length' -> 'true' and 'p === b.properties[i]' -> 'true'
    expect(compare('es', 'es.onerror')).toBe(false);
    expect(compare('es.onerror', 'es.onmessage')).toBe(false);
    expect(compare('es.onerror', 'es?.onerror')).toBe(true);
  });
});

describe('memberOf', () => {
  /** What `memberOf` gives for the identifier `es` inside `check(…)`: the text of the member, or null. */
  function memberAround(code: string, parser: unknown): string | null {
    return analyse(parser, code, (sourceCode) => {
      const es = find(checked(sourceCode), (node): node is TSESTree.Identifier => node.type === 'Identifier' && node.name === 'es');
      const member = memberOf(es);
      return member && sourceCode.getText(member);
    });
  }

  it.each(parsers)('gives the member that reads a property of the node only (%s)', (_name, parser) => {
    // kills access-paths.ts:119 "parent?.type !== 'MemberExpression' || parent.object !== outer" -> '&&' and 'parent.object !== outer' -> 'false'
    expect(memberAround('let es; check(es.onerror);', parser)).toBe('es.onerror');
    expect(memberAround('let es; check(close(es));', parser)).toBeNull();
    expect(memberAround('let es; check(streams[es]);', parser)).toBeNull();
  });

  it('gives no member for the root of the tree', () => {
    // kills access-paths.ts:119 'parent?.type' -> 'parent.type' (the program has no parent)
    expect(analyse(tsParser, 'check(es);', (sourceCode) => memberOf(sourceCode.ast))).toBeNull();
  });

  it('gives no member for the object of a `with` statement', () => {
    // kills access-paths.ts:119 "parent?.type !== 'MemberExpression'" -> 'false' (a `with` has an `object` too)
    const member = analyse(
      espree,
      'var es; function check() {} with (es) { check(); }',
      (sourceCode) => memberOf(find(sourceCode.ast, (node): node is TSESTree.WithStatement => node.type === 'WithStatement').object),
      { name: 'script.js', sourceType: 'script', jsx: false },
    );
    expect(member).toBeNull();
  });
});

describe('pathOccurrences of a class path', () => {
  it.each(parsers)('finds `this.es` of the class only (%s)', (_name, parser) => {
    // kills access-paths.ts:141 "node.object.type !== 'ThisExpression'" -> 'false',
    // :143 "name === null || classBodyOfThis(node.object) !== classBody" -> 'false' and -> '&&', 'classBodyOfThis(…) !== classBody' -> 'false'
    const code = `class Feed {
  es = null;
  open() { this.es = create(); }
  copy(other) { other.es = null; }
  later() { return function () { return this.es; }; }
  close() { this.es.close(); }
}`;
    const lines = analyse(parser, code, (sourceCode) => {
      const classBody = find(sourceCode.ast, (node): node is TSESTree.ClassBody => node.type === 'ClassBody');
      return pathOccurrences(sourceCode, { root: classBody, properties: ['es'] }).map((node) => `${node.loc.start.line}:${sourceCode.getText(node)}`);
    });
    expect(lines).toEqual(['3:this.es', '6:this.es']);
  });
});
