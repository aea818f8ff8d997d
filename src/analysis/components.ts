/**
 * What counts as a component, a class component, a hook and a context provider, where a
 * component is rendered, and whether an expression depends on a component's props or a
 * hook's arguments. Code inside a component or hook runs once per mounted instance (or
 * per call of the hook), so a stream opened there is multiplied by the number of instances.
 *
 * Shared by the rules and the codemod: they must agree on what a component is.
 *
 * Recognition is by shape, as React's own lint rules do: a function component has a
 * PascalCase name and shows that it renders (JSX, `createElement`/`h`, a hook call, or a
 * `memo`/`forwardRef` wrapper); a class component extends `Component`/`PureComponent`;
 * a hook is a function named `use` followed by an uppercase letter or a digit.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, findVariable } from './eslint-utils.js';
import { unwrapExpression } from './reconnect/access-paths.js';
import { walkTree } from './reconnect/walk.js';
import {
  type FunctionNode,
  argumentParameters,
  calleeName,
  functionName,
  isFunctionNode,
  isWrappedAsComponent,
  outermostComponentWrapper,
  skipTransparentParents,
} from './functions.js';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export interface FunctionComponent {
  kind: 'component';
  node: FunctionNode;
  name: string;
}

export interface ClassComponent {
  kind: 'class-component';
  node: ClassNode;
  /** The class's name, or the variable it initialises; `null` for an anonymous default export. */
  name: string | null;
}

export interface Hook {
  kind: 'hook';
  node: FunctionNode;
  name: string;
}

export type Component = FunctionComponent | ClassComponent;

/** Code whose every run belongs to one instance: a component (function or class) or a hook. */
export type ComponentOrHook = Component | Hook;

/** `Row`, `UserCard`, `Row2`; not `URL` or `MAX` (constants), not `row`. */
export function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) && /[a-z]/.test(name);
}

/** `useStream`, `use2FA`; not `use` itself (React's built-in), not `user` or `useless`. */
export function isHookName(name: string): boolean {
  return /^use[A-Z0-9]/.test(name);
}

/** Calls that create an element from a component given as their first argument. */
export const ELEMENT_FACTORIES: ReadonlySet<string> = new Set(['createElement', 'h', 'jsx', 'jsxs', 'jsxDEV']);

/** `createElement(X, …)`, `React.createElement(X, …)`, Preact's `h(X, …)`, the JSX runtime's `jsx(X, …)`. */
export function isElementFactoryCall(call: TSESTree.CallExpression): boolean {
  return ELEMENT_FACTORIES.has(calleeName(call.callee) ?? '');
}

/** What a function or class body shows about itself, gathered in one walk. */
interface BodyFacts {
  rendersElements: boolean;
  callsHook: boolean;
  rendersContextProvider: boolean;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The child nodes of `node`, read from its own properties (the parser's visitor keys are not at hand here). */
function childNodes(node: TSESTree.Node): TSESTree.Node[] {
  const children: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children;
}

/** A nested function or class that is a component or hook of its own; its body says nothing about ours. */
function isSeparateUnit(node: TSESTree.Node): boolean {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') return true;
  if (!isFunctionNode(node)) return false;
  const name = functionName(node);
  return name !== null && (isComponentName(name) || isHookName(name));
}

/** `<X.Provider value=…>` or React 19's `<XContext value=…>`. */
function isContextProviderElement(element: TSESTree.JSXOpeningElement): boolean {
  const name = element.name;
  if (name.type === 'JSXMemberExpression') return name.property.name === 'Provider';
  if (name.type !== 'JSXIdentifier' || !name.name.endsWith('Context')) return false;
  return element.attributes.some(
    (attribute) => attribute.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier' && attribute.name.name === 'value',
  );
}

function isProviderFactoryCall(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0];
  return (
    first?.type === 'MemberExpression' &&
    !first.computed &&
    first.property.type === 'Identifier' &&
    first.property.name === 'Provider'
  );
}

const bodyFactsCache = new WeakMap<TSESTree.Node, BodyFacts>();

function bodyFacts(root: TSESTree.Node): BodyFacts {
  const cached = bodyFactsCache.get(root);
  if (cached) return cached;
  const facts: BodyFacts = { rendersElements: false, callsHook: false, rendersContextProvider: false };
  // The root counts too: `const Header = () => <Price />` has a JSX element as its whole body.
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isSeparateUnit(node)) continue;
    switch (node.type) {
      case 'JSXElement':
      case 'JSXFragment':
        facts.rendersElements = true;
        break;
      case 'JSXOpeningElement':
        if (isContextProviderElement(node)) facts.rendersContextProvider = true;
        break;
      case 'CallExpression':
        if (isElementFactoryCall(node)) {
          facts.rendersElements = true;
          if (isProviderFactoryCall(node)) facts.rendersContextProvider = true;
        } else if (isHookName(calleeName(node.callee) ?? '')) {
          facts.callsHook = true;
        }
        break;
      default:
        break;
    }
    stack.push(...childNodes(node));
  }
  bodyFactsCache.set(root, facts);
  return facts;
}

