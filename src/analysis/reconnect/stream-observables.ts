/**
 * Which RxJS observables open a stream each time they are subscribed to, so that an operator
 * that re-subscribes (`retry`) re-opens the stream: the reconnect of RxJS code.
 *
 * An observable opens a stream on subscription when code that runs per subscription opens
 * one (directly, through a local function that opens, or by `new` of a class that does):
 * - the subscribe function of `new Observable(fn)` / `Observable.create(fn)`;
 * - the factory of `defer(fn)`, or the observable it returns;
 * - either factory of `using(resourceFactory, observableFactory)`;
 * - a flattening operator's callback (`switchMap(url => …)`), re-run for each value of a
 *   source that is itself subscribed again.
 * The observable is followed through what carries it unchanged as far as re-subscription
 * goes: `.pipe(…)` chains, `merge`/`concat`/`combineLatest`/… of it, `const x$ = …`
 * variables, `this.x$` properties, and calls of local functions and methods that return it.
 * A call of a `wrappers` opener used as an observable (`liveFeed(url).pipe(…)`) counts too:
 * it is how a factory from another file is declared.
 *
 * With type information, an imported name is followed into the file that declares it: an
 * observable `const` (`orders$.pipe(retry())`) or a function that returns one
 * (`events('/feed').pipe(retry())`), read there by the same rules.
 *
 * `fromEvent(es, 'message')` on a stream opened once is not one: re-subscribing attaches
 * listeners to the same connection again and opens nothing.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../eslint-utils.js';
import { type FunctionNode, isFunctionNode, skipTransparentParents } from '../functions.js';
import { type StreamOpeners, getStreamOpeners } from '../stream-openers.js';
import { type StreamOpening, type StreamWrapper, getStreamOpenings } from '../stream-sources.js';
import { PerWrappersCache } from '../wrappers-cache.js';
import { classBodyOfThis, pathOccurrences, staticKeyName, staticPropertyName, storesValue, unwrapExpression } from './access-paths.js';
import { resolveLocalFunction } from './local-functions.js';
import { reopenPointsIn } from './reopen-points.js';
import { type RxjsExport, type RxjsReferences, getRxjsReferences } from './rxjs-references.js';
import { walkTree } from './walk.js';

/** How many steps (variables, pipes, calls) an observable is followed back; deeper chains stay unknown. */
const MAX_STEPS = 24;

const COMBINATORS: ReadonlySet<RxjsExport> = new Set(['merge', 'concat', 'race', 'combineLatest', 'zip', 'forkJoin']);
/** Operators whose callback returns the observable they subscribe to. */
const FLATTENING: ReadonlySet<RxjsExport> = new Set(['mergeMap', 'flatMap', 'concatMap', 'switchMap', 'exhaustMap']);
/** Operators given an observable that they subscribe to. */
const JOINING: ReadonlySet<RxjsExport> = new Set(['mergeWith', 'concatWith', 'mergeMapTo', 'concatMapTo', 'switchMapTo']);

/** The `.pipe` member that `x.pipe(…)` calls, or null for any other call. */
export function pipeCallOf(call: TSESTree.CallExpression): TSESTree.MemberExpression | null {
  const callee = unwrapExpression(call.callee);
  return callee.type === 'MemberExpression' && staticPropertyName(callee) === 'pipe' ? callee : null;
}

/** The value a write reference stores as it is: `const x$ = value`, `x$ = value` or `x$ ??= value`, not `+=`, destructuring or `for…of`. */
function storedValue(reference: TSESLint.Scope.Reference): TSESTree.Node | null {
  const value = reference.writeExpr;
  const parent = reference.identifier.parent;
  if (!value || !parent) return null;
  if (parent.type === 'VariableDeclarator') return parent.id === reference.identifier && parent.init === value ? value : null;
  if (parent.type === 'AssignmentExpression') return parent.left === reference.identifier && storesValue(parent) ? value : null;
  return null;
}

/** An imported name's declaration in the project file that declares it (type-aware mode). */
export interface DeclarationElsewhere {
  sourceCode: Readonly<TSESLint.SourceCode>;
  fileName: string;
  node: TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration;
}

/** How imports are followed: `typed/imported-values.ts` through the program, and the `wrappers` option. */
export interface ImportFollowing {
  resolve(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): DeclarationElsewhere | null;
  wrappers: readonly StreamWrapper[];
}

const observablesElsewhere = new PerWrappersCache<Readonly<TSESLint.SourceCode>, StreamObservables>();
/** The file each opening found through an import was read in; the linted file's own are not here. */
const fileOfOpening = new WeakMap<StreamOpening, string>();

/** The declaring file's name when `opening` was reached through an import; undefined for the linted file's own. */
export function fileOfImportedOpening(opening: StreamOpening): string | undefined {
  return fileOfOpening.get(opening);
}

