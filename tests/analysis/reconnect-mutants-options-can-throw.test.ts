/**
 * Pins what `canThrow` (`can-throw.ts`) takes for a function that can throw (issue 17, the
 * mutants StrykerJS left alive there): its own `throw`, not one of a function it only defines;
 * a call of a local function that can, with recursion cut; a call by name of code from
 * elsewhere, not of a global; `this.method()`, but no other method call and no call of a
 * call's result.
 *
 * Each case asks about `function handler` of the code, under both parsers.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { canThrow } from '../../src/analysis/reconnect/can-throw.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { analyse, find, parsers } from './probe.js';

function isHandler(node: TSESTree.Node): boolean {
  if (node.type === 'FunctionDeclaration') return node.id?.name === 'handler';
  return node.type === 'MethodDefinition' && node.key.type === 'Identifier' && node.key.name === 'handler';
}

function handlerThrows(code: string): boolean[] {
  return parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) => {
      const found = find(sourceCode.ast, isHandler);
      const fn = found.type === 'MethodDefinition' ? found.value : found;
      if (!isFunctionNode(fn)) throw new Error('no handler');
      return canThrow(sourceCode, fn);
    }),
  );
}

const YES = [true, true];
const NO = [false, false];

describe('canThrow', () => {
  it('cuts recursion between local functions that never throw', () => {
    // kills can-throw.ts:21 'seen.has(local)' -> 'false' (endless recursion) and 'return false' -> 'return true'
    expect(handlerThrows('function handler(e) { retry(e); }\nfunction retry(e) { log(e); handler(e); }')).toEqual(NO);
    expect(handlerThrows('function handler(e) { handler(e); }')).toEqual(NO);
  });

  it('still finds a throw behind a recursive call', () => {
    expect(handlerThrows('function handler(e) { retry(e); }\nfunction retry(e) { handler(e); throw e; }')).toEqual(YES);
  });

  it('takes `this.method()` for a call that may throw, and no other method call', () => {
    // kills can-throw.ts:26 "callee.type === 'Identifier'" -> 'true', :32 the whole return -> 'false',
    // "callee.type === 'MemberExpression'" -> '!==', "'MemberExpression'" -> '""', "'ThisExpression'" -> '""'
    expect(handlerThrows('class Client { handler(e) { this.fail(e); } }')).toEqual(YES);
    expect(handlerThrows('class Client { handler(e) { console.error(e); } }')).toEqual(NO);
  });

  it('does not take the call of a call\'s result for a method call on `this`', () => {
    // kills can-throw.ts:32 "callee.type === 'MemberExpression'" -> 'true' (a call has no `object`)
    expect(handlerThrows('function handler(e) { pick()(e); }')).toEqual(NO);
    expect(handlerThrows('function handler(e) { (a ?? b)(e); }')).toEqual(NO);
  });

  it('takes a global for code that does not throw, a name from elsewhere for code that may', () => {
    // kills can-throw.ts:29 'variable !== null && variable.defs.length > 0' -> 'true',
    // 'variable.defs.length > 0' -> 'true' and -> '>= 0'
    expect(handlerThrows('function handler(e) { report(e); }')).toEqual(NO);
    expect(handlerThrows('/* global report */\nfunction handler(e) { report(e); }')).toEqual(NO);
    expect(handlerThrows("import { report } from './report.js';\nfunction handler(e) { report(e); }")).toEqual(YES);
  });

  it('does not look into functions the handler only defines', () => {
    // kills can-throw.ts:42 'found || isFunctionNode(node)' -> 'false' and -> '&&', 'return false' -> 'return true'
    expect(handlerThrows('function handler(e) { items.forEach(() => { throw e; }); }')).toEqual(NO);
    expect(handlerThrows('function handler(e) { button.onclick = function () { throw e; }; }')).toEqual(NO);
  });

  it('stops at the first throw', () => {
    // kills can-throw.ts:42 'return false' -> 'return true' (a later call would overwrite the finding)
    expect(handlerThrows('function handler(e) { if (e.fatal) throw e; log(e); }')).toEqual(YES);
  });
});
