/**
 * Which local function a call runs: a function of the file (see `resolveLocalFunction`), or a
 * method of the Vue options object that `this` stands for (`this.disconnect()` calling
 * `methods: { disconnect() {} }`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode } from '../functions.js';
import { staticPropertyName, unwrapExpression } from '../reconnect/access-paths.js';
import { resolveLocalFunction } from '../reconnect/local-functions.js';
import { objectOfThis } from './holder-paths.js';

function propertyName(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === 'Identifier') return property.key.name;
  return property.key.type === 'Literal' && typeof property.key.value === 'string' ? property.key.value : null;
}

/** The function-valued property `name` of an options object, directly or in its `methods` group. */
export function optionsMethod(object: TSESTree.ObjectExpression, name: string): FunctionNode | null {
  for (const property of object.properties) {
    if (property.type !== 'Property') continue;
    const key = propertyName(property);
    const value = unwrapExpression(property.value);
    if (key === name && isFunctionNode(value)) return value;
    if (key === 'methods' && value.type === 'ObjectExpression') {
      const method = optionsMethod(value, name);
      if (method) return method;
    }
  }
  return null;
}

/** The local function that calling `callee` runs, or null when it is not one this file defines. */
export function resolveCallee(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): FunctionNode | null {
  const local = resolveLocalFunction(sourceCode, callee);
  if (local) return local;
  const node = unwrapExpression(callee);
  if (node.type !== 'MemberExpression') return null;
  const object = unwrapExpression(node.object);
  const name = staticPropertyName(node);
  if (object.type !== 'ThisExpression' || name === null) return null;
  const options = objectOfThis(object);
  return options ? optionsMethod(options, name) : null;
}
