/**
 * Classes that extend a stream client, `class Feed extends EventSource { … }`: each `new Feed(url)`
 * opens a stream as `new EventSource(url)` does. Public code does this to add methods to the
 * stream, or to put headers into the query string (reduced in tests/analysis/stream-sources.test.ts).
 *
 * Only a subclass that hands its arguments to the base class unchanged counts, because every
 * analysis reads an opening's arguments as the client's own (the URL first, then the options):
 * a class without a constructor of its own, or one whose single `super(…)` passes its
 * parameters on in order (`constructor(url, init) { super(url, init); … }`). A constructor that
 * changes them (`super(url + query)`) leaves `new Feed(…)`'s arguments unlike the client's, so
 * such a class is not followed: a false negative, never a wrong URL or option. The class and
 * its `new` must be in one file; type-aware mode follows subclasses across files
 * (`typed/stream-openings.ts`).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipTransparentParents } from './functions.js';
import type { ClassNode } from './stream-openers.js';
import type { StreamOpening, StreamSource } from './stream-sources.js';

/** How far a chain of subclasses (`class B extends A`, `class A extends EventSource`) is followed. */
const MAX_SUBCLASS_DEPTH = 8;

/** A read of a stream client's constructor, as the reference tracker found it. */
export interface ClientRead {
  node: TSESTree.Node;
  source: StreamSource;
}

/** The class whose `extends` clause is `node`, if it is one. */
export function extendedBy(node: TSESTree.Node): ClassNode | null {
  const outer = skipTransparentParents(node);
  const parent = outer.parent;
  return (parent?.type === 'ClassDeclaration' || parent?.type === 'ClassExpression') && parent.superClass === outer ? parent : null;
}

/**
 * The declaration that binds a read of the client to a name, where the tracker reports the read
 * once and not each use of the name: an import (`import { EventSourcePolyfill } from …`), a
 * `const` (`const ES = require('eventsource')`, `const Native = window.EventSource`), or one
 * property of a destructuring (`const { EventSource } = require('eventsource')`).
 */
function bindingDeclaration(node: TSESTree.Node): TSESTree.Node | null {
  if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier') return node;
  const outer = skipTransparentParents(node);
  const parent = outer.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === outer && parent.id.type === 'Identifier') return parent;
  if (node.type === 'Property' && node.value.type === 'Identifier' && parent?.type === 'ObjectPattern') {
    const declarator = parent.parent;
    return declarator?.type === 'VariableDeclarator' && declarator.id === parent ? declarator : null;
  }
  return null;
}

/** Whether a read the tracker reports may lead to a subclass: an `extends` clause, or a declaration that names the client. */
export function mayLeadToSubclass(node: TSESTree.Node): boolean {
  return extendedBy(node) !== null || bindingDeclaration(node) !== null;
}

/** The places a read stands for: itself, or each use of the name a declaration binds it to (`follow` keeps the `extends` clauses). */
function extendsClauses(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] {
  const declaration = bindingDeclaration(node);
  if (!declaration) return [node];
  // A destructuring declares a variable per property: only the one bound to this property reads the client.
  const name = node.type === 'Property' && node.value.type === 'Identifier' ? node.value.name : null;
  return (sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [])
    .filter((variable) => name === null || variable.name === name)
    .flatMap((variable) => variable.references)
    .map((reference) => reference.identifier);
}

/** The name a parameter binds, for a plain parameter (`url`, `url: string`, `readonly url: string`). */
function parameterName(parameter: TSESTree.Parameter): string | null {
  const bound = parameter.type === 'TSParameterProperty' ? parameter.parameter : parameter;
  return bound.type === 'Identifier' ? bound.name : null;
}

/** The `super(…)` call among a constructor body's own statements; null when there is none, or only a conditional one. */
function superCallOf(body: TSESTree.BlockStatement): TSESTree.CallExpression | null {
  for (const statement of body.body) {
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression' && statement.expression.callee.type === 'Super') {
      return statement.expression;
    }
  }
  return null;
}

/** Whether `new C(…args)` hands `args` to the base class's constructor as they are. */
function forwardsArguments(classNode: ClassNode): boolean {
  const constructor = classNode.body.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.kind === 'constructor',
  );
  if (!constructor) return true;
  const { params, body } = constructor.value;
  const call = body ? superCallOf(body) : null;
  if (!call) return false;
  return call.arguments.every((argument, index) => {
    const parameter = params[index];
    if (!parameter) return false;
    if (argument.type === 'SpreadElement') {
      // `constructor(...args) { super(...args); }`
      return parameter.type === 'RestElement' && parameter.argument.type === 'Identifier' && argument.argument.type === 'Identifier' && argument.argument.name === parameter.argument.name;
    }
    return argument.type === 'Identifier' && parameterName(parameter) === argument.name;
  });
}

/** The variables a class is known by in its file: its declared name, or the `const` it is assigned to. */
function classVariables(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): TSESLint.Scope.Variable[] {
  const { scopeManager } = sourceCode;
  if (!scopeManager) return [];
  const own = scopeManager.getDeclaredVariables(classNode);
  const declarator = skipTransparentParents(classNode).parent;
  const assigned =
    classNode.type === 'ClassExpression' && declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier'
      ? scopeManager.getDeclaredVariables(declarator)
      : [];
  return [...own, ...assigned];
}

/** The source a subclass opens: its base's, under a label that names both. */
function subclassSource(name: string, base: StreamSource): StreamSource {
  return { ...base, label: `\`${name}\` (extends ${base.label})`, subclass: name };
}

/**
 * The openings made through subclasses of the stream clients read at `reads`: each `new Sub(…)`
 * of a class of this file that extends one (directly or through other such classes) and hands
 * its arguments on unchanged.
 */
export function subclassOpenings(sourceCode: Readonly<TSESLint.SourceCode>, reads: readonly ClientRead[]): StreamOpening[] {
  const openings: StreamOpening[] = [];
  const visited = new Set<ClassNode>();
  const follow = (node: TSESTree.Node, base: StreamSource, depth: number): void => {
    const classNode = extendedBy(node);
    if (!classNode || visited.has(classNode) || depth > MAX_SUBCLASS_DEPTH || !forwardsArguments(classNode)) return;
    visited.add(classNode);
    for (const variable of classVariables(sourceCode, classNode)) {
      const source = subclassSource(variable.name, base);
      // A write (`let Feed = …`, `Feed = other`) is neither a `new` nor an `extends` clause: `follow` passes over it.
      for (const reference of variable.references) {
        const use = skipTransparentParents(reference.identifier);
        const parent = use.parent;
        if (parent?.type === 'NewExpression' && parent.callee === use) openings.push({ node: parent, source });
        else follow(reference.identifier, base, depth + 1);
      }
    }
  };
  // Only a class's reads are traced (`traceEntry`), so every base here is one.
  for (const read of reads) {
    for (const clause of extendsClauses(sourceCode, read.node)) follow(clause, read.source, 1);
  }
  return openings;
}
