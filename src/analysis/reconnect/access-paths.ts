/**
 * Names for values that code reaches from more than one place: a variable (`es`), a property
 * path from a variable (`esRef.current`), or a property path from `this` within one class
 * (`this.es`). The stream an error handler listens to, the counter a limit compares and the
 * delay that doubles are each found by asking where else the same path is read or written.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { skipTransparentParents } from '../functions.js';
import { type VisitorKeys, walkTree } from './walk.js';

export interface AccessPath {
  /** The variable the path starts from, or the class body whose instance `this` it starts from. */
  root: TSESLint.Scope.Variable | TSESTree.ClassBody;
  properties: readonly string[];
}

/** Strips wrappers that leave a value as it is: `x!`, `x as T`, `<T>x`, `x satisfies T`, an optional chain. */
export function unwrapExpression(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'ChainExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** `a.b`, `a['b']`, `` a[`b`] `` and `this.#b` name their property statically; `a[key]` does not. */
export function staticPropertyName(member: TSESTree.MemberExpression): string | null {
  const property = member.property;
  if (!member.computed) {
    if (property.type === 'Identifier') return property.name;
    return property.type === 'PrivateIdentifier' ? `#${property.name}` : null;
  }
  if (property.type === 'Literal' && typeof property.value === 'string') return property.value;
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) return property.quasis[0]!.value.cooked;
  return null;
}

/**
 * The name a class member's or object property's key gives statically, as `staticPropertyName`
 * reads it from `this.x`, `this['x']` and `this.#x`: `x`, `'x'`, `` [`x`] `` and `#x`.
 */
export function staticKeyName(member: {
  key: TSESTree.Expression | TSESTree.PrivateIdentifier;
  computed: boolean;
}): string | null {
  const key = member.key;
  if (key.type === 'Identifier') return member.computed ? null : key.name;
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  if (member.computed && key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]!.value.cooked;
  return null;
}

/**
 * The class body whose instance a `this` refers to: inside a method, an instance field
 * initialiser, or arrows within them. Null elsewhere (a plain `function` rebinds `this`;
 * static members see the class itself).
 */
export function classBodyOfThis(node: TSESTree.ThisExpression): TSESTree.ClassBody | null {
  let child: TSESTree.Node = node;
  for (let current: TSESTree.Node | undefined = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case 'FunctionExpression':
      case 'FunctionDeclaration': {
        const method = current.parent;
        const isInstanceMethod = method?.type === 'MethodDefinition' && method.value === current && !method.static;
        return isInstanceMethod ? method.parent : null;
      }
      case 'PropertyDefinition':
      case 'AccessorProperty':
        return !current.static && current.value === child ? current.parent : null;
      case 'StaticBlock':
        return null;
      default:
        break;
    }
  }
  return null;
}

/**
 * The path an expression reads, when it is a variable or a chain of static properties from one
 * or from `this`. `ownerOfThis` says what a `this` stands for (by default the class body it is
 * in); a path from a `this` it cannot place is no path.
 */
export function accessPathOf(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): AccessPath | null;
export function accessPathOf<Owner>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  ownerOfThis: (node: TSESTree.ThisExpression) => Owner | null,
): { root: TSESLint.Scope.Variable | Owner; properties: readonly string[] } | null;
export function accessPathOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  ownerOfThis: (node: TSESTree.ThisExpression) => unknown = classBodyOfThis,
): { root: unknown; properties: readonly string[] } | null {
  const properties: string[] = [];
  let node = unwrapExpression(expression);
  while (node.type === 'MemberExpression') {
    const name = staticPropertyName(node);
    if (name === null) return null;
    properties.unshift(name);
    node = unwrapExpression(node.object);
  }
  if (node.type === 'Identifier') {
    const variable = findVariable(sourceCode.getScope(node), node);
    return variable ? { root: variable, properties } : null;
  }
  if (node.type === 'ThisExpression' && properties.length > 0) {
    const owner = ownerOfThis(node);
    return owner ? { root: owner, properties } : null;
  }
  return null;
}

export function isClassRoot(root: AccessPath['root']): root is TSESTree.ClassBody {
  return 'type' in root && root.type === 'ClassBody';
}

export function samePath(a: AccessPath, b: AccessPath): boolean {
  return a.root === b.root && a.properties.length === b.properties.length && a.properties.every((p, i) => p === b.properties[i]);
}

/**
 * Whether the assignment can store its right-hand side: `=`, and the lazy `??=` and `||=` that
 * store it when nothing is there yet (`this.source ??= new EventSource(url)`); not `+=` and the like.
 */
export function storesValue(assignment: TSESTree.AssignmentExpression): boolean {
  return assignment.operator === '=' || assignment.operator === '??=' || assignment.operator === '||=';
}

/** The member expression that reads `property` of `node`, if that is what `node`'s parent does. */
export function memberOf(node: TSESTree.Node, property?: string): TSESTree.MemberExpression | null {
  const outer = skipTransparentParents(node);
  const parent = outer.parent;
  if (parent?.type !== 'MemberExpression' || parent.object !== outer) return null;
  if (property !== undefined && staticPropertyName(parent) !== property) return null;
  return parent;
}

function extend(start: TSESTree.Node, properties: readonly string[]): TSESTree.Node | null {
  let node: TSESTree.Node | null = start;
  for (const property of properties) {
    node = memberOf(node, property);
    if (!node) return null;
  }
  return node;
}

const thisMembersCache = new WeakMap<TSESTree.ClassBody, Map<string, TSESTree.MemberExpression[]>>();

/** Every `this.name` in the class body that reaches its instance, by property name. */
function thisMembers(classBody: TSESTree.ClassBody, visitorKeys: VisitorKeys): Map<string, TSESTree.MemberExpression[]> {
  let members = thisMembersCache.get(classBody);
  if (members) return members;
  const found = new Map<string, TSESTree.MemberExpression[]>();
  walkTree(classBody, visitorKeys, (node) => {
    if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') return;
    const name = staticPropertyName(node);
    if (name === null || classBodyOfThis(node.object) !== classBody) return;
    const list = found.get(name) ?? [];
    list.push(node);
    found.set(name, list);
  });
  members = found;
  thisMembersCache.set(classBody, members);
  return members;
}

/**
 * Every place that reads or writes the path, each as its outermost node (the identifier
 * itself, or the member expression that ends the chain), in source order.
 */
export function pathOccurrences(sourceCode: Readonly<TSESLint.SourceCode>, path: AccessPath): TSESTree.Node[] {
  const occurrences: TSESTree.Node[] = [];
  if (isClassRoot(path.root)) {
    const [first, ...rest] = path.properties;
    for (const member of thisMembers(path.root, sourceCode.visitorKeys).get(first ?? '') ?? []) {
      const node = extend(member, rest);
      if (node) occurrences.push(node);
    }
  } else {
    for (const reference of path.root.references) {
      const node = extend(reference.identifier, path.properties);
      if (node) occurrences.push(node);
    }
  }
  return occurrences.sort((a, b) => a.range[0] - b.range[0]);
}
