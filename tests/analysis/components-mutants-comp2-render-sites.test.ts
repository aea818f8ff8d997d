/**
 * Pins how `renderSites` of `src/analysis/components.ts` finds `<Row />` elements that scope
 * analysis does not record as references (issue 17), so that the mutant StrykerJS left alive in
 * `unreferencedJsxElements` fails a test. ESLint 10's scope analysis records `<Row />` as a
 * reference to `Row`, so the suite, which runs on ESLint 10, never took that path; ESLint 9's
 * (eslint-scope without its `jsx` option) records none. The parser below hands ESLint such a
 * scope manager, as ESLint 9 builds for espree.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import * as eslintScope from 'eslint-scope';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { asComponentOrHook, bindingOf, renderSites } from '../../src/analysis/components.js';
import { analyse, find } from './probe.js';

/** espree with the scope analysis of ESLint 9: JSX names are not references. */
const withoutJsxReferences = {
  parseForESLint(code: string) {
    const ast = espree.parse(code, {
      ecmaVersion: 'latest',
      sourceType: 'module',
      ecmaFeatures: { jsx: true },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    const scopeManager = eslintScope.analyze(ast as never, { ecmaVersion: 2022, sourceType: 'module', jsx: false });
    return { ast, scopeManager, visitorKeys: espree.VisitorKeys };
  },
};

const isRow = (node: TSESTree.Node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration' && node.id?.name === 'Row';

describe('render sites without JSX references (scope analysis of ESLint 9)', () => {
  it('finds `<Row />` by name where the name resolves to the component, not where a parameter shadows it', () => {
    const code = ['function Row() { return <li />; }', 'const a = <Row />;', 'const b = rows.map((Row) => <Row />);'].join('\n');
    const result = analyse(withoutJsxReferences, code, (sourceCode) => {
      const binding = bindingOf(sourceCode, asComponentOrHook(find(sourceCode.ast, isRow))!)!;
      return {
        references: binding.references.length,
        sites: renderSites(sourceCode, binding).map((site) => `${site.node.type}@${site.node.loc.start.line}:${site.node.loc.start.column}`),
      };
    });
    // kills components.ts:351 "!referenced.has(element.name)" -> "referenced.has(element.name)"
    expect(result).toEqual({ references: 0, sites: ['JSXOpeningElement@2:10'] });
  });
});
