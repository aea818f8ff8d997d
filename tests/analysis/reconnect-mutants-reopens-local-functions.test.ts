/**
 * Pins which local function a value stands for and where a function is called
 * (`src/analysis/reconnect/local-functions.ts`), case by case, so that the mutants StrykerJS
 * left alive there fail a test (issue 17): the keys a class member is found by (names, string
 * keys, `#private`, never a computed name), which members count (instance methods and
 * function-valued fields, not getters, statics or overload signatures), which variables are
 * bound to one function, and which calls are calls of one.
 *
 * Results are given as source text, so a wrong function (or a wrong call) shows as a different string.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/analysis/functions.js';
import {
  callsOfFunction,
  classMemberFunction,
  functionOfVariable,
  resolveLocalFunction,
} from '../../src/analysis/reconnect/local-functions.js';
import { walkTree } from '../../src/analysis/reconnect/walk.js';
import { analyse, find, parsers } from './probe.js';

const [, espree] = parsers[1];

function isClassBody(node: TSESTree.Node): node is TSESTree.ClassBody {
  return node.type === 'ClassBody';
}

function isProbeCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe';
}

/** The member `name` of the first class of `code`, as source text, under the given parser. */
function memberOf(code: string, name: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => {
    const fn = classMemberFunction(find(sourceCode.ast, isClassBody), name);
    return fn ? sourceCode.getText(fn) : null;
  });
}

/** The local function that the argument of the first `probe(…)` call stands for, as source text. */
function resolved(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => {
    const fn = resolveLocalFunction(sourceCode, find(sourceCode.ast, isProbeCall).arguments[0]!);
    return fn ? sourceCode.getText(fn) : null;
  });
}

/** The function bound to the variable that the argument of the first `probe(…)` call reads. */
function boundTo(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => {
    const argument = find(sourceCode.ast, isProbeCall).arguments[0] as TSESTree.Identifier;
    const variable = sourceCode.getScope(argument).references.find((reference) => reference.identifier === argument)!.resolved!;
    const fn = functionOfVariable(variable);
    return fn ? sourceCode.getText(fn) : null;
  });
}

/** The calls of the `index`-th function of `code` (in source order), as source text. */
function callsOf(code: string, index = 0, parser: unknown = tsParser): string[] {
  return analyse(parser, code, (sourceCode) => {
    const functions: TSESTree.Node[] = [];
    walkTree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (isFunctionNode(node)) functions.push(node);
    });
    functions.sort((a, b) => a.range[0] - b.range[0]);
    const fn = functions[index];
    if (!fn || !isFunctionNode(fn)) throw new Error('no such function');
    return callsOfFunction(sourceCode, fn).map((call) => sourceCode.getText(call));
  });
}

