/**
 * Pins `passedFunctionValue` of `src/analysis/functions.ts` (issue 17; b835292 added it after the
 * scope's previous mutation run): what code hands on when it passes a function by reference is
 * the reference, or the call `ref.bind(…)` of it, and nothing else: not `ref.call(…)` (which runs
 * it), not a private method `ref.#bind(…)`, not `ref.bind` uncalled or handed on itself, not the object of a `with` statement, and
 * through a TypeScript `<T>` assertion around the reference.
 *
 * Each case asks about the identifier `here`; the answer is the source text of the node returned.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { passedFunctionValue } from '../../src/analysis/functions.js';
import { type ProbeFile, TS_FILE, analyse, find, isMarked, parsers } from './probe.js';

/** The text of what `code` hands on when it passes `here`. */
function passed(code: string, parser: unknown = tsParser, file: ProbeFile = {}): string {
  return analyse(parser, code, (sourceCode) => sourceCode.getText(passedFunctionValue(find(sourceCode.ast, isMarked))), file);
}

describe.each(parsers)('passedFunctionValue (%s)', (_name, parser) => {
  it('takes `here.bind(…)` for the function it passes, and the reference itself otherwise', () => {
    expect(passed('setTimeout(here.bind(this), 1000);', parser)).toBe('here.bind(this)');
    expect(passed('ids.forEach(here);', parser)).toBe('here');
  });

  it('takes a member call other than `bind` for no passing of the function: `call` runs it', () => {
    // kills functions.ts:57 the whole test -> false, || -> &&, "member.property.name !== 'bind'" -> false
    expect(passed('ids.forEach(here.call(null, 1));', parser)).toBe('here');
    expect(passed('ids.forEach(here.apply(null, [1]));', parser)).toBe('here');
    // kills functions.ts:57 "member.property.type !== 'Identifier'" -> false (a private `#bind` is named 'bind' too)
    expect(passed('class Feed {\n  #bind() { return () => {}; }\n  start() { setTimeout(here.#bind(this), 1000); }\n}', parser)).toBe('here');
  });

  it('takes `bind` that is not called, or is handed on itself, for no bound function', () => {
    // kills functions.ts:59 "call?.type === 'CallExpression'" -> true (a declarator has no callee)
    expect(passed('const bind = here.bind;', parser)).toBe('here');
    // kills functions.ts:59 the whole test -> true, && -> ||, "skipTransparentParents(call.callee) === …" -> true
    expect(passed('ids.forEach(here.bind);', parser)).toBe('here');
  });

  it('takes the object of a `with` statement for no member of it', () => {
    // kills functions.ts:56 "member?.type !== 'MemberExpression'" -> false, || -> && (a with statement
    // has an `object` but no `property`)
    expect(passed('with (here) { start(); }', parser, { sourceType: 'script' })).toBe('here');
  });
});

describe('passedFunctionValue through a TypeScript type assertion', () => {
  it('looks through `<T>here` to the `bind` call around it', () => {
    // kills functions.ts:41 'TSTypeAssertion' -> ""
    expect(passed('setTimeout((<Handler>here).bind(this), 1000);', tsParser, TS_FILE)).toBe('(<Handler>here).bind(this)');
  });
});
