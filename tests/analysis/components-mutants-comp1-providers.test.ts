/**
 * Pins which components `src/analysis/components.ts` counts as context providers (issue 17), so
 * that the mutants StrykerJS left alive there fail a test: `<X.Consumer>` and `createElement(X.Consumer)`
 * provide nothing, `<XContext>` provides only with a `value` attribute (not a spread, not another
 * attribute, not a namespaced one), an element that is not named `…Context` never provides, a
 * private `#Provider` is not the context's `Provider`, and a class component is judged by its
 * `render` member alone (a method or an arrow property, not computed, not `#render`, not another
 * method), with no name or no `render` at all.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { asComponentOrHook, isProvider } from '../../src/analysis/components.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { analyse, find, parsers } from './probe.js';

/** Whether the first function or class of `code` (which must be a component) is a provider. */
function provides(parser: unknown, code: string): boolean {
  return analyse(parser, code, (sourceCode) => {
    const node = find(
      sourceCode.ast,
      (n: TSESTree.Node) => isFunctionNode(n) || n.type === 'ClassDeclaration' || n.type === 'ClassExpression',
    );
    const unit = asComponentOrHook(node);
    if (!unit || unit.kind === 'hook') throw new Error('not a component');
    return isProvider(unit);
  });
}

describe.each(parsers)('isProvider, function components (%s)', (_name, parser) => {
  it('does not count a component rendering a context consumer element', () => {
    // kills components.ts:120 "name.property.name === 'Provider'" -> true
    expect(provides(parser, 'function Panel() { return <Theme.Consumer>{(t) => t}</Theme.Consumer>; }')).toBe(false);
    expect(provides(parser, 'function Panel() { return <Theme.Provider value={1} />; }')).toBe(true);
  });

  it('does not count an element given a value whose name does not end in Context', () => {
    // kills components.ts:121 the name test -> false, || -> &&, "'Context'" -> ""
    expect(provides(parser, 'function Panel() { return <Input value={1} />; }')).toBe(false);
  });

  it('does not count a namespaced element given a value', () => {
    // kills components.ts:121 "name.type !== 'JSXIdentifier'" -> false (a namespaced name has no endsWith)
    expect(provides(parser, 'function Panel() { return <svg:ThemeContext value={1} />; }')).toBe(false);
  });

  it('does not count a context element given only a spread', () => {
    // kills components.ts:123 the attribute test -> true, "attribute.type === 'JSXAttribute' && …'JSXIdentifier'" -> true,
    // "attribute.type === 'JSXAttribute'" -> true, the last && -> ||, the first && -> || (a spread has no name)
    expect(provides(parser, 'function Panel(props) { return <ThemeContext {...props} />; }')).toBe(false);
  });

  it('does not count a context element given another attribute than value', () => {
    // kills components.ts:123 the attribute test -> true, "attribute.name.name === 'value'" -> true
    expect(provides(parser, 'function Panel() { return <ThemeContext theme={1} />; }')).toBe(false);
    expect(provides(parser, 'function Panel() { return <ThemeContext theme={1} value={2} />; }')).toBe(true);
  });

  it('does not count createElement of a plain element, a consumer or nothing', () => {
    // kills components.ts:130 the whole test -> true, components.ts:159 isProviderFactoryCall(node) -> true
    expect(provides(parser, "function Panel() { return createElement('li'); }")).toBe(false);
    // kills components.ts:133 "first.property.name === 'Provider'" -> true
    expect(provides(parser, 'function Panel() { return createElement(Theme.Consumer, null); }')).toBe(false);
    // kills components.ts:130 first?.type -> first.type
    expect(provides(parser, 'function Panel() { return createElement(); }')).toBe(false);
    expect(provides(parser, 'function Panel() { return createElement(Theme.Provider, { value: 1 }); }')).toBe(true);
  });
});

describe.each(parsers)('isProvider, class components (%s)', (_name, parser) => {
  it('does not take a private #Provider member for a context provider', () => {
    // kills components.ts:132 "first.property.type === 'Identifier'" -> true
    expect(
      provides(parser, 'class Panel extends Component { static #Provider = Theme; render() { return createElement(Panel.#Provider); } }'),
    ).toBe(false);
  });

  it('judges a class by its render method, not by a method before it', () => {
    // kills components.ts:231 the member test -> true (all five and the first four), the last && -> ||,
    // the fourth && -> ||, components.ts:234 "member.key.name === 'render'" -> true,
    // components.ts:250 "component.kind === 'component'" -> true (the whole class body)
    expect(
      provides(parser, 'class Panel extends Component { wrap() { return <Theme.Provider value={1} />; } render() { return null; } }'),
    ).toBe(false);
  });

  it('does not take a private #render method for render', () => {
    // kills components.ts:231 the first three members tests -> true, the third && -> ||, the fourth && -> ||,
    // components.ts:233 "member.key.type === 'Identifier'" -> true
    expect(
      provides(parser, 'class Panel extends Component { #render() { return <Theme.Provider value={1} />; } render() { return null; } }'),
    ).toBe(false);
  });

  it('does not take a computed [render] member for render', () => {
    // kills components.ts:231 the first two member tests -> true, the first && -> ||
    expect(
      provides(
        parser,
        'const render = "other"; class Panel extends Component { [render]() { return <Theme.Provider value={1} />; } render() { return null; } }',
      ),
    ).toBe(false);
  });

  it('passes over a static block before render', () => {
    // kills components.ts:231 "member.type === 'MethodDefinition' || …'PropertyDefinition'" -> true,
    // the first && -> || (a static block has no key)
    expect(
      provides(parser, 'class Panel extends Component { static { init(); } render() { return <Theme.Provider value={1} />; } }'),
    ).toBe(true);
  });

  it('takes a render arrow property for render', () => {
    // kills components.ts:231 "member.type === 'PropertyDefinition'" -> false, === -> !==, "'PropertyDefinition'" -> ""
    expect(provides(parser, 'class Panel extends Component { render = () => <Theme.Provider value={1} />; }')).toBe(true);
  });

  it('does not count an anonymous class component without render', () => {
    // kills components.ts:249 component.name?.endsWith -> component.name.endsWith
    expect(provides(parser, 'export default class extends Component { render() { return null; } }')).toBe(false);
    // kills components.ts:251 body !== null -> true
    expect(provides(parser, 'class Panel extends Component {}')).toBe(false);
    expect(provides(parser, 'class FeedProvider extends Component {}')).toBe(true);
  });
});
