/**
 * Pins how far `parameterDependencies` of `src/analysis/components.ts` follows a value (issue 17),
 * so that the mutants StrykerJS left alive in `outsideReferences`, `thisPropsReads`,
 * `isModuleLevel`, the owner's inputs and the search loop fail a test: the references of a
 * function that is itself the value, of callbacks inside the value and not of those beside it;
 * `this.props` inside nested functions and classes (another `this`) against the methods of the
 * class component itself; module-level and global variables, which end the search; variables
 * without a definition (`arguments`); parameters of other methods and of a nested class's
 * constructor; a helper that calls itself.
 *
 * Each case lists the dependencies of the first `new EventSource(…)` URL (or of `here`) on the
 * component or hook around it, as `name#index`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type DependencyOptions, asComponentOrHook, enclosingComponentOrHook, parameterDependencies } from '../../src/analysis/components.js';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';
import { dependenciesWith, dependencyTarget } from './dependencies-probe.js';

const isFunctionNamed =
  (name: string) =>
  (node: TSESTree.Node): node is TSESTree.FunctionDeclaration =>
    node.type === 'FunctionDeclaration' && node.id?.name === name;

function describeAll(sourceCode: SourceCode, node: TSESTree.Node, owner: Parameters<typeof parameterDependencies>[2], options?: DependencyOptions): string[] {
  return parameterDependencies(sourceCode, node, owner, options).map((d) => `${d.name}#${d.index}`);
}

/** The calls of `name` in the file, for `argumentsOf`. */
function callsOf(sourceCode: SourceCode, name: string): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === name) calls.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') stack.push(item as TSESTree.Node);
      }
    }
  }
  return calls;
}

describe.each(parsers)('the references a value makes (%s)', (_name, parser) => {
  const dependencies = (code: string): string[] => dependenciesWith(parser, code);

  it('follows a callback inside the value to what it closes over', () => {
    // kills components.ts:383 "{ if (within(child.block.range)) references.push(...child.through); }" -> "{}"
    // and components.ts:384 "within(child.block.range)" -> false
    const code = 'function Row({ id }) { const url = useMemo(() => "/r/" + id, []); new EventSource(url); return <li />; }';
    expect(dependencies(code)).toEqual(['id#0']);
  });

  it('does not take in a callback beside the value', () => {
    // kills components.ts:384 "within(child.block.range)" -> true
    const code = 'function Row({ id, label }) { const log = () => label; new EventSource("/r/" + id); return <li onClick={log} />; }';
    expect(dependencies(code)).toEqual(['id#0']);
  });

  it("takes only what a local function closes over, not its own parameters' arguments", () => {
    // kills components.ts:379 "scope.block === node" -> false (the function's own references would
    // include its parameter, whose arguments `argumentsOf` hands over)
    const code = 'function Row({ id, label }) { function urlFor(topic) { return "/r/" + topic; } new EventSource(urlFor()); return <li title={label} />; }';
    const names = analyse(parser, code, (sourceCode) => {
      const url = dependencyTarget(sourceCode);
      const urlFor = find(sourceCode.ast, isFunctionNamed('urlFor'));
      const label = find(sourceCode.ast, (node): node is TSESTree.JSXExpressionContainer => node.type === 'JSXExpressionContainer');
      return describeAll(sourceCode, url, enclosingComponentOrHook(url)!, {
        argumentsOf: (fn: FunctionNode) => (fn === urlFor ? [label.expression] : []),
      });
    });
    expect(names).toEqual([]);
  });
});

describe.each(parsers)('module-level state and variables without a definition (%s)', (_name, parser) => {
  it('stops at a module-level variable, even one the component writes a prop into', () => {
    // kills components.ts:467 "{ return variable.scope.type === 'module' || variable.scope.type === 'global'; }" -> "{}",
    // components.ts:468 "… === 'module' || … === 'global'" -> false, "variable.scope.type === 'module'" -> false,
    // "… === 'module' || …" -> "… === 'module' && …", "'module'" -> "",
    // and components.ts:544 "isModuleLevel(variable) || seenVariables.has(variable)" -> false and "… || …" -> "… && …"
    const code = 'let current = "/all";\nfunction Row({ id }) { current = "/r/" + id; new EventSource(current); return <li />; }';
    expect(dependenciesWith(parser, code)).toEqual([]);
  });

  it('stops at a global variable of a script', () => {
    // kills components.ts:468 "variable.scope.type === 'global'" -> false and "'global'" -> ""
    const code = 'var current = "/all";\nfunction Row({ id }) { current = "/r/" + id; new EventSource(current); return <li />; }';
    expect(dependenciesWith(parser, code, { name: 'script.jsx', sourceType: 'script' })).toEqual([]);
  });

  it('skips a variable without a definition, such as `arguments`', () => {
    // kills components.ts:523 "!variable || !definition" -> "!variable && !definition"
    expect(dependenciesWith(parser, 'function useFeed(topic) { new EventSource(arguments[0] + topic); }')).toEqual(['topic#0']);
  });
});

