/**
 * `retry` values given to server helpers that write the `retry:` field themselves:
 * - Hono: `stream.writeSSE({ data, retry: 500 })` inside `streamSSE(c, async (stream) => …)`;
 *   Hono leaves the field out when `retry` is falsy.
 * - better-sse: `createSession(req, res, { retry: 500 })`, `createResponse(request, { retry: 500 }, …)`
 *   and `new Session(req, res, { retry: 500 })`; `retry: null` sends none.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker, getStaticValue } from '../eslint-utils.js';
import { staticPropertyName, unwrapExpression } from './access-paths.js';
import { findOption, objectLiteralArgument } from './object-options.js';


export interface RetryOption {
  property: TSESTree.Property;
  value: number;
}

function retryOption(sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.ObjectExpression): RetryOption | null {
  const option = findOption(object, 'retry');
  if (option.kind !== 'found') return null;
  const value = getStaticValue(option.property.value, sourceCode.getScope(option.property.value))?.value;
  return typeof value === 'number' && Number.isFinite(value) ? { property: option.property, value } : null;
}

/** Which server libraries that write the `retry:` field the file imports: one pass over its imports. */
export function serverImports(program: TSESTree.Program): { betterSse: boolean; hono: boolean } {
  let betterSse = false;
  let hono = false;
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const module = statement.source.value;
    if (module === 'better-sse') betterSse = true;
    else if (module === 'hono' || module.startsWith('hono/')) hono = true;
  }
  return { betterSse, hono };
}

/** The `retry` of a Hono `writeSSE({ … })` call, when it writes one. */
export function honoWriteSseRetry(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): RetryOption | null {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'writeSSE') return null;
  const message = objectLiteralArgument(call.arguments[0]);
  const option = message && retryOption(sourceCode, message);
  return option && option.value !== 0 ? option : null;
}

type TraceMap = Parameters<InstanceType<typeof ReferenceTracker>['iterateEsmReferences']>[0];

/** Every `retry` given to better-sse's session factories, imported under any name. */
export function betterSseRetries(sourceCode: Readonly<TSESLint.SourceCode>): RetryOption[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return [];
  const traceMap = {
    'better-sse': {
      [ReferenceTracker.ESM]: true,
      createSession: { [ReferenceTracker.CALL]: true },
      createResponse: { [ReferenceTracker.CALL]: true },
      Session: { [ReferenceTracker.CONSTRUCT]: true },
    },
  } as unknown as TraceMap;
  const options: RetryOption[] = [];
  for (const { node } of new ReferenceTracker(globalScope).iterateEsmReferences(traceMap)) {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
    for (const argument of node.arguments) {
      const object = objectLiteralArgument(argument);
      const option = object && retryOption(sourceCode, object);
      if (option) options.push(option);
    }
  }
  return options;
}
