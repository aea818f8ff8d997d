/**
 * Whether a component declared in any file is a context provider, the TypeScript side of
 * `isProvider` in `components.ts`: named `…Provider`, or rendering `<X.Provider value=…>`,
 * React 19's `<XContext value=…>` or `createElement(X.Provider, …)`. A provider is mounted once
 * near the root and shares what it opens, so rendering it is not a stream per item.
 */
import type * as ts from 'typescript';
import { ELEMENT_FACTORIES } from '../components.js';
import type { Callable } from './declarations.js';
import { calleeNameOf, declarationName } from './ts-syntax.js';
import type { TypeInformation } from './type-information.js';
import type { TypeScript } from './typescript-module.js';

function isProviderTag(ts: TypeScript, element: ts.JsxOpeningElement | ts.JsxSelfClosingElement): boolean {
  const tag = element.tagName;
  if (ts.isPropertyAccessExpression(tag)) return tag.name.text === 'Provider';
  if (!ts.isIdentifier(tag) || !tag.text.endsWith('Context')) return false;
  return element.attributes.properties.some(
    (attribute) => ts.isJsxAttribute(attribute) && ts.isIdentifier(attribute.name) && attribute.name.text === 'value',
  );
}

function isProviderFactoryCall(ts: TypeScript, call: ts.CallExpression): boolean {
  if (!ELEMENT_FACTORIES.has(calleeNameOf(ts, call.expression) ?? '')) return false;
  const first = call.arguments[0];
  return first !== undefined && ts.isPropertyAccessExpression(first) && first.name.text === 'Provider';
}

const cache = new WeakMap<ts.Node, boolean>();

export function isProviderDeclaration(information: TypeInformation, declaration: Callable): boolean {
  const { ts } = information;
  let provider = cache.get(declaration);
  if (provider === undefined) {
    provider = declarationName(ts, declaration)?.endsWith('Provider') ?? false;
    const visit = (node: ts.Node): boolean =>
      ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && isProviderTag(ts, node)) ||
      (ts.isCallExpression(node) && isProviderFactoryCall(ts, node)) ||
      ts.forEachChild(node, visit) === true;
    if (!provider) provider = ts.forEachChild(declaration, visit) === true;
    cache.set(declaration, provider);
  }
  return provider;
}