describe.each(parsers)("a class component's inputs (%s)", (_name, parser) => {
  const dependencies = (code: string): string[] => dependenciesWith(parser, code);

  it("does not take the parameter of another method for the component's props", () => {
    // kills components.ts:497 "classNode !== null && fn.parent?.type === 'MethodDefinition' && fn.parent.kind === 'constructor'" ->
    // "(classNode !== null && fn.parent?.type === 'MethodDefinition') || fn.parent.kind === 'constructor'"
    // and components.ts:499 "fn.parent.kind === 'constructor'" -> true
    const code = 'class Row extends Component { open(options) { new EventSource(options.url); } render() { return <li />; } }';
    expect(dependencies(code)).toEqual([]);
  });

  it("does not take the constructor parameter of a nested class for the component's props", () => {
    // kills components.ts:500 "fn.parent.parent.parent === classNode" -> true
    const code =
      'class Row extends Component { componentDidMount() { class Feed { constructor(options) { new EventSource(options.url); } } new Feed(this.props); } }';
    expect(dependencies(code)).toEqual([]);
  });

  it('does not read this.props in a nested function, class declaration or class expression, where `this` is another object', () => {
    // kills components.ts:448 "child.type === 'ClassDeclaration' || child.type === 'ClassExpression' || (…)" -> false,
    // components.ts:450 "(child.type === 'FunctionDeclaration' || child.type === 'FunctionExpression') && …" -> false,
    // "child.type === 'FunctionDeclaration' || child.type === 'FunctionExpression'" -> "… && …",
    // "child.type === 'FunctionExpression'" -> false and "'FunctionExpression'" -> "",
    // components.ts:451 "child.parent?.type !== 'MethodDefinition'" -> "child.parent?.type === 'MethodDefinition'"
    expect(
      dependencies('class Row extends Component { componentDidMount() { new EventSource("/r/" + (function () { return this.props.id; })()); } }'),
    ).toEqual([]);
    // kills components.ts:450 "child.type === 'FunctionDeclaration'" -> false and "'FunctionDeclaration'" -> ""
    expect(
      dependencies(
        'class Row extends Component { componentDidMount() { const urlFor = () => { function inner() { return this.props.id; } return inner(); }; new EventSource(urlFor()); } }',
      ),
    ).toEqual([]);
    // kills components.ts:448 "child.type === 'ClassDeclaration'" -> false, "'ClassDeclaration'" -> "",
    // "child.type === 'ClassDeclaration' || child.type === 'ClassExpression'" -> "… && …" and
    // "A || B || (C)" -> "(A || B) && (C)"
    expect(
      dependencies(
        'class Row extends Component { componentDidMount() { const urlFor = () => { class Inner { url() { return this.props.id; } } return new Inner().url(); }; new EventSource(urlFor()); } }',
      ),
    ).toEqual([]);
    // kills components.ts:449 "child.type === 'ClassExpression'" -> false and "'ClassExpression'" -> ""
    expect(
      dependencies(
        'class Row extends Component { componentDidMount() { const urlFor = () => new (class { url() { return this.props.id; } })().url(); new EventSource(urlFor()); } }',
      ),
    ).toEqual([]);
  });

  it('reads this.props in the methods of the class component itself when the class is the value', () => {
    // kills components.ts:451 "child.parent?.type !== 'MethodDefinition'" -> true and "'MethodDefinition'" -> ""
    const names = analyse(
      parser,
      'class Row extends Component { componentDidMount() { this.source = new EventSource(this.props.url); } render() { return <li />; } }',
      (sourceCode) => {
        const row = find(sourceCode.ast, (node): node is TSESTree.ClassDeclaration => node.type === 'ClassDeclaration');
        return describeAll(sourceCode, row, asComponentOrHook(row)!);
      },
    );
    expect(names).toEqual(['url#0']);
  });
});

describe.each(parsers)('a helper that calls itself (%s)', (_name, parser) => {
  it('visits each argument once and ends', () => {
    // kills components.ts:512 "keys.has(key)" -> false (the recursive call's argument is handed over again and again)
    const code =
      'function open(topic, tries) { if (tries > 0) return open(topic, tries - 1); return new EventSource(topic); }\nfunction Row({ id }) { open(id, 3); return <li />; }';
    const result = analyse(parser, code, (sourceCode) => {
      const url = dependencyTarget(sourceCode);
      const open = find(sourceCode.ast, isFunctionNamed('open'));
      const row = asComponentOrHook(find(sourceCode.ast, isFunctionNamed('Row')))!;
      const calls = callsOf(sourceCode, 'open');
      let handed = 0;
      const names = describeAll(sourceCode, url, row, {
        argumentsOf: (fn: FunctionNode, index: number) => {
          handed += 1;
          if (handed > 50) throw new Error('the search does not end');
          return fn === open ? calls.map((call) => call.arguments[index]!) : [];
        },
      });
      return { names, handed };
    });
    expect(result).toEqual({ names: ['id#0'], handed: 2 });
  });
});
