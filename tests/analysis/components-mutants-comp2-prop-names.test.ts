/**
 * Pins the names `parameterDependencies` of `src/analysis/components.ts` gives the props and
 * arguments a value depends on (issue 17), so that the mutants StrykerJS left alive in
 * `topLevelKey`, `memberNameOf`, `isThisProps` and the naming of a parameter fail a test:
 * destructuring with a default, a string or number key, a computed key, a nested pattern or a
 * rest element; computed member reads (`props["id"]`, `props[0]`, `props[key]`), private names,
 * a `with` statement; `this.props` against `this.state`, `other.props` and `this.#props`; the
 * second parameter of a component; which index a name keeps when two parameters give it.
 *
 * Each case lists the dependencies of the first `new EventSource(…)` URL (or of `here`) on the
 * component or hook around it, as `name#index`.
 */
import { describe, expect, it } from 'vitest';
import { dependenciesWith } from './dependencies-probe.js';
import { parsers } from './probe.js';

describe.each(parsers)('the key a destructured prop is named by (%s)', (_name, parser) => {
  const dependencies = (code: string): string[] => dependenciesWith(parser, code);

  it('names a renamed prop by its key also when the pattern has a default', () => {
    // kills components.ts:400 "pattern.type === 'AssignmentPattern'" -> false and "'AssignmentPattern'" -> ""
    expect(dependencies('function Row({ topic: t } = {}) { new EventSource(t); return <li />; }')).toEqual(['topic#0']);
  });

  it('names a prop destructured under a string or number key by that key', () => {
    // kills components.ts:407 "key.type === 'Identifier'" -> true, and components.ts:408 "key.type === 'Literal'" -> false,
    // "key.type === 'Literal'" -> "key.type !== 'Literal'" and "'Literal'" -> ""
    expect(dependencies('function Row({ "topic": t }) { new EventSource(t); return <li />; }')).toEqual(['topic#0']);
    expect(dependencies('function Row({ 0: first }) { new EventSource(first); return <li />; }')).toEqual(['0#0']);
  });

  it('names a prop destructured under a computed key by its variable, not by the key expression', () => {
    // kills components.ts:406 "node.parent.computed" -> false
    expect(dependencies('function Row({ [field]: t }) { new EventSource(t); return <li />; }')).toEqual(['t#0']);
  });

  it('names a value taken from a nested pattern by the top-level key', () => {
    // kills components.ts:404 "node.parent?.type === 'Property' && node.parent.parent === pattern && node.parent.value === node" -> true,
    // "node.parent?.type === 'Property' && node.parent.parent === pattern" -> true,
    // "… && node.parent.parent === pattern && …" -> "(node.parent?.type === 'Property' || node.parent.parent === pattern) && …"
    // and "node.parent.parent === pattern" -> true
    expect(dependencies('function Row({ options: { url } }) { new EventSource(url); return <li />; }')).toEqual(['options#0']);
    expect(dependencies('function useFeed(first, { options: { url } }) { new EventSource(url); }')).toEqual(['options#1']);
  });

  it('names a rest element by the prop read off it', () => {
    // kills components.ts:403 "node && node !== pattern" -> "node || node !== pattern" and "node !== pattern" -> true,
    // components.ts:404 "node.parent?.type === 'Property' && node.parent.parent === pattern && node.parent.value === node" -> true
    // (each walks past the pattern, or reads the key of a RestElement, and throws)
    expect(dependencies('function Row({ id, ...rest }) { new EventSource(rest.url); return <li />; }')).toEqual(['url#0']);
  });

  it('names a value destructured from a local by the top-level key of the local pattern', () => {
    // kills components.ts:404 "node.parent?.type === 'Property' && node.parent.parent === pattern" -> true (through destructuredKey)
    const code = 'function Row(props) { const { options: { url } } = props; new EventSource(url); return <li />; }';
    expect(dependencies(code)).toEqual(['options#0']);
  });
});

