/**
 * `scopeWithImplicitGlobals` gives the reference tracker stand-ins for globals that the file reads
 * but no config declares. Under typescript-eslint the global scope holds every name of the
 * project's `lib` (thousands with `dom`), so the stand-ins are laid over the global scope's
 * variables as a view, not added to a copy of them (issue 16: the copy was the costliest line of
 * the stream search in a typed lint). These cases pin what the view must still answer.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getStreamOpenings, scopeWithImplicitGlobals } from '../../src/analysis/stream-sources.js';

/** The finished SourceCode of `code`, parsed by typescript-eslint with the given `lib`. */
function parse(code: string, lib: string[]): TSESLint.SourceCode {
  let parsed: TSESLint.SourceCode | undefined;
  const probe = {
    create(context: { sourceCode: TSESLint.SourceCode }) {
      return {
        'Program:exit'() {
          parsed = context.sourceCode;
        },
      };
    },
  };
  const messages = new Linter().verify(
    code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { sourceType: 'module', lib } },
      plugins: { probe: { rules: { probe: probe as never } } },
      rules: { 'probe/probe': 'error' },
    },
    'file.ts',
  );
  expect(messages).toEqual([]);
  return parsed!;
}

describe('scopeWithImplicitGlobals', () => {
  it('finds a stream through a global the lib declares (`EventSource` with `dom`), which the view must pass through', () => {
    const sourceCode = parse("new EventSource('/a');\nnew window.EventSource('/b');\nexport {};\n", ['esnext', 'dom']);
    // `dom` declares the class but not `window`: one name through the view, one through a stand-in.
    expect(sourceCode.scopeManager!.globalScope!.set.has('EventSource')).toBe(true);
    expect(sourceCode.scopeManager!.globalScope!.set.has('window')).toBe(false);
    expect(getStreamOpenings(sourceCode).map((opening) => opening.node.loc.start.line)).toEqual([1, 2]);
  });

  it('lays a stand-in over a name the file reads but nothing declares, and leaves the global scope as it was', () => {
    const sourceCode = parse("new EventSource('/a');\nexport {};\n", ['esnext']);
    const globalScope = sourceCode.scopeManager!.globalScope!;
    expect(globalScope.set.has('EventSource')).toBe(false);

    const scope = scopeWithImplicitGlobals(globalScope, ['EventSource', 'window']);
    expect(scope).not.toBe(globalScope);
    const standIn = scope.set.get('EventSource');
    expect(standIn?.references.map((reference) => reference.identifier.loc.start)).toEqual([{ line: 1, column: 4 }]);
    expect(scope.set.has('EventSource')).toBe(true);
    // Names the lib declares are still there, through the view.
    expect(scope.set.get('Array')).toBe(globalScope.set.get('Array'));
    expect(scope.set.has('Array')).toBe(true);
    // A name neither read nor declared gets nothing.
    expect(scope.set.get('window')).toBeUndefined();
    expect(scope.set.has('window')).toBe(false);
    expect(globalScope.set.has('EventSource')).toBe(false);
  });

  it('joins the references of an ambient `declare const` to the stand-in', () => {
    const sourceCode = parse("declare const EventSource: any;\nnew EventSource('/a');\nexport {};\n", ['esnext']);
    const scope = scopeWithImplicitGlobals(sourceCode.scopeManager!.globalScope!, ['EventSource']);
    expect(scope.set.get('EventSource')?.references.map((reference) => reference.identifier.loc.start.line)).toEqual([2]);
  });

  it('hands back the global scope itself when no stand-in is needed', () => {
    const sourceCode = parse('export const a = 1;\n', ['esnext']);
    const globalScope = sourceCode.scopeManager!.globalScope!;
    expect(scopeWithImplicitGlobals(globalScope, ['EventSource'])).toBe(globalScope);
  });
});
