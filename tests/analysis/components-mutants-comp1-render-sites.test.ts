/**
 * Pins the binding of a component and the places that render it, as `src/analysis/components.ts`
 * finds them (issue 17), so that the mutants StrykerJS left alive there fail a test: an anonymous
 * default class has no binding, a function given to a call after its first argument or in a
 * `for` head is bound to nothing, a class declaration is bound by its outer name, a reference in a
 * `for` head or as a later argument of `createElement` renders nothing, a closing tag is no second
 * site, a cycle of aliases ends, sites come in source order, and under a scope analysis that records
 * no JSX references (ESLint 9's) the elements are found by name, a shadowing binding excluded;
 * without any scope analysis there is no binding and no alias.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode as EslintSourceCode } from 'eslint';
import { analyze } from 'eslint-scope';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { asComponentOrHook, bindingOf, renderSites } from '../../src/analysis/components.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

/**
 * Espree with the scope analysis ESLint 9 runs, which records no reference for `<Row />`
 * (ESLint 10's, and typescript-eslint's, record one).
 */
const espreeWithoutJsxReferences = {
  parseForESLint(code: string, options: espree.Options) {
    const ast = espree.parse(code, options);
    const scopeManager = analyze(ast as never, {
      ecmaVersion: 2022,
      sourceType: 'module',
      jsx: false,
      childVisitorKeys: espree.VisitorKeys,
    });
    return { ast, scopeManager, visitorKeys: espree.VisitorKeys };
  },
};

