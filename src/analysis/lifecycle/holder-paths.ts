/**
 * Names under which a stream value is kept: a variable (`es`), a property path from one
 * (`esRef.current`, `es.value`), or a property path from `this` inside a class
 * (`this.es`) or inside a Vue options object (`mounted() { this.es = … }`, where `this` is
 * the component that the options object describes).
 *
 * The class and variable cases are the reconnect analysis's access paths; this module adds
 * the options-object `this`, which lifecycle code needs and reconnect code does not.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, skipTransparentParents } from '../functions.js';
import {
  type AccessPath,
  accessPathOf,
  classBodyOfThis,
  pathOccurrences,
  staticPropertyName,
} from '../reconnect/access-paths.js';
import { walkTree } from '../reconnect/walk.js';

export interface HolderPath {
  /** The variable the path starts from, or what `this` is: a class body or a Vue options object. */
  root: TSESLint.Scope.Variable | TSESTree.ClassBody | TSESTree.ObjectExpression;
  properties: readonly string[];
}

/** Properties of a Vue options object whose own object literals hold methods bound to the component. */
const VUE_METHOD_GROUPS = new Set(['methods', 'computed', 'watch']);

/**
 * The object whose `this` a method of `object` sees: `object` itself, or, for a method in a
 * Vue `methods`/`computed`/`watch` group, the options object around the group.
 */
export function optionsObjectOf(object: TSESTree.ObjectExpression): TSESTree.ObjectExpression {
  const group = object.parent;
  if (
    group?.type === 'Property' &&
    group.value === object &&
    !group.computed &&
    group.key.type === 'Identifier' &&
    VUE_METHOD_GROUPS.has(group.key.name) &&
    group.parent.type === 'ObjectExpression'
  ) {
    return group.parent;
  }
  return object;
}

function isObjectRoot(root: HolderPath['root']): root is TSESTree.ObjectExpression {
  return 'type' in root && root.type === 'ObjectExpression';
}

/**
 * The object literal whose method `this` is called as, when `node` sits in a method (or
 * `key: function () {}`) of one, arrows in between keeping `this`. In Vue's `methods: {}`,
 * `computed: {}` and `watch: {}` groups, `this` is the component, so the answer is the
 * options object around the group.
 */
export function objectOfThis(node: TSESTree.ThisExpression): TSESTree.ObjectExpression | null {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === 'ArrowFunctionExpression') continue;
    if (current.type === 'FunctionExpression') {
      const property = current.parent;
      if (property?.type !== 'Property' || property.value !== current || property.parent.type !== 'ObjectExpression') {
        return null;
      }
      return optionsObjectOf(property.parent);
    }
    if (
      isFunctionNode(current) ||
      current.type === 'ClassBody' ||
      current.type === 'PropertyDefinition' ||
      current.type === 'StaticBlock'
    ) {
      return null;
    }
  }
  return null;
}

/** The instance a `this` stands for: a class body's, or a Vue options object's. */
export function thisOwner(node: TSESTree.ThisExpression): TSESTree.ClassBody | TSESTree.ObjectExpression | null {
  return classBodyOfThis(node) ?? objectOfThis(node);
}

/** The path an expression reads, when it is a variable or a chain of static properties from a variable or from `this`. */
export function holderPathOf(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): HolderPath | null {
  return accessPathOf(sourceCode, expression, thisOwner);
}

/** The variable a path starts from; null when it starts from `this`. */
export function rootVariable(path: HolderPath): TSESLint.Scope.Variable | null {
  return 'scope' in path.root ? path.root : null;
}

export function sameHolder(a: HolderPath, b: HolderPath): boolean {
  return (
    a.root === b.root &&
    a.properties.length === b.properties.length &&
    a.properties.every((property, index) => property === b.properties[index])
  );
}

export function includesHolder(paths: readonly HolderPath[], path: HolderPath | null): boolean {
  return path !== null && paths.some((known) => sameHolder(known, path));
}

/** The module-level (or undeclared global) variable a path starts from: code anywhere on the page shares it. */
export function isModuleLevelHolder(path: HolderPath): boolean {
  if (!('scope' in path.root)) return false;
  const type = path.root.scope.type;
  return type === 'module' || type === 'global';
}

const objectMembersCache = new WeakMap<TSESTree.ObjectExpression, Map<string, TSESTree.MemberExpression[]>>();

/** Every `this.name` inside an options object that refers to the component it describes, by name. */
function objectThisMembers(
  object: TSESTree.ObjectExpression,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): Map<string, TSESTree.MemberExpression[]> {
  let members = objectMembersCache.get(object);
  if (members) return members;
  members = new Map();
  const found = members;
  walkTree(object, visitorKeys, (node) => {
    if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') return;
    const name = staticPropertyName(node);
    if (name === null || objectOfThis(node.object) !== object) return;
    const list = found.get(name) ?? [];
    list.push(node);
    found.set(name, list);
  });
  objectMembersCache.set(object, members);
  return members;
}

/** The member expression that continues `node` with `properties`, if the code does. */
function extendWith(node: TSESTree.Node, properties: readonly string[]): TSESTree.Node | null {
  let current: TSESTree.Node = node;
  for (const property of properties) {
    const outer = skipTransparentParents(current);
    const parent = outer.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== outer) return null;
    if (staticPropertyName(parent) !== property) return null;
    current = parent;
  }
  return current;
}

/** Every place that reads or writes the path, each as its outermost node, in source order. */
export function holderOccurrences(sourceCode: Readonly<TSESLint.SourceCode>, path: HolderPath): TSESTree.Node[] {
  if (!isObjectRoot(path.root)) return pathOccurrences(sourceCode, path as AccessPath);
  const [first, ...rest] = path.properties;
  const occurrences: TSESTree.Node[] = [];
  for (const member of objectThisMembers(path.root, sourceCode.visitorKeys).get(first ?? '') ?? []) {
    const node = extendWith(member, rest);
    if (node) occurrences.push(node);
  }
  return occurrences.sort((a, b) => a.range[0] - b.range[0]);
}

/** How code names the path: `es`, `esRef.current`, `this.es`, `this.#es`; null when a name is not an identifier. */
export function holderText(path: HolderPath): string | null {
  const start = 'scope' in path.root ? path.root.name : 'this';
  let text = start;
  for (const property of path.properties) {
    if (property.startsWith('#') && /^#[A-Za-z_$][\w$]*$/.test(property)) text += `.${property}`;
    else if (/^[A-Za-z_$][\w$]*$/.test(property)) text += `.${property}`;
    else return null;
  }
  return text;
}
