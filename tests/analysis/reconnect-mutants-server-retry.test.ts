/**
 * Pins how server code's reconnection time is read, case by case, so that the mutants StrykerJS
 * left alive in `src/analysis/reconnect/server-retry-options.ts` and `retry-field.ts` are killed
 * (issue 17): the `retry` options of better-sse and of Hono's `writeSSE`, which server libraries
 * a file imports, and the text a `retry:` field is written as (`staticText`), with `\0` standing
 * for each part the file does not fix.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { outermostConcatenation, retryFieldValues, staticText } from '../../src/analysis/reconnect/retry-field.js';
import { betterSseRetries, honoWriteSseRetry, serverImports } from '../../src/analysis/reconnect/server-retry-options.js';
import { analyse, find, parsers } from './probe.js';

function isCheck(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'check';
}

/** What `inspect` gives for the argument of the first `check(…)`, the same under both parsers. */
function atCheck<T>(code: string, inspect: (sourceCode: Parameters<Parameters<typeof analyse>[2]>[0], argument: TSESTree.Node) => T): T {
  const [first, second] = parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) => inspect(sourceCode, find(sourceCode.ast, isCheck).arguments[0]!)),
  );
  expect(second).toEqual(first);
  return first!;
}

function importsOf(code: string): { betterSse: boolean; hono: boolean } {
  return atCheck(`${code}\ncheck();`, (sourceCode) => serverImports(sourceCode.ast));
}

/** The `retry` of the `writeSSE`-like call in `check(…)`, or null. */
function honoRetry(code: string): number | null {
  return atCheck(code, (sourceCode, call) => {
    if (call.type !== 'CallExpression') throw new Error('check() takes a call');
    return honoWriteSseRetry(sourceCode, call)?.value ?? null;
  });
}

/** Every better-sse `retry` of the file, in order (`null` for an entry that is no option). */
function betterSse(code: string): (number | null | undefined)[] {
  return atCheck(`import { createSession, createResponse, Session } from 'better-sse';\n${code}\ncheck();`, (sourceCode) =>
    betterSseRetries(sourceCode).map((option) => (option === null ? null : option.value)),
  );
}

function textOf(code: string): string {
  return atCheck(code, (sourceCode, argument) => staticText(sourceCode, argument));
}

describe('serverImports', () => {
  it('finds neither library in a file that imports others', () => {
    // kills server-retry-options.ts:28 'let betterSse = false' -> true, :34 the hono test -> true,
    // "module === 'hono'" -> '!==', "'hono/'" -> ""
    expect(importsOf("import React from 'react';\nimport { honorific } from './honorific';")).toEqual({ betterSse: false, hono: false });
  });

  it('finds Hono by its package name and by its subpaths', () => {
    // kills server-retry-options.ts:34 "module === 'hono'" -> false, "'hono'" -> ""
    expect(importsOf("import { Hono } from 'hono';")).toEqual({ betterSse: false, hono: true });
    expect(importsOf("import { streamSSE } from 'hono/streaming';")).toEqual({ betterSse: false, hono: true });
    expect(importsOf("import { createSession } from 'better-sse';")).toEqual({ betterSse: true, hono: false });
  });
});

describe('honoWriteSseRetry', () => {
  it('reads the `retry` of a `writeSSE` message', () => {
    expect(honoRetry("check(stream.writeSSE({ data: 'x', retry: 500 }));")).toBe(500);
    expect(honoRetry("check(stream.writeSSE({ data: 'x', retry: 0 }));")).toBeNull();
  });

  it('ignores a method of another name', () => {
    // kills server-retry-options.ts:45 the whole test -> false, '||' -> '&&', "staticPropertyName(callee) !== 'writeSSE'" -> false
    expect(honoRetry("check(stream.write({ data: 'x', retry: 500 }));")).toBeNull();
  });

  it('ignores a plain function called `writeSSE`', () => {
    // kills server-retry-options.ts:45 "callee.type !== 'MemberExpression'" -> false (asks a name for its property)
    expect(honoRetry("check(writeSSE({ data: 'x', retry: 500 }));")).toBeNull();
  });
});