/**
 * The name of the class a class extends: `Component` for `React.Component`, and through mixins,
 * which are calls given the base first: `LitElement` for `SignalWatcher(Localized(LitElement))`.
 */
export function baseClassName(node: ClassNode): string | null {
  let base: TSESTree.Node | null | undefined = node.superClass && unwrapExpression(node.superClass);
  while (base?.type === 'CallExpression') base = base.arguments[0] && unwrapExpression(base.arguments[0]);
  return base ? calleeName(base) : null;
}

/** `Component`, `PureComponent`, `React.Component`, `Preact.PureComponent`, … */
function extendsComponentClass(node: ClassNode): boolean {
  const name = baseClassName(node);
  return name === 'Component' || name === 'PureComponent';
}

function className(node: ClassNode): string | null {
  if (node.id) return node.id.name;
  const parent = skipTransparentParents(node).parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  return null;
}

/** The component or hook that `node` (a function or a class) is, or null when it is neither. */
export function asComponentOrHook(node: TSESTree.Node): ComponentOrHook | null {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') {
    return extendsComponentClass(node) ? { kind: 'class-component', node, name: className(node) } : null;
  }
  if (!isFunctionNode(node)) return null;
  const name = functionName(node);
  if (name === null) return null;
  if (isHookName(name)) return { kind: 'hook', node, name };
  if (!isComponentName(name)) return null;
  // A method of a class (`Render()`) is never a component by itself.
  if (node.parent?.type === 'MethodDefinition') return null;
  if (isWrappedAsComponent(node)) return { kind: 'component', node, name };
  const facts = bodyFacts(node.body);
  return facts.rendersElements || facts.callsHook ? { kind: 'component', node, name } : null;
}

/**
 * The nearest component or hook whose code holds `node`, counting `node` itself: code in
 * its nested callbacks, handlers and class methods runs per instance too. Null when none.
 */
export function enclosingComponentOrHook(node: TSESTree.Node): ComponentOrHook | null {
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if (isFunctionNode(current) || current.type === 'ClassDeclaration' || current.type === 'ClassExpression') {
      const unit = asComponentOrHook(current);
      if (unit) return unit;
    }
  }
  return null;
}

/** The `render()` method of a class component, whose body tells what it renders. */
function renderMethod(node: ClassNode): TSESTree.Node | null {
  for (const member of node.body.body) {
    if (
      (member.type === 'MethodDefinition' || member.type === 'PropertyDefinition') &&
      !member.computed &&
      member.key.type === 'Identifier' &&
      member.key.name === 'render' &&
      member.value
    ) {
      return member.value;
    }
  }
  return null;
}

/**
 * A context provider: named `…Provider`, or rendering `<X.Provider value=…>` /
 * `<XContext value=…>`. Such a component is mounted once near the root and shares
 * what it opens with everything below it.
 */
export function isProvider(component: Component): boolean {
  if (component.name?.endsWith('Provider')) return true;
  const body = component.kind === 'component' ? component.node.body : renderMethod(component.node);
  return body !== null && bodyFacts(body).rendersContextProvider;
}

