/**
 * Pins which parts of a loop `findRepetition` (src/analysis/repetition.ts) takes to repeat, and
 * when code that leaves the loop right after it runs counts as once per loop (issue 17), so that
 * the mutants StrykerJS left alive there fail a test: a `for` test, the plain statements that may
 * stand between an opening and its `break` or `return`, statements before the opening, `switch`
 * cases, labelled and unlabelled breaks of nested loops, a `break` that only leaves a `switch`,
 * class members inside a loop, and the kinds of the repetitions found.
 *
 * Each case is written out as `kind: description` of the repetition, or `once`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { findRepetition, findRepetitionOfCallbackReference } from '../../src/analysis/repetition.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

const isOpenRowArgument = (node: TSESTree.Node): node is TSESTree.Identifier =>
  node.type === 'Identifier' && node.name === 'openRow' && node.parent?.type === 'CallExpression' && node.parent.callee !== node;

describe.each(parsers)('findRepetition: loops and the exits after an opening (%s)', (_name, parser) => {
  /** What repeats the first `new EventSource(…)` of `code`: `kind: description`, or `once`. */
  function repetition(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const found = findRepetition(find(sourceCode.ast, isNewEventSource));
      return found ? `${found.kind}: ${found.description}` : 'once';
    });
  }

  it('counts the test of a `for` loop as repeating', () => {
    // kills repetition.ts:188 "child === loop.test" -> false; :357 "'loop'" -> ""
    expect(repetition('for (let i = 0; ready(new EventSource(urls[i])); i++) {}')).toBe('loop: a `for` loop');
  });

  it('lets declarations, empty statements and function declarations stand between an opening and its `break`', () => {
    // kills repetition.ts:287 "statement.type === 'VariableDeclaration'" -> false, "'VariableDeclaration'" -> ""
    expect(repetition('for (const u of urls) { new EventSource(u); const done = true; break; }')).toBe('once');
    // kills repetition.ts:288 "statement.type === 'EmptyStatement'" -> false, "'EmptyStatement'" -> ""
    expect(repetition('for (const u of urls) { new EventSource(u);; break; }')).toBe('once');
    // kills repetition.ts:289 "statement.type === 'FunctionDeclaration'" -> false, "'FunctionDeclaration'" -> ""
    expect(repetition('for (const u of urls) { new EventSource(u); function log() {} break; }')).toBe('once');
  });

  it('looks only at the statements after the opening, not at a `continue` before it', () => {
    // kills repetition.ts:312 "list.slice(list.indexOf(child) + 1)" -> "list"
    expect(repetition('for (const u of urls) { if (skip(u)) continue; new EventSource(u); break; }')).toBe('once');
  });

  it('finds the `return` after an opening in a `switch` case', () => {
    // kills repetition.ts:295 "node.type === 'SwitchCase'" -> false, "'SwitchCase'" -> ""
    expect(repetition("function f(urls) { for (const u of urls) { switch (u) { case 'a': new EventSource(u); return; } } }")).toBe('once');
  });

  it('does not take a `break` that leaves a `switch` for one that leaves the loop around it', () => {
    // The `switch` is the whole body of the `while`, so both end at the same place.
    // kills repetition.ts:337 "target !== null && target.range[0] <= loop.range[0]" -> true,
    // "… && target.range[0] <= loop.range[0] && …" -> "… || …", "target !== null && …" -> "target !== null || …",
    // "target.range[0] <= loop.range[0]" -> true
    expect(repetition('while (more()) switch (kind) { case 1: new EventSource(url); break; }')).toBe('loop: a `while` loop');
  });

  it('counts a `return` in an inner loop as leaving the outer loop too', () => {
    // kills repetition.ts:335 "jump.type === 'ReturnStatement'" -> false, "'ReturnStatement'" -> "",
    // :354 "jump.type === 'BreakStatement'" -> true, "jump.type === 'BreakStatement'" -> "!=="
    expect(repetition('function f(groups) { for (const g of groups) { for (const u of g) { new EventSource(u); return; } } }')).toBe(
      'once',
    );
  });

  it('after a `break` of the inner loop, looks for a `break` of the outer one', () => {
    // kills repetition.ts:354 "jump.type === 'BreakStatement' && breakTarget(jump) === current" -> false,
    // "'BreakStatement'" -> "", "jump.type === 'BreakStatement'" -> "!=="
    expect(repetition('for (const g of groups) { for (const u of g) { new EventSource(u); break; } break; }')).toBe('once');
    expect(repetition('for (const g of groups) { for (const u of g) { new EventSource(u); break; } }')).toBe(
      'loop: a `for...of` loop',
    );
  });

  it('follows a labelled `break` to the loop of its own label', () => {
    // kills repetition.ts:324 "current.label.name === jump.label.name" -> true
    expect(repetition('outer: for (const g of groups) { inner: for (const u of g) { new EventSource(u); break outer; } }')).toBe('once');
  });

  it('stops at a class member inside a loop', () => {
    // kills repetition.ts:373 "isExecutionBoundary(current)" -> false
    expect(repetition('for (const u of urls) { class Row { source = new EventSource(u); } }')).toBe('once');
  });

  it('reports a callback repetition with its kind', () => {
    // kills repetition.ts:363 "'callback'" -> ""
    expect(repetition('urls.forEach((u) => new EventSource(u));')).toBe('callback: a `forEach()` callback');
  });

  it('reports a function passed by name to an iteration method as a callback', () => {
    const found = analyse(parser, 'function openRow(u) { return new EventSource(u); }\nurls.forEach(openRow);', (sourceCode) => {
      const reference = find(sourceCode.ast, isOpenRowArgument);
      const repetition = findRepetitionOfCallbackReference(reference);
      return repetition && `${repetition.kind}: ${repetition.description} at ${sourceCode.getText(repetition.node)}`;
    });
    // kills repetition.ts:385 "'callback'" -> ""
    expect(found).toBe('callback: a `forEach()` callback at urls.forEach(openRow)');
  });
});
