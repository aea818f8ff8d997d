/**
 * `isProviderDeclaration` (type-aware mode): which components declared in any file count as
 * context providers, whose streams are shared rather than opened per rendered item. Issue 17:
 * each case pins a shape that Stryker's surviving mutants of `providers.ts` got wrong. A real
 * program over small files; the answer for each named component is asserted.
 */
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { isProviderDeclaration } from '../../src/analysis/typed/providers.js';
import { project } from './typed-scratch-project.js';

const components = project({
  'components.tsx': `
declare const ThemeContext: any;
declare const Theme: any;
declare const ContextMenu: any;
declare const props: any;
declare function createElement(type: unknown, props?: unknown): unknown;
declare function jsx(type: unknown, props?: unknown): unknown;
declare function register(type: unknown): unknown;
declare const factories: any[];

export function ThemeProvider() { return null; }
export function ProviderList() { return null; }
export function Shell() { return <ThemeContext.Provider value={1}><main /></ThemeContext.Provider>; }
export function SelfClosingShell() { return <ThemeContext.Provider value={1} />; }
export function Reader() { return <ThemeContext.Consumer>{() => null}</ThemeContext.Consumer>; }
export function Modern() { return <ThemeContext value={1}><main /></ThemeContext>; }
export function ModernSelfClosing() { return <ThemeContext value={1} />; }
export function ModernWithMore() { return <ThemeContext value={1} title="t" />; }
export function ContextWithoutValue() { return <ThemeContext title="t" />; }
export function ContextWithoutAttributes() { return <ThemeContext />; }
export function ContextSpread() { return <ThemeContext {...props} />; }
export function NotAContext() { return <Theme value={1} />; }
export function ContextPrefixed() { return <ContextMenu value={1} />; }
export function Nested() { return <section><div><ThemeContext value={1} /></div></section>; }
export function Factory() { return createElement(ThemeContext.Provider, { value: 1 }); }
export function RuntimeFactory() { return jsx(ThemeContext.Provider, { value: 1 }); }
export function FactoryOfConsumer() { return createElement(ThemeContext.Consumer, {}); }
export function FactoryOfComponent() { return createElement(Theme, {}); }
export function FactoryWithoutArguments() { return createElement(); }
export function Registered() { return register(ThemeContext.Provider); }
export function Computed() { return factories[0](ThemeContext.Provider); }
export default function () { return <main />; }
`,
});
afterAll(() => components.dispose());

function isProvider(name: string): boolean {
  return isProviderDeclaration(components.information, components.declaration('components.tsx', name));
}

describe('isProviderDeclaration', () => {
  // kills providers.ts:35 `?.endsWith` -> `.endsWith`, `?? false` -> `?? true`
  it('reads an anonymous component that renders no provider as no provider', () => {
    const anonymous = components.find('components.tsx', (node): node is ts.FunctionDeclaration =>
      ts.isFunctionDeclaration(node) && node.name === undefined && node.body !== undefined,
    );
    expect(isProviderDeclaration(components.information, anonymous)).toBe(false);
  });

  // kills providers.ts:35 `?? false` -> `&& false`, `endsWith` -> `startsWith`; :40 `!provider` -> `true`
  it('counts a component named …Provider, whatever it renders, and not one that only starts with Provider', () => {
    expect(isProvider('ThemeProvider')).toBe(true);
    expect(isProvider('ProviderList')).toBe(false);
  });

  // kills providers.ts:14 `{}`; :16 `isPropertyAccessExpression` -> false, `=== 'Provider'` -> false; :36 visit -> undefined;
  // :37 `||` -> `&&`, either disjunct -> false, the recursion dropped; :39 `=== true` -> false; :40 `!provider` -> `provider`/false, `=== true` -> false
  it('counts a component rendering <X.Provider value>, opening or self-closing, anywhere in its tree', () => {
    expect(isProvider('Shell')).toBe(true);
    expect(isProvider('SelfClosingShell')).toBe(true);
    expect(isProvider('Nested')).toBe(true);
  });

  // kills providers.ts:16 `=== 'Provider'` -> true, `!==`, `'Provider'` -> ""
  it('does not count a component rendering <X.Consumer>', () => {
    expect(isProvider('Reader')).toBe(false);
  });

  // kills providers.ts:17 `!ts.isIdentifier(tag)` -> `ts.isIdentifier(tag)`, condition -> true; :18 `.some` -> `.every` (with one attribute more);
  // :19 arrow -> undefined, condition -> false; :37 `isJsxOpeningElement || isJsxSelfClosingElement` -> `&&`
  it("counts React 19's <XContext value>, opening or self-closing, with other attributes beside", () => {
    expect(isProvider('Modern')).toBe(true);
    expect(isProvider('ModernSelfClosing')).toBe(true);
    expect(isProvider('ModernWithMore')).toBe(true);
  });

  // kills providers.ts:19 condition -> true, `=== 'value'` -> true, `!==`, `'value'` -> ""; :18 `.some` -> `.every` (no attributes)
  it('does not count <XContext> without a value attribute', () => {
    expect(isProvider('ContextWithoutValue')).toBe(false);
    expect(isProvider('ContextWithoutAttributes')).toBe(false);
  });

  // kills providers.ts:19 `&& … && name === 'value'` -> `… || name === 'value'`, the first two tests -> true or `||`
  it('does not count <XContext {...props}>: a spread names no value attribute', () => {
    expect(isProvider('ContextSpread')).toBe(false);
  });

  // kills providers.ts:17 condition -> false, `||` -> `&&`, `'Context'` -> "", `endsWith` -> `startsWith`, `!endsWith` -> `endsWith`
  it('does not count <X value> unless X ends with Context', () => {
    expect(isProvider('NotAContext')).toBe(false);
    expect(isProvider('ContextPrefixed')).toBe(false);
  });

  // kills providers.ts:23 `{}`; :24 `!has` -> `has`, condition -> true, `??` -> `&&`; :26 `first === undefined`, conditions -> false;
  // :38 condition -> false
  it('counts a component creating its provider with createElement(X.Provider) or jsx(X.Provider)', () => {
    expect(isProvider('Factory')).toBe(true);
    expect(isProvider('RuntimeFactory')).toBe(true);
  });

  // kills providers.ts:26 every mutant that accepts another first argument (`=== 'Provider'` -> true, `!==`, "",
  // `isPropertyAccessExpression` -> true or `||`, `first !== undefined` -> true or `===`), and the `||` that reads a missing name
  it('does not count createElement of a consumer, of a component, or without arguments', () => {
    expect(isProvider('FactoryOfConsumer')).toBe(false);
    expect(isProvider('FactoryOfComponent')).toBe(false);
    expect(isProvider('FactoryWithoutArguments')).toBe(false);
  });

  // kills providers.ts:24 condition -> false
  it('does not count X.Provider handed to a call that creates no element', () => {
    expect(isProvider('Registered')).toBe(false);
    expect(isProvider('Computed')).toBe(false);
  });
});