/** The variable that names a component or hook, through which the rest of the file uses it. */
export function bindingOf(sourceCode: Readonly<TSESLint.SourceCode>, unit: ComponentOrHook): TSESLint.Scope.Variable | null {
  let declaration: TSESTree.Node;
  let name: string | null;
  if (unit.node.type === 'FunctionDeclaration' || unit.node.type === 'ClassDeclaration') {
    declaration = unit.node;
    name = unit.node.id?.name ?? null;
  } else {
    let node: TSESTree.Node = skipTransparentParents(unit.node);
    // `const Row = memo(function Row() {})`: the wrapper's result is what the file renders.
    while (node.parent?.type === 'CallExpression' && node.parent.arguments[0] === node) {
      node = skipTransparentParents(node.parent);
    }
    const parent = node.parent;
    if (parent?.type !== 'VariableDeclarator' || parent.init !== node || parent.id.type !== 'Identifier') return null;
    declaration = parent;
    name = parent.id.name;
  }
  if (name === null) return null;
  // A class declaration also declares its name inside its own scope; callers see the outer one.
  const variables = sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? [];
  return variables.find((variable) => variable.name === name && variable.scope.block !== declaration) ?? null;
}

export interface RenderSite {
  /** `<Row …>` (the opening element) or `createElement(Row, …)`. */
  node: TSESTree.JSXOpeningElement | TSESTree.CallExpression;
}

/** The variable a reference initialises as an alias: `const Row = memo(RowImpl)`, `const Alias = Row`. */
function aliasVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Node,
): TSESLint.Scope.Variable | null {
  const node = outermostComponentWrapper(identifier);
  const parent = node.parent;
  if (parent?.type !== 'VariableDeclarator' || parent.init !== node || parent.id.type !== 'Identifier') return null;
  const name = parent.id.name;
  return sourceCode.scopeManager?.getDeclaredVariables(parent).find((variable) => variable.name === name) ?? null;
}

/**
 * Every place in the file that renders the component bound to `variable`: JSX elements
 * and element-factory calls, found through scope analysis (a shadowed name does not count),
 * also through aliases such as `const Row = memo(RowImpl)`.
 */
export function renderSites(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): RenderSite[] {
  const sites = new Set<RenderSite['node']>();
  const seen = new Set<TSESLint.Scope.Variable>();
  const pending = [variable];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    for (const element of unreferencedJsxElements(sourceCode, current)) sites.add(element);
    for (const reference of current.references) {
      if (!reference.isRead()) continue;
      const identifier = reference.identifier as TSESTree.Node;
      const parent = identifier.parent;
      if (identifier.type === 'JSXIdentifier') {
        if (parent?.type === 'JSXOpeningElement' && parent.name === identifier) sites.add(parent);
        continue;
      }
      if (parent?.type === 'CallExpression' && parent.arguments[0] === identifier && isElementFactoryCall(parent)) {
        sites.add(parent);
        continue;
      }
      const alias = aliasVariable(sourceCode, identifier);
      if (alias) pending.push(alias);
    }
  }
  return [...sites].sort((a, b) => a.range[0] - b.range[0]).map((node) => ({ node }));
}

const jsxElementsByFile = new WeakMap<Readonly<TSESLint.SourceCode>, TSESTree.JSXOpeningElement[]>();

/**
 * The JSX elements `<Name …>` that render `variable` without being among its references.
 * ESLint 10's scope analysis (and typescript-eslint's) records `<Row />` as a reference to
 * `Row`; ESLint 9's espree scope analysis records none, so there the elements are found by
 * name and kept only where that name resolves to `variable` (a shadowing binding does not count).
 */
function unreferencedJsxElements(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): TSESTree.JSXOpeningElement[] {
  let elements = jsxElementsByFile.get(sourceCode);
  if (!elements) {
    const found: TSESTree.JSXOpeningElement[] = [];
    walkTree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      // `<row />` is an intrinsic element (`createElement('row')`), never a variable: only a
      // capitalised name (or one with `_`/`$` first) refers to one, as JSX compiles them.
      if (node.type === 'JSXOpeningElement' && node.name.type === 'JSXIdentifier' && !/^[a-z]/.test(node.name.name)) found.push(node);
    });
    elements = found;
    jsxElementsByFile.set(sourceCode, elements);
  }
  const referenced = new Set(variable.references.map((reference) => reference.identifier as TSESTree.Node));
  return elements.filter(
    (element) =>
      element.name.type === 'JSXIdentifier' &&
      element.name.name === variable.name &&
      !referenced.has(element.name) &&
      findVariable(sourceCode.getScope(element), variable.name) === variable,
  );
}