describe('betterSseRetries', () => {
  it('starts from no options', () => {
    // kills server-retry-options.ts:65 '[]' -> '["Stryker was here"]'
    expect(betterSse('')).toEqual([]);
  });

  it('reads `retry` given to a factory or to `new Session`', () => {
    // kills server-retry-options.ts:67 "node.type !== 'NewExpression'" -> true, '!==' -> '===', "'NewExpression'" -> ""
    expect(betterSse('createSession(req, res, { retry: 500 });\nnew Session(req, res, { retry: 250 });')).toEqual([500, 250]);
  });

  it('skips arguments that give no `retry`', () => {
    // kills server-retry-options.ts:21 "option.kind !== 'found'" -> false (reads an option that is absent), :71 'option' -> true
    expect(betterSse('createSession(req, res, {});')).toEqual([]);
  });

  it('skips a `retry` that the file does not fix', () => {
    // kills server-retry-options.ts:22 'getStaticValue(…)?.value' -> 'getStaticValue(…).value'
    expect(betterSse('createSession(req, res, { retry: delay });')).toEqual([]);
  });

  it('skips a `retry` that is no finite number', () => {
    // kills server-retry-options.ts:23 "typeof value === 'number' && Number.isFinite(value)" -> '||'
    expect(betterSse('createSession(req, res, { retry: Infinity });')).toEqual([]);
    expect(betterSse("createSession(req, res, { retry: '500' });")).toEqual([]);
  });
});

describe('outermostConcatenation', () => {
  it('stops at the root of the tree', () => {
    // kills retry-field.ts:22 'node?.type' -> 'node.type' (the root has no parent)
    for (const [, parser] of parsers) {
      expect(analyse(parser, 'check();', (sourceCode) => outermostConcatenation(sourceCode.ast) === sourceCode.ast)).toBe(true);
    }
  });

  it('climbs every `+` but no other operator', () => {
    const outer = atCheck("check(1 * ('retry: ' + 500 + '\\n'));", (sourceCode, argument) => {
      const literal = find(argument, (node) => node.type === 'Literal' && node.value === 500);
      return sourceCode.getText(outermostConcatenation(literal));
    });
    expect(outer).toBe("'retry: ' + 500 + '\\n'");
  });
});

describe('staticText', () => {
  it('works out a `+` of numbers as a sum, as the client would see it', () => {
    // kills retry-field.ts:53 '!values.has(node.left) || !values.has(node.right)' -> false,
    // :59 'left && right' -> false, '{ value: … }' -> '{}'
    expect(textOf("check('retry: ' + (1 + 2) + '\\n');")).toBe('retry: 3\n');
  });

  it('takes only `+` for a concatenation', () => {
    // kills retry-field.ts:22 "node?.type === 'BinaryExpression' && node.operator === '+'" -> '||', "node.operator === '+'" -> true
    expect(textOf("check('retry: ' + 2 * 3);")).toBe('retry: 6');
    // kills retry-field.ts:22 "node?.type === 'BinaryExpression'" -> true (a unary `+` has no sides)
    expect(textOf("const n = 5;\ncheck('retry: ' + +n);")).toBe('retry: 5');
  });

  it('writes the pieces of a `+` it cannot fix, each in its place', () => {
    // kills retry-field.ts:85 'isConcatenation(node)' -> false and its block -> {}, :93 the else block -> {}, :94 '+=' -> '-='
    expect(textOf("check('retry: ' + delay + '\\n');")).toBe('retry: \u0000\n');
  });

  it('writes the text and the expressions of a template it cannot fix, in order', () => {
    // kills retry-field.ts:76 "typeof piece === 'string'" -> false, "'string'" -> "", its block -> {},
    // :87 "node.type === 'TemplateLiteral'" -> false, '!==', "'TemplateLiteral'" -> "", its block -> {},
    // :88 'index >= 0' -> false, '>', '<', the loop body -> {}, :90 'embedded' -> false, :91 '?? UNKNOWN' -> '&& UNKNOWN'
    expect(textOf('check(`retry: ${delay}\\n\\n`);')).toBe('retry: \u0000\n\n');
  });

  it('writes known strings and numbers inside a template, and nothing else it knows', () => {
    // kills retry-field.ts:83 "typeof … === 'string' || typeof … === 'number'" -> true, "typeof known.value === 'number'" -> false,
    // '===' -> '!==', "'number'" -> ""
    expect(textOf("check(`${delay}|${true}|${500}|${'x'}`);")).toBe('\u0000|\u0000|500|x');
  });

  it('reads the fields of what it wrote', () => {
    expect(retryFieldValues(textOf("check('data: x\\n' + `retry: ${250 * 2}\\n` + delay);"))).toEqual([500]);
  });
});