describe('classMemberFunction: the keys a member is found by', () => {
  it('finds a method and an arrow field named by a string key', () => {
    // kills local-functions.ts:19 "key.type === 'Identifier' && !computed" -> 'true' and '||', "key.type === 'Identifier'" -> 'true',
    // :21 "key.type === 'Literal' && typeof key.value === 'string'" -> 'false', "key.type === 'Literal'" -> '!==', "'Literal'" -> '""',
    // "typeof key.value === 'string'" -> '!==', "'string'" -> '""', :20 "key.type === 'PrivateIdentifier'" -> 'true' and '!=='
    expect(memberOf("class A { 'connect'() { open(); } }", 'connect')).toBe("() { open(); }");
    expect(memberOf("class A { ['connect'] = () => open(); }", 'connect')).toBe('() => open()');
  });

  it('finds a `#private` method by its `#` name', () => {
    // kills local-functions.ts:20 "key.type === 'PrivateIdentifier'" -> 'false', "'PrivateIdentifier'" -> '""', '`#${key.name}`' -> '``'
    expect(memberOf('class A { #connect() { open(); } }', '#connect')).toBe('() { open(); }');
    expect(memberOf('class A { #connect() { open(); } }', 'connect')).toBeNull();
  });

  it('does not find a member by a computed name that happens to be the same identifier', () => {
    // kills local-functions.ts:19 "key.type === 'Identifier' && !computed" -> 'true' and '||'
    expect(memberOf('const connect = "other"; class A { [connect]() { open(); } }', 'connect')).toBeNull();
  });

  it('finds an instance arrow field, and no static one', () => {
    // kills local-functions.ts:28 "element.type === 'MethodDefinition' && element.kind === 'method' && !element.static" -> 'true',
    // "element.type === 'MethodDefinition' && element.kind === 'method'" -> 'true',
    // :33 the whole condition -> 'false', "'PropertyDefinition'" -> '""', "element.type === 'PropertyDefinition'" -> '!==',
    // '!element.static' -> 'element.static', the block -> '{}', :35 the whole condition -> 'false', the name comparison -> '!=='
    expect(memberOf('class A { connect = () => open(); }', 'connect')).toBe('() => open()');
    expect(memberOf('class A { static connect = () => open(); }', 'connect')).toBeNull();
  });

  it('does not take a static method', () => {
    // kills local-functions.ts:28 "… && element.kind === 'method' && !element.static" -> '… || !element.static',
    // :33 "element.type === 'PropertyDefinition' && !element.static" -> 'true'
    expect(memberOf('class A { static connect() { open(); } }', 'connect')).toBeNull();
  });

  it('does not take a getter or a setter', () => {
    // kills local-functions.ts:28 "element.type === 'MethodDefinition' || element.kind === 'method'", "element.kind === 'method'" -> 'true',
    // :33 "element.type === 'PropertyDefinition'" -> 'true' and '!==', "… && !element.static" -> 'true' and '||'
    expect(memberOf('class A { get connect() { return open; } }', 'connect')).toBeNull();
    expect(memberOf('class A { set connect(value) { open(value); } }', 'connect')).toBeNull();
  });

  it('takes the implementation of an overloaded method, not its signature', () => {
    // kills local-functions.ts:30 "element.value.type === 'FunctionExpression'" -> 'true'
    expect(memberOf('class A { connect(): void; connect(url?: string) { open(url); } }', 'connect')).toBe(
      '(url?: string) { open(url); }',
    );
  });

  it('does not take a field of another name, nor a field of this name that holds no function', () => {
    // kills local-functions.ts:35 "keyName(…) === name && isFunctionNode(value)" -> '||', "keyName(…) === name" -> 'true'
    expect(memberOf('class A { other = () => open(); }', 'connect')).toBeNull();
    expect(memberOf('class A { connect = 5; }', 'connect')).toBeNull();
  });
});

describe('functionOfVariable: the function a variable is bound to', () => {
  it('does not bind the name of a named function expression to it', () => {
    // kills local-functions.ts:49 "definition.node.type === 'FunctionDeclaration'" -> 'true'
    expect(boundTo('const f = function g() { probe(g); };')).toBeNull();
    expect(boundTo('function g() {} probe(g);')).toBe('function g() {}');
  });

  it('does not bind a destructured name to a function the initialiser wraps', () => {
    // kills local-functions.ts:50 "definition.type !== 'Variable' || definition.node.id.type !== 'Identifier'" -> 'false',
    // "definition.node.id.type !== 'Identifier'" -> 'false'
    expect(boundTo('const [connect] = wrap(() => open()); probe(connect);')).toBeNull();
    expect(boundTo('const { connect } = wrap(() => open()); probe(connect);', espree)).toBeNull();
  });

  it('binds a name to a function through the wrapper that takes it first', () => {
    // kills local-functions.ts:52 "init.type === 'CallExpression' && init.arguments[0]" -> 'false', "'CallExpression'" -> '""'
    expect(boundTo('const connect = useCallback(() => open(), []); probe(connect);')).toBe('() => open()');
    expect(boundTo('const connect = debounce(throttle(() => open(), 10), 500); probe(connect);')).toBe('() => open()');
  });
});

describe('resolveLocalFunction: what an expression stands for', () => {
  it('follows `.bind(…)` and nothing else called on a function', () => {
    // kills local-functions.ts:68 "staticPropertyName(callee) !== 'bind'" -> 'false'
    expect(resolved('function connect() {} probe(connect.bind(null));')).toBe('function connect() {}');
    expect(resolved('function connect() {} probe(connect.call(null));')).toBeNull();
  });

  it('resolves `this.name`, but not a member of another object inside the class', () => {
    // kills local-functions.ts:79 "object.type !== 'ThisExpression' || name === null" -> 'false' and '&&',
    // "object.type !== 'ThisExpression'" -> 'false'
    const code = (read: string) => `class A {
  connect() { open(); }
  retry(other) { probe(${read}); }
}`;
    expect(resolved(code('this.connect'))).toBe('() { open(); }');
    expect(resolved(code('other.connect'))).toBeNull();
  });

  it('does not resolve `this[key]` to a member with a computed name', () => {
    // kills local-functions.ts:79 'name === null' -> 'false'
    expect(resolved('class A { [k]() { open(); } retry(j) { probe(this[j]); } }')).toBeNull();
  });
});

