/**
 * Pins which invocations `global-calls.ts` takes for calls and `new`s of a global (issue 17, the
 * mutants StrykerJS left alive there): only where the global is the callee, names declared by
 * a `/* global *\/` comment as much as undeclared ones but not the file's own, each kind on its
 * own, in source order; and no globals at all for a source code without a scope manager.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { globalConstructions, globalFunctionCalls } from '../../src/analysis/reconnect/global-calls.js';
import { analyse, parsers } from './probe.js';

/** The source text of the calls (or `new`s) of the global `name`, under both parsers. */
function invocations(code: string, name: string, kind: 'call' | 'new' = 'call'): string[][] {
  return parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) =>
      (kind === 'call' ? globalFunctionCalls(sourceCode, name) : globalConstructions(sourceCode, name)).map((node) =>
        sourceCode.getText(node),
      ),
    ),
  );
}

const both = (texts: string[]) => [texts, texts];

/**
 * The calls of the global `name` in `code` linted as a script (a `<script>` tag's code), where
 * the file's own top-level declarations live in the global scope.
 */
function scriptCalls(code: string, name: string): string[] {
  return analyse(espree, code, (sourceCode) => globalFunctionCalls(sourceCode, name).map((node) => sourceCode.getText(node)), {
    name: 'script.js',
    sourceType: 'script',
    jsx: false,
  });
}

describe('globalFunctionCalls and globalConstructions', () => {
  it('takes the global as callee only, not handed to a call as an argument', () => {
    // kills global-calls.ts:44 '(…) && parent.callee === outer' -> 'true' and -> '… || parent.callee === outer',
    // 'parent.callee === outer' -> 'true'
    expect(invocations('run(setInterval);\nrun(window.setInterval);\nconst later = setInterval;', 'setInterval')).toEqual(both([]));
  });

  it('lists the invocations in source order, bare and through a global object mixed', () => {
    // kills global-calls.ts:46 'invocations.sort(…)' -> 'invocations', the comparator -> '() => undefined' and '-' -> '+'
    const code = 'window.setInterval(a, 1);\nsetInterval(b, 2);\nself.setInterval(c, 3);\nsetInterval(d, 4);';
    expect(invocations(code, 'setInterval')).toEqual(
      both(['window.setInterval(a, 1)', 'setInterval(b, 2)', 'self.setInterval(c, 3)', 'setInterval(d, 4)']),
    );
  });

  it('keeps calls and `new`s apart', () => {
    // kills global-calls.ts:51 the filter -> 'globalInvocations(…)', "node.type === 'CallExpression'" -> 'true',
    // and :56 the filter -> 'globalInvocations(…)', "node.type === 'NewExpression'" -> 'true'
    const code = 'new Feed(a);\nFeed(b);\nnew window.Feed(c);\nwindow.Feed(d);';
    expect(invocations(code, 'Feed')).toEqual(both(['Feed(b)', 'window.Feed(d)']));
    expect(invocations(code, 'Feed', 'new')).toEqual(both(['new Feed(a)', 'new window.Feed(c)']));
  });

  it('takes a name a `/* global */` comment declares for the global', () => {
    // kills global-calls.ts:18 'declared && declared.defs.length === 0' -> 'false', its block -> '{}',
    // 'declared.defs.length === 0' -> '!== 0', and :20 "reference.identifier.type === 'Identifier'" -> 'false', -> '!==', "'Identifier'" -> '""'
    expect(invocations('/* global setInterval */\nsetInterval(tick, 1000);', 'setInterval')).toEqual(both(['setInterval(tick, 1000)']));
  });

  it('does not take a name the file declares itself, in a module or in a script', () => {
    // kills global-calls.ts:18 'declared.defs.length === 0' -> 'true' and -> '!== 0'
    // (a script's top-level function lives in the global scope, with a definition)
    expect(invocations('function setInterval() {}\nsetInterval(tick, 1000);', 'setInterval')).toEqual(both([]));
    expect(scriptCalls('function setInterval() {}\nsetInterval(tick, 1000);', 'setInterval')).toEqual([]);
    expect(scriptCalls('var setInterval = run;\nsetInterval(tick, 1000);', 'setInterval')).toEqual([]);
    expect(scriptCalls('setInterval(tick, 1000);', 'setInterval')).toEqual(['setInterval(tick, 1000)']);
  });

  it('finds nothing in a source code without a scope manager', () => {
    // kills global-calls.ts:31 'sourceCode.scopeManager?.globalScope' -> 'sourceCode.scopeManager.globalScope'
    // and :32 '!globalScope' -> 'false'
    const text = 'setInterval(tick, 1000);\nnew Feed(url);';
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true });
    const sourceCode = new SourceCode(text, ast as never) as unknown as Readonly<TSESLint.SourceCode>;
    expect(sourceCode.scopeManager).toBeNull();
    expect(globalFunctionCalls(sourceCode, 'setInterval')).toEqual([]);
    expect(globalConstructions(sourceCode, 'Feed')).toEqual([]);
  });
});