/** The component or class named `name` (its id or its variable). */
function isUnitNamed(name: string) {
  return (node: TSESTree.Node): boolean =>
    (isFunctionNode(node) || node.type === 'ClassDeclaration' || node.type === 'ClassExpression') &&
    (node.id?.name === name ||
      (node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' && node.parent.id.name === name));
}

function unitOf(sourceCode: SourceCode, target: (node: TSESTree.Node) => boolean) {
  const unit = asComponentOrHook(find(sourceCode.ast, target));
  if (!unit) throw new Error('not a component or hook');
  return unit;
}

/** The binding of the unit `target` picks: `name@scope`, or null. */
function bindingFound(parser: unknown, code: string, target: (node: TSESTree.Node) => boolean): string | null {
  return analyse(parser, code, (sourceCode) => {
    const variable = bindingOf(sourceCode, unitOf(sourceCode, target));
    return variable && `${variable.name}@${variable.scope.type}`;
  });
}

/** The render sites of the component named `name`, as `type@line:column`. */
function sitesOf(parser: unknown, code: string, name: string): string[] {
  return analyse(parser, code, (sourceCode) => {
    const variable = bindingOf(sourceCode, unitOf(sourceCode, isUnitNamed(name)));
    if (!variable) throw new Error(`${name} has no binding`);
    return renderSites(sourceCode, variable).map(
      ({ node }) => `${node.type}@${node.loc.start.line}:${node.loc.start.column}`,
    );
  });
}

describe.each(parsers)('bindingOf (%s)', (_name, parser) => {
  it('finds no binding for an anonymous default-exported class component', () => {
    // kills components.ts:260 unit.node.id?.name -> unit.node.id.name
    expect(
      bindingFound(parser, 'export default class extends Component { render() { return <li />; } }', (node) => node.type === 'ClassDeclaration'),
    ).toBeNull();
  });

  it('finds no binding for a component given to a call after its first argument', () => {
    // kills components.ts:264 node.parent.arguments[0] === node -> true
    expect(bindingFound(parser, 'const List = connect(mapState, function Inner() { return <li />; });', isUnitNamed('Inner'))).toBeNull();
    expect(bindingFound(parser, 'const List = memo(function Inner() { return <li />; });', isUnitNamed('Inner'))).toBe('List@module');
  });

  it('finds no binding for a component written in the head of a for loop', () => {
    // kills components.ts:268 "parent?.type !== 'VariableDeclarator'" -> false, the first || -> && (a for head has no id)
    expect(bindingFound(parser, 'for (function Row() { return <li />; }; ; ) break;', isUnitNamed('Row'))).toBeNull();
  });

  it('binds a class declaration by its name outside the class', () => {
    expect(bindingFound(parser, 'class Panel extends Component { render() { return <li />; } }', isUnitNamed('Panel'))).toBe(
      'Panel@module',
    );
  });
});

describe.each(parsers)('renderSites (%s)', (_name, parser) => {
  it('takes a component named in the head of a for loop for no render site', () => {
    // kills components.ts:290 "parent?.type !== 'VariableDeclarator'" -> false, the first || -> && (a for head has no id)
    expect(sitesOf(parser, 'function Row() { return <li />; }\nfor (Row; false; ) {}\nexport const app = <Row />;', 'Row')).toEqual([
      'JSXOpeningElement@3:19',
    ]);
  });

  it('follows a cycle of aliases once', () => {
    // kills components.ts:306 seen.has(current) -> false (the walk never ends)
    expect(
      sitesOf(parser, 'const Row = () => <li />;\nvar Alias = Row;\nvar Alias = Alias;\nexport const app = <Alias />;', 'Row'),
    ).toEqual(['JSXOpeningElement@4:19']);
  });

  it('takes a component given to createElement as a child for no render site', () => {
    // kills components.ts:317 parent.arguments[0] === identifier -> true
    expect(
      sitesOf(parser, "function Row() { return <li />; }\nexport const app = createElement('div', null, Row);", 'Row'),
    ).toEqual([]);
    expect(sitesOf(parser, 'function Row() { return <li />; }\nexport const app = createElement(Row, null);', 'Row')).toEqual([
      'CallExpression@2:19',
    ]);
  });

  it('counts an element with a closing tag once, at its opening tag', () => {
    // kills components.ts:314 "parent?.type === 'JSXOpeningElement'" -> true, && -> || (typescript-eslint
    // records the closing tag's name as a reference too)
    expect(sitesOf(parser, 'function Row() { return <li />; }\nexport const app = <Row>text</Row>;', 'Row')).toEqual([
      'JSXOpeningElement@2:19',
    ]);
  });

  it('lists the render sites in source order, through aliases too', () => {
    // kills components.ts:325 the sort -> none, the comparator -> () => undefined, a - b -> a + b
    expect(
      sitesOf(
        parser,
        [
          'function Row() { return <li />; }',
          'const Alias = memo(Row);',
          'export const first = <Alias />;',
          'export const second = <Row />;',
          'export const third = createElement(Alias);',
          'export const fourth = <Row />;',
        ].join('\n'),
        'Row',
      ),
    ).toEqual(['JSXOpeningElement@3:21', 'JSXOpeningElement@4:22', 'CallExpression@5:21', 'JSXOpeningElement@6:22']);
  });
});

describe('renderSites under a scope analysis without JSX references (ESLint 9)', () => {
  it('finds the elements that name the component, not those under a shadowing binding', () => {
    // kills components.ts:340 the walk's block -> {}, components.ts:341 the element test -> false,
    // "'JSXOpeningElement'" -> "", "node.name.type === 'JSXIdentifier'" -> !==, "'JSXIdentifier'" -> "",
    // components.ts:348 the filter -> () => undefined, components.ts:349 the filter's test -> false,
    // "element.name.type === 'JSXIdentifier'" -> !==, "'JSXIdentifier'" -> ""
    expect(
      sitesOf(
        espreeWithoutJsxReferences,
        [
          'function Row() { return <li />; }',
          'function List() { const Row = () => null; return <Row />; }',
          'export const app = <Row />;',
          'export const member = <Row.Cell />;',
        ].join('\n'),
        'Row',
      ),
    ).toEqual(['JSXOpeningElement@3:19']);
  });

  it('finds the elements through an alias', () => {
    expect(
      sitesOf(
        espreeWithoutJsxReferences,
        'function Row() { return <li />; }\nconst Alias = memo(Row);\nexport const app = <Alias />;',
        'Row',
      ),
    ).toEqual(['JSXOpeningElement@3:19']);
  });
});

describe.each(parsers)('bindingOf and renderSites without a scope manager (%s)', (_name, parser) => {
  /** The same tree and text in a SourceCode built without scope analysis. */
  const bare = (sourceCode: SourceCode) =>
    new EslintSourceCode({ text: sourceCode.text, ast: sourceCode.ast as never }) as unknown as Readonly<TSESLint.SourceCode>;

  it('finds no binding', () => {
    // kills components.ts:274 sourceCode.scopeManager?.getDeclaredVariables -> sourceCode.scopeManager.getDeclaredVariables
    const found = analyse(parser, 'function Row() { return <li />; }', (sourceCode) => {
      expect(bare(sourceCode).scopeManager).toBeNull();
      return bindingOf(bare(sourceCode), unitOf(sourceCode, isUnitNamed('Row')));
    });
    expect(found).toBeNull();
  });

  it('follows no alias', () => {
    // kills components.ts:292 sourceCode.scopeManager?.getDeclaredVariables -> sourceCode.scopeManager.getDeclaredVariables
    const sites = analyse(parser, 'function Row() { return <li />; }\nconst Alias = memo(Row);', (sourceCode) => {
      const variable = bindingOf(sourceCode, unitOf(sourceCode, isUnitNamed('Row')));
      if (!variable) throw new Error('Row has no binding');
      return renderSites(bare(sourceCode), variable);
    });
    expect(sites).toEqual([]);
  });
});
