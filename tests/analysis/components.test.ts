import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  type ComponentOrHook,
  asComponentOrHook,
  bindingOf,
  enclosingComponentOrHook,
  isComponentName,
  isHookName,
  isProvider,
  parameterDependencies,
  renderSites,
} from '../../src/analysis/components.js';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { analyse, find, isNewEventSource, parsers, type SourceCode } from './probe.js';

const isNamedFunction =
  (name: string) =>
  (node: TSESTree.Node): node is FunctionNode =>
    (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') &&
    (node.id?.name === name || (node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' && node.parent.id.name === name));

const isNamedClass =
  (name: string) =>
  (node: TSESTree.Node): node is TSESTree.ClassDeclaration =>
    node.type === 'ClassDeclaration' && node.id?.name === name;

/** The URL argument of the first `new EventSource(…)` in the file. */
function firstUrl(sourceCode: SourceCode): TSESTree.Node {
  return find(sourceCode.ast, isNewEventSource).arguments[0]!;
}

/** Describes a classification compactly, for equality assertions. */
function describeUnit(unit: ComponentOrHook | null): string | null {
  return unit ? `${unit.kind} ${unit.name ?? '(anonymous)'}` : null;
}

describe('names', () => {
  it('recognises PascalCase component names, not constants or camelCase', () => {
    expect(['Row', 'UserCard', 'Row2', 'X1a'].map(isComponentName)).toEqual([true, true, true, true]);
    expect(['row', 'URL', 'MAX_ROWS', '_Row', ''].map(isComponentName)).toEqual([false, false, false, false, false]);
  });

  it('recognises hook names: `use` then an uppercase letter or digit', () => {
    expect(['useStream', 'use2FA', 'useX'].map(isHookName)).toEqual([true, true, true]);
    expect(['use', 'user', 'useless', 'Use', 'reuseStream'].map(isHookName)).toEqual([false, false, false, false, false]);
  });
});

describe.each(parsers)('asComponentOrHook (%s)', (_name, parser) => {
  function classify(code: string, target: (node: TSESTree.Node) => boolean): string | null {
    return analyse(parser, code, (sourceCode) => describeUnit(asComponentOrHook(find(sourceCode.ast, target))));
  }

  it('counts a PascalCase function that returns JSX as a component', () => {
    expect(classify('function Row() { return <li />; }', isNamedFunction('Row'))).toBe('component Row');
  });

  it('counts JSX inside a nested callback as rendering', () => {
    expect(classify('const List = ({ rows }) => <ul>{rows.map((r) => <li key={r} />)}</ul>;', isNamedFunction('List'))).toBe(
      'component List',
    );
  });

  it('counts a PascalCase function that calls a hook as a (renderless) component', () => {
    expect(classify('function Tracker() { useEffect(() => {}); return null; }', isNamedFunction('Tracker'))).toBe(
      'component Tracker',
    );
  });

  it('counts `createElement` and Preact `h` as rendering', () => {
    expect(classify('function Row() { return React.createElement("li"); }', isNamedFunction('Row'))).toBe('component Row');
    expect(classify('function Row() { return h("li"); }', isNamedFunction('Row'))).toBe('component Row');
  });

  it('counts a function wrapped in memo() as a component even when it renders nothing', () => {
    expect(classify('const Row = memo(function Row() { return null; });', isNamedFunction('Row'))).toBe('component Row');
  });

  it('does not count a PascalCase function that neither renders nor calls a hook', () => {
    expect(classify('function CreateStream(id) { return open(id); }', isNamedFunction('CreateStream'))).toBeNull();
  });

  it('does not count JSX that belongs to a nested component', () => {
    expect(
      classify('function Factory() { function Inner() { return <li />; } return Inner; }', isNamedFunction('Factory')),
    ).toBeNull();
  });

  it('does not count a class method named like a component', () => {
    expect(
      classify(
        'class Table { Row() { return <li />; } }',
        (node) => node.type === 'FunctionExpression' && node.parent?.type === 'MethodDefinition',
      ),
    ).toBeNull();
  });

  it('does not count an anonymous default export (no name to go by)', () => {
    expect(
      classify('export default function () { return <li />; }', (node) => node.type === 'FunctionDeclaration'),
    ).toBeNull();
  });

  it('counts hooks by name, whatever they do', () => {
    expect(classify('const useFeed = () => 1;', isNamedFunction('useFeed'))).toBe('hook useFeed');
    expect(classify('function user() { return 1; }', isNamedFunction('user'))).toBeNull();
  });

  it('counts classes extending Component or PureComponent, bare or qualified', () => {
    expect(classify('class Row extends Component {}', isNamedClass('Row'))).toBe('class-component Row');
    expect(classify('class Row extends React.PureComponent {}', isNamedClass('Row'))).toBe('class-component Row');
    expect(classify('class Row extends Preact.Component {}', isNamedClass('Row'))).toBe('class-component Row');
    expect(classify('const Row = class extends Component {};', (node) => node.type === 'ClassExpression')).toBe(
      'class-component Row',
    );
    expect(classify('class Row extends Base {}', isNamedClass('Row'))).toBeNull();
    expect(classify('class Row {}', isNamedClass('Row'))).toBeNull();
  });
});

describe.each(parsers)('enclosingComponentOrHook (%s)', (_name, parser) => {
  function owner(code: string): string | null {
    return analyse(parser, code, (sourceCode) =>
      describeUnit(enclosingComponentOrHook(find(sourceCode.ast, isNewEventSource))),
    );
  }

  it('finds the component around an effect callback', () => {
    expect(owner('function Row() { useEffect(() => { new EventSource("/a"); }); return <li />; }')).toBe('component Row');
  });

  it('finds the component around a nested handler, which runs per instance too', () => {
    expect(owner('function Row() { const onClick = () => new EventSource("/a"); return <li onClick={onClick} />; }')).toBe(
      'component Row',
    );
  });

  it('finds the class component around a lifecycle method', () => {
    expect(owner('class Row extends Component { componentDidMount() { new EventSource("/a"); } }')).toBe('class-component Row');
  });

  it('finds the nearest unit: a hook inside a component file', () => {
    expect(owner('function useFeed() { useEffect(() => { new EventSource("/a"); }); }')).toBe('hook useFeed');
  });

  it('finds nothing at module level or in a plain helper', () => {
    expect(owner('const es = new EventSource("/a");')).toBeNull();
    expect(owner('function open() { return new EventSource("/a"); }')).toBeNull();
  });
});

describe.each(parsers)('isProvider (%s)', (_name, parser) => {
  function provider(code: string, name: string): boolean {
    return analyse(parser, code, (sourceCode) => {
      const node = find(sourceCode.ast, (n) => isNamedFunction(name)(n) || isNamedClass(name)(n));
      const unit = asComponentOrHook(node);
      if (!unit || unit.kind === 'hook') throw new Error(`${name} is not a component`);
      return isProvider(unit);
    });
  }

  it('counts a component named …Provider', () => {
    expect(provider('function FeedProvider({ children }) { useEffect(() => {}); return children; }', 'FeedProvider')).toBe(true);
  });

  it('counts a component that renders <X.Provider>', () => {
    expect(provider('function Feed({ children }) { return <Ctx.Provider value={1}>{children}</Ctx.Provider>; }', 'Feed')).toBe(
      true,
    );
  });

  it("counts React 19's <XContext value=…>", () => {
    expect(provider('function Feed({ children }) { return <FeedContext value={1}>{children}</FeedContext>; }', 'Feed')).toBe(true);
  });

  it('counts createElement(X.Provider, …) and a class whose render() provides', () => {
    expect(provider('function Feed() { return createElement(Ctx.Provider, { value: 1 }); }', 'Feed')).toBe(true);
    expect(provider('class Feed extends Component { render() { return <Ctx.Provider value={1} />; } }', 'Feed')).toBe(true);
  });

  it('does not count an ordinary component, nor one rendering a context element without a value', () => {
    expect(provider('function Row() { return <li />; }', 'Row')).toBe(false);
    expect(provider('function Row() { return <RowContext />; }', 'Row')).toBe(false);
  });
});

describe.each(parsers)('bindingOf and renderSites (%s)', (_name, parser) => {
  function sites(code: string, name: string): string[] {
    return analyse(parser, code, (sourceCode) => {
      const unit = asComponentOrHook(find(sourceCode.ast, (n) => isNamedFunction(name)(n) || isNamedClass(name)(n)));
      if (!unit) throw new Error(`${name} is not a component`);
      const binding = bindingOf(sourceCode, unit);
      if (!binding) return [];
      return renderSites(sourceCode, binding).map(
        (site) => `${site.node.type}@${site.node.loc.start.line}:${site.node.loc.start.column}`,
      );
    });
  }

  it('finds JSX elements and createElement calls naming the component', () => {
    expect(sites('function Row() { return <li />; }\nconst a = <Row />;\nconst b = createElement(Row, null);', 'Row')).toEqual([
      'JSXOpeningElement@2:10',
      'CallExpression@3:10',
    ]);
  });

  it('does not count a shadowed name, a member element or a plain reference', () => {
    const code = [
      'function Row() { return <li />; }',
      'const a = rows.map((Row) => <Row />);',
      'const b = <Row.Cell />;',
      'register(Row);',
    ].join('\n');
    expect(sites(code, 'Row')).toEqual([]);
  });

  it('follows aliases made by memo() or plain assignment', () => {
    const code = ['function RowImpl() { return <li />; }', 'const Row = memo(RowImpl);', 'const Alias = Row;', 'const a = <Alias />;'].join(
      '\n',
    );
    expect(sites(code, 'RowImpl')).toEqual(['JSXOpeningElement@4:10']);
  });

  it('finds the outer binding of a class declaration', () => {
    expect(sites('class Row extends Component { render() { return <li />; } }\nconst a = <Row />;', 'Row')).toEqual([
      'JSXOpeningElement@2:10',
    ]);
  });

  it('finds the variable of a memo()-wrapped component', () => {
    expect(sites('const Row = memo(function Row() { return <li />; });\nconst a = <Row />;', 'Row')).toEqual([
      'JSXOpeningElement@2:10',
    ]);
  });
});

describe.each(parsers)('parameterDependencies (%s)', (_name, parser) => {
  /** The dependencies of the first stream URL in `code` on the component or hook that encloses it. */
  function dependencies(code: string): string[] {
    return analyse(parser, code, (sourceCode) => {
      const url = firstUrl(sourceCode);
      const unit = enclosingComponentOrHook(url);
      if (!unit) throw new Error('no component or hook');
      return parameterDependencies(sourceCode, url, unit).map((d) => `${d.name}#${d.index}`);
    });
  }

  it('names destructured props by their key, also when renamed', () => {
    expect(dependencies('function Row({ id, topic: t }) { new EventSource(`/r/${id}/${t}`); return <li />; }')).toEqual([
      'id#0',
      'topic#0',
    ]);
  });

  it('names props read off the props object', () => {
    expect(dependencies('function Row(props) { new EventSource("/r/" + props.id); return <li />; }')).toEqual(['id#0']);
    expect(dependencies('function Row(props) { new EventSource(makeUrl(props)); return <li />; }')).toEqual(['props#0']);
  });

  it('follows local variables, including destructuring of the props object', () => {
    const code = 'function Row(props) { const { id, topic } = props; const url = `/r/${topic}`; new EventSource(url); return <li />; }';
    expect(dependencies(code)).toEqual(['topic#0']);
  });

  it('follows later assignments of a `let`', () => {
    const code = 'function Row({ id }) { let url = "/all"; if (id) url = "/r/" + id; new EventSource(url); return <li />; }';
    expect(dependencies(code)).toEqual(['id#0']);
  });

  it('follows memo callbacks and local functions into what they close over', () => {
    const memo = 'function Row({ id }) { const url = useMemo(() => "/r/" + id, [id]); new EventSource(url); return <li />; }';
    expect(dependencies(memo)).toEqual(['id#0']);
    const local = 'function Row({ id }) { function urlFor() { return "/r/" + id; } new EventSource(urlFor()); return <li />; }';
    expect(dependencies(local)).toEqual(['id#0']);
  });

  it('follows state initialised from a prop', () => {
    expect(dependencies('function Row({ id }) { const [key] = useState(id); new EventSource(key); return <li />; }')).toEqual([
      'id#0',
    ]);
  });

  it('does not count module constants, imports or values from other hooks', () => {
    const code = 'import { base } from "./config"; const ROOT = "/r"; function Row() { const { id } = useParams(); new EventSource(ROOT + base + id); return <li />; }';
    expect(dependencies(code)).toEqual([]);
  });

  it('does not count the parameter of an inner callback', () => {
    expect(dependencies('function Row() { return <button onClick={(e) => new EventSource(e.target.value)} />; }')).toEqual([]);
  });

  it("reads a class component's this.props, directly, destructured, or through the constructor", () => {
    expect(dependencies('class Row extends Component { componentDidMount() { new EventSource("/r/" + this.props.id); } }')).toEqual([
      'id#0',
    ]);
    expect(
      dependencies('class Row extends Component { componentDidMount() { const { topic } = this.props; new EventSource(topic); } }'),
    ).toEqual(['topic#0']);
    expect(
      dependencies('class Row extends Component { constructor(props) { super(props); new EventSource(props.url); } }'),
    ).toEqual(['url#0']);
  });

  it("names a hook's arguments by parameter, not by member", () => {
    expect(dependencies('function useFeed(options, extra) { new EventSource(options.url + extra); }')).toEqual([
      'extra#1',
      'options#0',
    ]);
    expect(dependencies('function useFeed({ topic }) { new EventSource("/t/" + topic); }')).toEqual(['topic#0']);
  });
});

describe.each(parsers)('parameterDependencies through helpers (%s)', (_name, parser) => {
  it('maps a helper parameter to the arguments its caller passes', () => {
    const code = 'function open(topic, label) { return new EventSource("/t/" + topic); }\nfunction Row({ id, name }) { open(id, name); return <li />; }';
    const result = analyse(parser, code, (sourceCode) => {
      const url = firstUrl(sourceCode);
      const row = asComponentOrHook(find(sourceCode.ast, isNamedFunction('Row')))!;
      const call = find(sourceCode.ast, (n) => n.type === 'CallExpression' && n.callee.type === 'Identifier' && n.callee.name === 'open') as TSESTree.CallExpression;
      const open = find(sourceCode.ast, isNamedFunction('open'));
      const withArguments = parameterDependencies(sourceCode, url, row, {
        argumentsOf: (fn, index) => (fn === open ? [call.arguments[index]!] : []),
      });
      const without = parameterDependencies(sourceCode, url, row);
      return { withArguments: withArguments.map((d) => d.name), without: without.map((d) => d.name) };
    });
    expect(result).toEqual({ withArguments: ['id'], without: [] });
  });

  it('works for a plain function as owner', () => {
    const names = analyse(parser, 'function open(a, { b }) { return new EventSource(a + b); }', (sourceCode) =>
      parameterDependencies(sourceCode, firstUrl(sourceCode), find(sourceCode.ast, isNamedFunction('open'))).map(
        (d) => `${d.name}#${d.index}`,
      ),
    );
    expect(names).toEqual(['a#0', 'b#1']);
  });
});

describe('TypeScript syntax', () => {
  it('sees through type annotations, assertions and non-null assertions', () => {
    const code = 'const Row = ({ id }: { id: string }) => { const url = (`/r/${id}` as string)!; new EventSource(url); return <li />; };';
    const names = analyse(tsParser, code, (sourceCode) => {
      const url = firstUrl(sourceCode);
      return parameterDependencies(sourceCode, url, enclosingComponentOrHook(url)!).map((d) => d.name);
    });
    expect(names).toEqual(['id']);
  });
});
