/**
 * Pins which two places of a file `areAlternatives` (src/analysis/exclusive-branches.ts) takes for
 * alternatives, so that the mutants StrykerJS left alive there fail a test (issue 17): the two
 * branches of an `if` or a `?:`, the sides of `||`, a `try` block and its `catch`, `case`s that do
 * not fall through, and a branch that always leaves (`return`, `throw`, `break`, `continue`)
 * before the code after it.
 *
 * Each case asks about the identifiers `A` and `B` of the code (the first of each name).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { areAlternatives } from '../../src/analysis/exclusive-branches.js';
import { type ProbeFile, type SourceCode, analyse, find, parsers } from './probe.js';

const SCRIPT: ProbeFile = { name: 'file.js', sourceType: 'script', jsx: false };

function named(name: string) {
  return (node: TSESTree.Node): node is TSESTree.Identifier => node.type === 'Identifier' && node.name === name;
}

function ofType(type: string) {
  return (node: TSESTree.Node): boolean => node.type === type;
}

describe.each(parsers)('areAlternatives (%s)', (_name, parser) => {
  /** Whether `A` and `B` of `code` are alternatives (the raw result, so that `undefined` shows). */
  function alternatives(code: string, file?: ProbeFile): unknown {
    return analyse(parser, code, (sourceCode: SourceCode) => areAlternatives(find(sourceCode.ast, named('A')), find(sourceCode.ast, named('B'))), file);
  }

  /** The same with the two places picked by `pickA` and `pickB`. */
  function alternativesOf(code: string, pickA: (ast: TSESTree.Program) => TSESTree.Node, pickB: (ast: TSESTree.Program) => TSESTree.Node): unknown {
    return analyse(parser, code, (sourceCode: SourceCode) => areAlternatives(pickA(sourceCode.ast), pickB(sourceCode.ast)));
  }

  describe('a place and itself or its own ancestor', () => {
    it('does not take a place for an alternative to itself', () => {
      // kills exclusive-branches.ts:57 'false' -> 'true'
      expect(alternativesOf('if (c) A(); else g();', (ast) => find(ast, named('A')), (ast) => find(ast, named('A')))).toBe(false);
    });

    it('does not take an `if` for an alternative to code in its own branch', () => {
      const code = 'if (c) A(); else B();';
      // kills exclusive-branches.ts:57 'commonIndex <= 0' -> 'false' and -> 'commonIndex < 0'
      expect(alternativesOf(code, (ast) => find(ast, ofType('IfStatement')), (ast) => find(ast, named('A')))).toBe(false);
      // kills exclusive-branches.ts:61 '!childB || childB === childA' -> 'false' and -> '&&', and 'false' -> 'true'
      expect(alternativesOf(code, (ast) => find(ast, named('A')), (ast) => find(ast, ofType('IfStatement')))).toBe(false);
    });
  });

  describe('the branches of an `if` or a conditional', () => {
    it('takes the two branches for alternatives, not the test and a branch', () => {
      // kills exclusive-branches.ts:64 "'IfStatement'" -> ""
      expect(alternatives('if (c) A(); else B();')).toBe(true);
      expect(alternatives('const x = c ? A : B;')).toBe(true);
      // kills exclusive-branches.ts:65 the ConditionalExpression case -> falling through, :66 the whole test -> 'true'
      // and 'childA !== common.test' -> 'true' and '&&' -> '||'
      expect(alternatives('if (A) B();')).toBe(false);
      expect(alternatives('const x = A ? B : 0;')).toBe(false);
      // kills exclusive-branches.ts:66 'childB !== common.test' -> 'true' and '&&' -> '||'
      expect(alternatives('if (B) A();')).toBe(false);
      expect(alternatives('const x = B ? A : 0;')).toBe(false);
    });
  });

  describe('the sides of a logical expression', () => {
    it('takes the sides of `||` and `??` for alternatives, not those of `&&`', () => {
      // kills exclusive-branches.ts:67 the LogicalExpression case -> falling through, "'LogicalExpression'" -> "",
      // :68 "common.operator !== '&&'" -> 'false'
      expect(alternatives('const x = A || B;')).toBe(true);
      expect(alternatives('const x = A ?? B;')).toBe(true);
      // kills exclusive-branches.ts:68 "common.operator !== '&&'" -> 'true' and -> '===', "'&&'" -> ""
      expect(alternatives('const x = A && B;')).toBe(false);
    });
  });

  describe('a `try` statement', () => {
    it('takes the block and its `catch` for alternatives, either way round', () => {
      expect(alternatives('try { A(); } catch { B(); }')).toBe(true);
      expect(alternatives('try { B(); } catch { A(); }')).toBe(true);
    });

    it('does not take a `finally` for an alternative to the block or the `catch`', () => {
      // kills exclusive-branches.ts:70 the whole test -> 'true', 'childA === common.block && childB === common.handler' -> '||'
      // and 'childB === common.handler' -> 'true'
      expect(alternatives('try { A(); } catch { f(); } finally { B(); }')).toBe(false);
      // kills exclusive-branches.ts:70 'childA === common.block' -> 'true'
      expect(alternatives('try { f(); } catch { B(); } finally { A(); }')).toBe(false);
      // kills exclusive-branches.ts:70 'childA === common.handler' -> 'true'
      expect(alternatives('try { B(); } catch { f(); } finally { A(); }')).toBe(false);
      // kills exclusive-branches.ts:70 'childA === common.handler && childB === common.block' -> '||' and 'childB === common.block' -> 'true'
      expect(alternatives('try { f(); } catch { A(); } finally { B(); }')).toBe(false);
    });
  });

  describe('the cases of a `switch`', () => {
    it('takes cases that end in `break` for alternatives, either way round', () => {
      // kills exclusive-branches.ts:71 the SwitchStatement case -> falling through, "'SwitchStatement'" -> "", its block -> '{}',
      // :72 the test -> 'true', "childA.type !== 'SwitchCase'" -> '===', "childB.type !== 'SwitchCase'" -> '===', both "'SwitchCase'" -> "",
      // :76 the callback -> '() => undefined'
      expect(alternatives('switch (x) { case 1: A(); break; case 2: B(); }')).toBe(true);
      expect(alternatives('switch (x) { case 1: B(); break; case 2: A(); }')).toBe(true);
    });

    it('does not take the discriminant for an alternative to a case', () => {
      // kills exclusive-branches.ts:72 the test -> 'false', "childA.type !== 'SwitchCase'" -> 'false', '||' -> '&&', 'false' -> 'true'
      expect(alternatives('switch (A) { case 1: B(); }')).toBe(false);
      // kills exclusive-branches.ts:72 "childB.type !== 'SwitchCase'" -> 'false'
      expect(alternatives('switch (B) { case 1: A(); }')).toBe(false);
    });

    it('does not take a case for an alternative to the one it falls through into', () => {
      // kills exclusive-branches.ts:74 'childA.range[0] < childB.range[0]' -> 'false' and -> '>=', '[childA, childB]' -> '[]'
      expect(alternatives('switch (x) { case 1: A(); case 2: B(); }')).toBe(false);
      // kills exclusive-branches.ts:74 'childA.range[0] < childB.range[0]' -> 'true', '[childB, childA]' -> '[]'
      expect(alternatives('switch (x) { case 1: B(); case 2: A(); }')).toBe(false);
    });

    it('needs every case between the two to leave, not only one', () => {
      // kills exclusive-branches.ts:76 '.every' -> '.some'
      expect(alternatives('switch (x) { case 1: A(); break; case 2: f(); case 3: B(); }')).toBe(false);
      // kills exclusive-branches.ts:76 the slice -> 'cases' (the later cases do not matter)
      expect(alternatives('switch (x) { case 1: A(); break; case 2: B(); case 3: f(); }')).toBe(true);
    });

    it('looks at the last statement of a case', () => {
      // kills exclusive-branches.ts:76 '-1' -> '+1'
      expect(alternatives('switch (x) { case 1: A(); f(); break; case 2: B(); }')).toBe(true);
      expect(alternatives('switch (x) { case 1: A(); break; f(); case 2: B(); }')).toBe(false);
    });
  });

  describe('a branch that always leaves before the code after it', () => {
    it('takes code after an `if` whose branch returns for an alternative to that branch', () => {
      // kills exclusive-branches.ts:17 the body of alwaysLeaves -> '{}', :20 "'ReturnStatement'" -> "",
      // :23 the shared `return true` -> falling through, :35 the body of statementsOf -> '{}', :38 "'BlockStatement'" -> "",
      // :39 the shared `return node.body` -> falling through, :49 the body of leavesThrough -> '{}', :50 the whole test -> 'false',
      // "statement.type === 'IfStatement'" -> '!==', "'IfStatement'" -> "", 'branch === statement.consequent' -> 'false' and -> '!==',
      // the '||' between the branches -> '&&', :82 '!statements' -> 'statements' and -> 'true', :85 '- 1' -> '+ 1'
      expect(alternatives('function f() { if (c) { A(); return; } B(); }')).toBe(true);
      // kills exclusive-branches.ts:84 'childA.range[0] < childB.range[0]' -> 'true'
      expect(alternatives('function f() { if (c) { B(); return; } A(); }')).toBe(true);
    });

    it('takes a branch that throws, breaks or continues for one that leaves', () => {
      // kills exclusive-branches.ts:21 "'ThrowStatement'" -> "", :37 "'Program'" -> ""
      expect(alternatives('if (c) { A(); throw e; } B();')).toBe(true);
      // kills exclusive-branches.ts:22 "'BreakStatement'" -> ""
      expect(alternatives('for (;;) { if (c) { A(); break; } B(); }')).toBe(true);
      // kills exclusive-branches.ts:23 "'ContinueStatement'" -> ""
      expect(alternatives('for (;;) { if (c) { A(); continue; } B(); }')).toBe(true);
    });

    it('takes an `else` that leaves as well as a `then`', () => {
      // kills exclusive-branches.ts:50 'branch === statement.alternate' -> 'false' and -> '!=='
      expect(alternatives('function f() { if (c) g(); else { A(); return; } B(); }')).toBe(true);
    });

    it('looks at the last statement of the branch', () => {
      // kills exclusive-branches.ts:26 '-1' -> '+1'
      expect(alternatives('function f() { if (c) { A(); g(); return; } B(); }')).toBe(true);
      // kills exclusive-branches.ts:29 'default: return false;' -> 'default:' (undefined), :30 'false' -> 'true'
      expect(alternatives('function f() { if (c) { A(); g(); } B(); }')).toBe(false);
    });

    it('takes a nested `if` for leaving only when both of its branches leave', () => {
      // kills exclusive-branches.ts:25 the BlockStatement case -> falling through, :27 the IfStatement case -> falling through,
      // "'IfStatement'" -> "", :28 the test -> 'false'
      expect(alternatives('function f() { if (c) { A(); if (d) return; else throw e; } B(); }')).toBe(true);
      // kills exclusive-branches.ts:28 the test -> 'true' and '&&' -> '||'
      expect(alternatives('function f() { if (c) { A(); if (d) return; else g(); } B(); }')).toBe(false);
      // kills exclusive-branches.ts:18 '!statement' -> 'false' (a missing `else`), 'false' -> 'true'
      expect(alternatives('function f() { if (c) { A(); if (d) return; } B(); }')).toBe(false);
    });

    it('takes a branch without braces that leaves', () => {
      // kills exclusive-branches.ts:18 '!statement' -> 'statement' and -> 'true'
      expect(alternatives('function f() { if (c) return A; B(); }')).toBe(true);
    });

    it('finds the leaving branch in a class static block and a `switch` case', () => {
      // kills exclusive-branches.ts:39 "'StaticBlock'" -> ""
      expect(alternatives('class K { static { if (c) { A(); throw e; } B(); } }')).toBe(true);
      // kills exclusive-branches.ts:41 the SwitchCase case -> falling through, "'SwitchCase'" -> ""
      expect(alternatives('for (;;) { switch (x) { case 1: if (c) { A(); continue; } B(); } }')).toBe(true);
    });

    it('does not take a statement that is not an `if` for a leaving branch', () => {
      // kills exclusive-branches.ts:50 "statement.type === 'IfStatement' && (…)" -> 'true', and the last '&&' -> '||'
      // (a block that ends in a `return`, a labelled block that does)
      expect(alternatives('function f() { { return A; } B(); }')).toBe(false);
      expect(alternatives('function f() { label: { A(); return; } B(); }')).toBe(false);
    });

    it('does not take code after a leaving `if` for an alternative to it when the two are not in one list of statements', () => {
      // kills exclusive-branches.ts:82 '!statements' -> 'false': the `continue` runs the test `B` next
      expect(alternatives('do if (c) { A(); continue; } while (B);', SCRIPT)).toBe(false);
    });

    it('does not take two statements one after the other for alternatives', () => {
      expect(alternatives('function f() { A(); B(); }')).toBe(false);
    });
  });
});