/** The name by which code of the declaring file denotes the declaration: `x` of `const x = …`, the function itself when it has none. */
export function declaredName(declared: DeclarationElsewhere): TSESTree.Node {
  return declared.node.id ?? declared.node;
}

/** The observables of a file that declares something the linted file imports: one per file and `wrappers`. */
export function streamObservablesElsewhere(declared: DeclarationElsewhere, following: ImportFollowing): StreamObservables {
  const { sourceCode, fileName } = declared;
  return observablesElsewhere.get(sourceCode, following.wrappers, () => {
    const openings = getStreamOpenings(sourceCode, following.wrappers);
    for (const opening of openings) fileOfOpening.set(opening, fileName);
    return new StreamObservables(sourceCode, openings, getStreamOpeners(sourceCode, openings), getRxjsReferences(sourceCode), following);
  });
}

/** Whether `identifier` names an import of the file, which only type information can follow. */
export function isImportedName(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  return findVariable(sourceCode.getScope(identifier), identifier)?.defs[0]?.type === 'ImportBinding';
}

export class StreamObservables {
  readonly #byExpression = new Map<TSESTree.Node, StreamOpening | null>();
  readonly #byReturnedValue = new Map<FunctionNode, StreamOpening | null>();
  readonly #userOpenings: ReadonlyMap<TSESTree.Node, StreamOpening>;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly openings: readonly StreamOpening[],
    private readonly openers: StreamOpeners,
    private readonly rxjs: RxjsReferences,
    private readonly following?: ImportFollowing,
  ) {
    this.#userOpenings = new Map(
      openings.filter((opening) => opening.source.userDefined).map((opening) => [opening.node, opening]),
    );
  }

  /** The stream that subscribing to `expression` opens, or null when it opens none or the file does not show. */
  openingOf(expression: TSESTree.Node, steps = 0): StreamOpening | null {
    const node = unwrapExpression(expression);
    const known = this.#byExpression.get(node);
    if (known !== undefined) return known;
    if (steps > MAX_STEPS) return null;
    // Null while in progress: an observable defined in terms of itself opens nothing new.
    this.#byExpression.set(node, null);
    const opening = this.#compute(node, steps + 1);
    this.#byExpression.set(node, opening);
    return opening;
  }

  /**
   * The stream that subscribing to what reaches the operator at `index` of `source.pipe(...)`
   * opens: the source, or what an earlier flattening operator subscribes to.
   */
  openingBeforeOperator(pipe: TSESTree.CallExpression, index: number, steps = 0): StreamOpening | null {
    const member = pipeCallOf(pipe);
    if (!member) return null;
    const fromSource = this.openingOf(member.object, steps);
    if (fromSource) return fromSource;
    for (const operator of pipe.arguments.slice(0, index)) {
      const opening = this.#openingOfOperator(operator, steps);
      if (opening) return opening;
    }
    return null;
  }

  #compute(node: TSESTree.Node, steps: number): StreamOpening | null {
    switch (node.type) {
      case 'NewExpression':
      case 'CallExpression':
        return this.#openingOfCall(node, steps);
      case 'Identifier':
        return this.#openingOfVariable(node, steps);
      case 'MemberExpression':
        return this.#openingOfThisProperty(node, steps);
      case 'ConditionalExpression':
        return this.openingOf(node.consequent, steps) ?? this.openingOf(node.alternate, steps);
      case 'LogicalExpression':
        return this.openingOf(node.left, steps) ?? this.openingOf(node.right, steps);
      default:
        return null;
    }
  }

  /** What code of `fn` opens each time it runs. */
  #openingWhenRun(fn: TSESTree.Node | undefined): StreamOpening | null {
    if (!fn || fn.type === 'SpreadElement') return null;
    const local = resolveLocalFunction(this.sourceCode, fn);
    return local ? (reopenPointsIn(local, this.openings, this.openers)[0]?.opening ?? null) : null;
  }

  #openingOfCall(call: TSESTree.CallExpression | TSESTree.NewExpression, steps: number): StreamOpening | null {
    const userOpening = this.#userOpenings.get(call);
    if (userOpening) return userOpening;
    const [first, second] = call.arguments;
    const name = this.rxjs.calls.get(call);
    switch (name) {
      case 'Observable':
      case 'Observable.create':
        return this.#openingWhenRun(first);
      case 'defer':
        return this.#openingWhenRun(first) ?? this.openingReturnedBy(first, steps);
      case 'using':
        return this.#openingWhenRun(first) ?? this.#openingWhenRun(second) ?? this.openingReturnedBy(second, steps);
      case undefined:
        break;
      default:
        return COMBINATORS.has(name) ? this.#openingOfAnyArgument(call.arguments, steps) : null;
    }
    if (call.type === 'NewExpression') return null;
    if (pipeCallOf(call)) return this.openingBeforeOperator(call, call.arguments.length, steps);
    return this.openingReturnedBy(call.callee, steps);
  }

  /** `merge(a$, b$)`, `combineLatest([a$, b$])`, `zip({ a: a$ })`: any argument. */
  #openingOfAnyArgument(args: readonly TSESTree.Node[], steps: number): StreamOpening | null {
    for (const argument of args) {
      const node = unwrapExpression(argument);
      const items =
        node.type === 'ArrayExpression'
          ? node.elements
          : node.type === 'ObjectExpression'
            ? node.properties.map((property) => (property.type === 'Property' ? property.value : null))
            : [node];
      for (const item of items) {
        const opening = item && item.type !== 'SpreadElement' ? this.openingOf(item, steps) : null;
        if (opening) return opening;
      }
    }
    return null;
  }

  /** A flattening or joining operator in a pipe, and what it subscribes to. */
  #openingOfOperator(operator: TSESTree.Node, steps: number): StreamOpening | null {
    const node = unwrapExpression(operator);
    if (node.type !== 'CallExpression') return null;
    const name = this.rxjs.calls.get(node);
    const first = node.arguments[0];
    if (!name || !first || first.type === 'SpreadElement') return null;
    if (FLATTENING.has(name)) return this.#openingWhenRun(first) ?? this.openingReturnedBy(first, steps);
    return JOINING.has(name) ? this.openingOf(first, steps) : null;
  }

  /**
   * What the function `callee` denotes returns, when it is an observable that opens a stream:
   * a function of this file, or with type information an imported one.
   */
  openingReturnedBy(callee: TSESTree.Node | undefined, steps = 0): StreamOpening | null {
    if (!callee || callee.type === 'SpreadElement') return null;
    const fn = resolveLocalFunction(this.sourceCode, callee);
    if (!fn) {
      const name = unwrapExpression(callee);
      return name.type === 'Identifier' ? this.#openingOfImport(name, 'call', steps) : null;
    }
    // An async function returns a promise, a generator an iterator: neither is subscribed to again.
    if (fn.async || fn.generator) return null;
    const known = this.#byReturnedValue.get(fn);
    if (known !== undefined) return known;
    this.#byReturnedValue.set(fn, null);
    let opening: StreamOpening | null = null;
    if (fn.body.type !== 'BlockStatement') {
      opening = this.openingOf(fn.body, steps);
    } else {
      walkTree(fn.body, this.sourceCode.visitorKeys, (node) => {
        if (opening || isFunctionNode(node)) return false;
        if (node.type === 'ReturnStatement' && node.argument) opening = this.openingOf(node.argument, steps);
        return !opening;
      });
    }
    this.#byReturnedValue.set(fn, opening);
    return opening;
  }

  /** An imported observable (`value`) or a function that returns one (`call`), read in the file that declares it. */
  #openingOfImport(identifier: TSESTree.Identifier, use: 'value' | 'call', steps: number): StreamOpening | null {
    if (!this.following || !isImportedName(this.sourceCode, identifier)) return null;
    const declared = this.following.resolve(this.sourceCode, identifier);
    if (!declared) return null;
    const there = streamObservablesElsewhere(declared, this.following);
    const name = declaredName(declared);
    return use === 'value' ? there.openingOf(name, steps) : there.openingReturnedBy(name, steps);
  }

  /** `const events$ = …`, also assigned later: any value it is given. Parameters are unknown. */
  #openingOfVariable(identifier: TSESTree.Identifier, steps: number): StreamOpening | null {
    const variable = findVariable(this.sourceCode.getScope(identifier), identifier);
    if (variable?.defs[0]?.type === 'ImportBinding') return this.#openingOfImport(identifier, 'value', steps);
    if (!variable || !variable.defs.every((definition) => definition.type === 'Variable')) return null;
    for (const reference of variable.references) {
      const value = storedValue(reference);
      const opening = value && this.openingOf(value, steps);
      if (opening) return opening;
    }
    return null;
  }

  /** `this.events$`: the class field's initialiser, or any value assigned to it in the class. */
  #openingOfThisProperty(member: TSESTree.MemberExpression, steps: number): StreamOpening | null {
    const object = unwrapExpression(member.object);
    const name = staticPropertyName(member);
    if (object.type !== 'ThisExpression' || name === null) return null;
    const classBody = classBodyOfThis(object);
    if (!classBody) return null;
    const values: TSESTree.Node[] = [];
    for (const element of classBody.body) {
      const isField = element.type === 'PropertyDefinition' || element.type === 'AccessorProperty';
      if (isField && !element.static && element.value && staticKeyName(element) === name) {
        values.push(element.value);
      }
    }
    for (const occurrence of pathOccurrences(this.sourceCode, { root: classBody, properties: [name] })) {
      const outer = skipTransparentParents(occurrence);
      const parent = outer.parent;
      if (parent?.type === 'AssignmentExpression' && storesValue(parent) && parent.left === outer) values.push(parent.right);
    }
    for (const value of values) {
      const opening = this.openingOf(value, steps);
      if (opening) return opening;
    }
    return null;
  }
}