describe.each(parsers)('the prop a member read names (%s)', (_name, parser) => {
  const dependencies = (code: string): string[] => dependenciesWith(parser, code);

  it('names a prop read with a string key in brackets', () => {
    // kills components.ts:420 "parent.computed && parent.property.type === 'Literal' && typeof parent.property.value === 'string'" -> false,
    // "parent.property.type === 'Literal'" -> "parent.property.type !== 'Literal'", "'Literal'" -> "",
    // "typeof parent.property.value === 'string'" -> "typeof parent.property.value !== 'string'", "'string'" -> ""
    // and "{ return parent.property.value; }" -> "{}"; components.ts:419 "!parent.computed && parent.property.type === 'Identifier'" -> true
    expect(dependencies('function Row(props) { new EventSource(props["topic"]); return <li />; }')).toEqual(['topic#0']);
  });

  it('names the whole props object for a number or variable key in brackets', () => {
    // kills components.ts:420 "parent.computed && parent.property.type === 'Literal' && typeof parent.property.value === 'string'" -> true
    // and "typeof parent.property.value === 'string'" -> true (both give the number 0 for a name)
    expect(dependencies('function Row(props) { new EventSource(props[0]); return <li />; }')).toEqual(['props#0']);
    // kills components.ts:419 "!parent.computed && parent.property.type === 'Identifier'" -> true and
    // "!parent.computed && parent.property.type === 'Identifier'" -> "!parent.computed || parent.property.type === 'Identifier'"
    expect(dependencies('function Row(props) { const key = "id"; new EventSource(props[key]); return <li />; }')).toEqual([
      'props#0',
    ]);
  });

  it('names the whole props object for a private name read off this.props', () => {
    // kills components.ts:419 "parent.property.type === 'Identifier'" -> true
    const code = 'class Row extends Component { #topic; componentDidMount() { new EventSource(this.props.#topic); } }';
    expect(dependencies(code)).toEqual(['props#0']);
  });

  it('reads this.props only: not this.state, another object\'s props, nor a private #props', () => {
    // kills components.ts:432 "node.property.name === 'props'" -> true
    expect(dependencies('class Row extends Component { componentDidMount() { new EventSource(this.state.url); } }')).toEqual([]);
    // kills components.ts:429 "node.object.type === 'ThisExpression'" -> true
    expect(dependencies('class Row extends Component { componentDidMount() { new EventSource(other.props.url); } }')).toEqual([]);
    // kills components.ts:431 "node.property.type === 'Identifier'" -> true
    expect(dependencies('class Row extends Component { #props = {}; componentDidMount() { new EventSource(this.#props.url); } }')).toEqual(
      [],
    );
  });

  it('names the whole this.props object by "props" when it is passed on', () => {
    // kills components.ts:517 "'props'" -> ""
    expect(dependencies('class Row extends Component { componentDidMount() { new EventSource(makeUrl(this.props)); } }')).toEqual([
      'props#0',
    ]);
  });

  it('names this.props by the key it is destructured under only when it is the destructured value itself', () => {
    // kills components.ts:517 "read === node" -> true
    const code = 'class Row extends Component { componentDidMount() { const { topic } = merge(this.props); new EventSource(topic); } }';
    expect(dependencies(code)).toEqual(['props#0']);
  });

  it('does not read this.props in a function component', () => {
    // kills components.ts:516 "classNode" -> true
    expect(dependencies('function Row() { new EventSource(this.props.url); return <li />; }')).toEqual([]);
  });

  it('names the props parameter by the key it is destructured under only when it is the destructured value itself', () => {
    // kills components.ts:532 "identifier === node" -> true
    expect(dependencies('function Row(props) { const { topic } = merge(props); new EventSource(topic); return <li />; }')).toEqual([
      'props#0',
    ]);
  });

  it('names the second parameter of a component by itself, not by the member read off it', () => {
    // kills components.ts:535 "parameter.index === 0" -> true
    const code = 'const Row = forwardRef(function Row(props, ref) { new EventSource(ref.current); return <li />; });';
    expect(dependencies(code)).toEqual(['ref#1']);
  });

  it('keeps the first index found for a name two parameters give', () => {
    // kills components.ts:491 "!found.has(name)" -> true
    expect(dependencies('function useFeed(id, { id: other }) { new EventSource(id + other); }')).toEqual(['id#0']);
  });
});

describe('a `with` statement over the props (espree, script)', () => {
  it('names the whole props object', () => {
    // kills components.ts:418 "parent?.type !== 'MemberExpression'" -> false and
    // "parent?.type !== 'MemberExpression' || parent.object !== object" -> "… && …" (a WithStatement has an `object` too)
    const code = 'function Row(props) { function urlFor() { with (props) { return url; } } new EventSource(urlFor()); return <li />; }';
    expect(dependenciesWith(parsers[1][1], code, { name: 'script.jsx', sourceType: 'script' })).toEqual(['props#0']);
  });
});