describe('callsOfFunction: where a function is called by its name', () => {
  it('finds the calls of a function declaration, and only those of its own name', () => {
    // kills local-functions.ts:90 "v.name === fn.id!.name" -> 'true' (the declared variables of a declaration include its parameters)
    expect(callsOf('function connect(url) { url(); }\nconnect(1);\nconnect(2);')).toEqual(['connect(1)', 'connect(2)']);
    expect(callsOf('function connect(url) { url(); }\nconnect(1);', 0, espree)).toEqual(['connect(1)']);
  });

  it('finds the calls of an arrow bound to a `const`', () => {
    // kills local-functions.ts:89 "fn.type === 'FunctionDeclaration'" -> 'true', :98 the whole condition -> 'false',
    // "parent?.type === 'VariableDeclarator'" -> '!==', "'VariableDeclarator'" -> '""', 'parent.init === node' -> '!==',
    // "parent.id.type === 'Identifier'" -> '!==', "'Identifier'" -> '""', the block -> '{}',
    // :100 '(v) => v.name === name' -> '() => undefined', 'v.name === name' -> 'false' and '!==', :101 '[]' -> '["Stryker was here"]'
    expect(callsOf('const connect = () => open();\nconnect();\nconnect(1);')).toEqual(['connect()', 'connect(1)']);
  });

  it('finds the calls of a function wrapped by the call that takes it first', () => {
    // kills local-functions.ts:94 the whole condition -> 'false', "'CallExpression'" -> '""', 'node.parent.arguments[0] === node' -> '!=='
    expect(callsOf('const connect = useCallback(() => open(), []);\nconnect();')).toEqual(['connect()']);
  });

  it('finds no calls of a function that a call takes second, or calls at once', () => {
    // kills local-functions.ts:94 'node.parent.arguments[0] === node' -> 'true'
    expect(callsOf('const t = wrap(0, () => open());\nt();')).toEqual([]);
    expect(callsOf('const r = (() => open)();\nr();')).toEqual([]);
  });

  it('finds no calls of a function that is the initialiser of a `for`', () => {
    // kills local-functions.ts:98 "parent?.type === 'VariableDeclarator' && parent.init === node" -> '||',
    // "parent?.type === 'VariableDeclarator'" -> 'true' (a `for` has an `init` but no `id`)
    expect(callsOf('for (() => open(); false; ) ;', 0, espree)).toEqual([]);
  });

  it('finds the calls of an instance method and of an instance arrow field through `this`', () => {
    // kills local-functions.ts:103 the whole condition -> 'false', the '||' -> '&&', "parent?.type === 'MethodDefinition'" -> 'false',
    // "'MethodDefinition'" -> '""', "parent?.type === 'PropertyDefinition'" -> 'false', "'PropertyDefinition'" -> '""',
    // '!parent.static' -> 'parent.static', the block -> '{}', :105 the whole condition -> 'false', 'name !== null' -> '===',
    // "parent.parent.type === 'ClassBody'" -> '!==', "'ClassBody'" -> '""', the path -> '{}', '[name]' -> '[]'
    const code = `class A {
  connect() { open(); }
  handler = () => open();
  retry() { this.connect(); this.handler(); this.other(); }
}`;
    expect(callsOf(code, 0)).toEqual(['this.connect()']);
    expect(callsOf(code, 1)).toEqual(['this.handler()']);
  });

  it('finds no calls of a static method through `this` of an instance', () => {
    // kills local-functions.ts:103 '!parent.static' -> 'parent.static'
    expect(callsOf('class A { static connect() { open(); } retry() { this.connect(); } }')).toEqual([]);
  });

  it('finds no calls of a method with a computed name', () => {
    // kills local-functions.ts:105 "name !== null && parent.parent.type === 'ClassBody'" -> 'true' and '||', 'name !== null' -> 'true',
    // :21 "key.type === 'Literal' && typeof key.value === 'string'" -> 'true'
    expect(callsOf("class A { [k]() { open(); } retry() { this['']();  } }")).toEqual([]);
  });

  it('takes only calls of the function, not a reference handed to a call nor a `new`', () => {
    // kills local-functions.ts:117 "outer.parent?.type === 'CallExpression' && outer.parent.callee === outer" -> '||',
    // "outer.parent?.type === 'CallExpression'" -> 'true', 'outer.parent.callee === outer' -> 'true'
    expect(callsOf('function Connect() {}\nsetTimeout(Connect, 10);\nnew Connect();\nConnect();')).toEqual(['Connect()']);
  });
});