export interface ParameterDependency {
  /**
   * For a component, the prop: `id` for `props.id`, `{ id }`, `{ id: rowId }` and
   * `this.props.id` (`props` when the whole object is used). For a hook or function, the
   * parameter's name, or its top-level key when the parameter is destructured.
   */
  name: string;
  /** Which parameter it comes from; 0 for a class component's `this.props`. */
  index: number;
}

export interface DependencyOptions {
  /**
   * The argument expressions passed for parameter `index` of `fn`, when `fn` is not the
   * owner: lets a caller follow a value through helper calls it knows about
   * (`connect(id)` → `function connect(topic) { new EventSource(topic) }`).
   */
  argumentsOf?: (fn: FunctionNode, index: number) => readonly TSESTree.Node[];
}

/** The references made inside `node` to variables declared outside it. */
function outsideReferences(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESLint.Scope.Reference[] {
  const scope = sourceCode.getScope(node);
  if (scope.block === node) return [...scope.through];
  const [start, end] = node.range;
  const within = (range: readonly [number, number]): boolean => range[0] >= start && range[1] <= end;
  const references = scope.references.filter((reference) => within(reference.identifier.range));
  for (const child of scope.childScopes) {
    if (within(child.block.range)) references.push(...child.through);
  }
  return references;
}

/** The parameter of `fn` that holds `name` (the parameter itself, or the pattern it is destructured from). */
function parameterRoot(fn: FunctionNode, name: TSESTree.Node): { root: TSESTree.Parameter; index: number } | null {
  let node: TSESTree.Node = name;
  while (node.parent && node.parent !== fn) node = node.parent;
  const index = argumentParameters(fn).indexOf(node as TSESTree.Parameter);
  return index === -1 ? null : { root: node as TSESTree.Parameter, index };
}

/** The key under which `name` is taken from the top-level object pattern `root`, if it is. */
function topLevelKey(root: TSESTree.Node, name: TSESTree.Node): string | null {
  let pattern: TSESTree.Node = root;
  if (pattern.type === 'AssignmentPattern') pattern = pattern.left;
  if (pattern.type === 'TSParameterProperty') return null;
  if (pattern.type !== 'ObjectPattern') return null;
  for (let node: TSESTree.Node | undefined = name; node && node !== pattern; node = node.parent) {
    if (node.parent?.type === 'Property' && node.parent.parent === pattern && node.parent.value === node) {
      const key = node.parent.key;
      if (node.parent.computed) return null;
      if (key.type === 'Identifier') return key.name;
      if (key.type === 'Literal') return String(key.value);
      return null;
    }
  }
  return null;
}

/** The property read directly off `object` (`object.id`, `object['id']`), if any. */
function memberNameOf(object: TSESTree.Node): string | null {
  const parent = object.parent;
  if (parent?.type !== 'MemberExpression' || parent.object !== object) return null;
  if (!parent.computed && parent.property.type === 'Identifier') return parent.property.name;
  if (parent.computed && parent.property.type === 'Literal' && typeof parent.property.value === 'string') {
    return parent.property.value;
  }
  return null;
}

function isThisProps(node: TSESTree.Node): node is TSESTree.MemberExpression {
  return (
    node.type === 'MemberExpression' &&
    node.object.type === 'ThisExpression' &&
    !node.computed &&
    node.property.type === 'Identifier' &&
    node.property.name === 'props'
  );
}

/** `this.props` reads inside `node`, skipping `function`s and classes, where `this` is another object. */
function thisPropsReads(node: TSESTree.Node): TSESTree.MemberExpression[] {
  const found: TSESTree.MemberExpression[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (isThisProps(current)) {
      found.push(current);
      continue;
    }
    for (const child of childNodes(current)) {
      const ownThis =
        child.type === 'ClassDeclaration' ||
        child.type === 'ClassExpression' ||
        ((child.type === 'FunctionDeclaration' || child.type === 'FunctionExpression') &&
          child.parent?.type !== 'MethodDefinition');
      if (!ownThis) stack.push(child);
    }
  }
  return found;
}

/** The key a variable is destructured under, when it is declared as `{ key: name }` / `{ name }`. */
function destructuredKey(variable: TSESLint.Scope.Variable): string | null {
  const definition = variable.defs[0];
  if (definition?.type !== DefinitionType.Variable) return null;
  const declarator = definition.node;
  if (declarator.type !== 'VariableDeclarator') return null;
  return topLevelKey(declarator.id, definition.name);
}

function isModuleLevel(variable: TSESLint.Scope.Variable): boolean {
  return variable.scope.type === 'module' || variable.scope.type === 'global';
}

/**
 * Which of the owner's props (component) or arguments (hook, function) the value of
 * `expression` depends on, following local variables to their assignments, functions and
 * memo callbacks to what they close over, and (with `argumentsOf`) helper parameters to
 * the arguments they are called with. Module-level state is not an instance's input and
 * ends the search. Sorted by name, each name once.
 */
export function parameterDependencies(
  sourceCode: Readonly<TSESLint.SourceCode>,
  expression: TSESTree.Node,
  owner: ComponentOrHook | FunctionNode,
  options: DependencyOptions = {},
): ParameterDependency[] {
  const unit = 'kind' in owner ? owner : null;
  const ownerFunction: FunctionNode | null = unit ? (unit.kind === 'class-component' ? null : unit.node) : (owner as FunctionNode);
  const propsObject = unit !== null && unit.kind !== 'hook';
  const classNode = unit?.kind === 'class-component' ? unit.node : null;

  const found = new Map<string, ParameterDependency>();
  const record = (name: string, index: number): void => {
    if (!found.has(name)) found.set(name, { name, index });
  };

  /** Whether `fn` receives the owner's inputs: the owner itself, or a class component's constructor. */
  const isOwnerInput = (fn: TSESTree.Node): boolean =>
    fn === ownerFunction ||
    (classNode !== null &&
      fn.parent?.type === 'MethodDefinition' &&
      fn.parent.kind === 'constructor' &&
      fn.parent.parent.parent === classNode);

  // Each pending value carries the key it is destructured under, if the variable that
  // holds it was declared as `const { key } = value`.
  const pending: { node: TSESTree.Node; key: string | null }[] = [{ node: expression, key: null }];
  // One node may be visited under several keys: `const { id, topic } = props`.
  const seenNodes = new Map<TSESTree.Node, Set<string | null>>();
  const seenVariables = new Set<TSESLint.Scope.Variable>();

  while (pending.length > 0) {
    const { node, key } = pending.pop()!;
    const keys = seenNodes.get(node) ?? new Set<string | null>();
    if (keys.has(key)) continue;
    keys.add(key);
    seenNodes.set(node, keys);

    if (classNode) {
      for (const read of thisPropsReads(node)) record(memberNameOf(read) ?? (read === node ? key : null) ?? 'props', 0);
    }

    for (const reference of outsideReferences(sourceCode, node)) {
      const variable = reference.resolved;
      const definition = variable?.defs[0];
      if (!variable || !definition) continue;

      if (definition.type === DefinitionType.Parameter) {
        const fn = definition.node as FunctionNode;
        const parameter = parameterRoot(fn, definition.name);
        if (!parameter) continue;
        if (isOwnerInput(fn)) {
          const identifier = reference.identifier as TSESTree.Node;
          const destructured = topLevelKey(parameter.root, definition.name);
          const whole = identifier === node ? key : null;
          const name =
            destructured ??
            (propsObject && parameter.index === 0 ? (memberNameOf(identifier) ?? whole) : null) ??
            variable.name;
          record(name, parameter.index);
        } else if (options.argumentsOf) {
          for (const argument of options.argumentsOf(fn, parameter.index)) pending.push({ node: argument, key: null });
        }
        continue;
      }

      if (isModuleLevel(variable) || seenVariables.has(variable)) continue;
      seenVariables.add(variable);
      const heldKey = destructuredKey(variable);
      for (const write of variable.references) {
        if (write.writeExpr) pending.push({ node: write.writeExpr, key: heldKey });
      }
      if (definition.type === DefinitionType.FunctionName) {
        pending.push({ node: definition.node, key: null });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

