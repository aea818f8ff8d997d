/**
 * Pins which RxJS observables `StreamObservables` (`src/analysis/reconnect/stream-observables.ts`)
 * takes to open a stream on each subscription, case by case, so that the mutants StrykerJS left
 * alive in that file fail a test (issue 17).
 *
 * Every case is a file that starts with `PRELUDE`: the RxJS imports, and on line 2 `source$`,
 * an observable whose subscribe function opens an `EventSource` (the opening on line 2). Each
 * `retry()` of the case asks `openingBeforeOperator` for what reaches it; the answer is the line
 * of the opening found (or `file:line` for one read in an imported file), or null for none.
 * The walk-backs that need no retry are asked of `openingOf`/`openingBeforeOperator` directly.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getRxjsReferences } from '../../src/analysis/reconnect/rxjs-references.js';
import {
  type ImportFollowing,
  StreamObservables,
  fileOfImportedOpening,
  isImportedName,
} from '../../src/analysis/reconnect/stream-observables.js';
import { walkTree } from '../../src/analysis/reconnect/walk.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { type StreamOpening, getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

const PRELUDE = `import { Observable, combineLatest, defer, forkJoin, map, merge, mergeWith, of, retry, switchMap, zip } from 'rxjs';
const source$ = new Observable(() => { const es = new EventSource('/feed'); return () => es.close(); });
`;
/** The line of the opening `source$` subscribes to. */
const SOURCE = 2;

type Answer = number | string | null;

function answer(opening: StreamOpening | null): Answer {
  if (!opening) return null;
  const file = fileOfImportedOpening(opening);
  return file === undefined ? opening.node.loc.start.line : `${file}:${opening.node.loc.start.line}`;
}

function observablesOf(sourceCode: SourceCode, following?: ImportFollowing): StreamObservables {
  const openings = getStreamOpenings(sourceCode);
  return new StreamObservables(sourceCode, openings, getStreamOpeners(sourceCode, openings), getRxjsReferences(sourceCode), following);
}

function isRetryCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'retry';
}

/** What reaches each `retry()` of `PRELUDE + code`, in source order, asked of one `StreamObservables`. */
function retried(code: string, { parser = tsParser as unknown, following }: { parser?: unknown; following?: ImportFollowing } = {}): Answer[] {
  return analyse(parser, PRELUDE + code, (sourceCode) => {
    const observables = observablesOf(sourceCode, following);
    const calls: TSESTree.CallExpression[] = [];
    walkTree(sourceCode.ast, sourceCode.visitorKeys, (node) => {
      if (isRetryCall(node)) calls.push(node);
    });
    return calls.map((call) => {
      const pipe = call.parent as TSESTree.CallExpression;
      return answer(observables.openingBeforeOperator(pipe, pipe.arguments.indexOf(call)));
    });
  });
}

/** `retried` under both parsers, for plain JavaScript cases. */
function retriedByBoth(code: string): Answer[][] {
  return parsers.map(([, parser]) => retried(code, { parser }));
}

/**
 * Type-aware import following as `typed/imported-values.ts` gives it, without a program: an
 * imported name resolves to the declaration of the same name in `other` (linted as `orders.ts`).
 */
function followingInto(other: string): ImportFollowing {
  const there = analyse(tsParser, other, (sourceCode) => sourceCode);
  return {
    wrappers: [],
    resolve(_sourceCode, identifier) {
      const node = find(
        there.ast,
        (candidate): candidate is TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration =>
          (candidate.type === 'VariableDeclarator' && candidate.id.type === 'Identifier' && candidate.id.name === identifier.name) ||
          (candidate.type === 'FunctionDeclaration' && candidate.id?.name === identifier.name),
      );
      return { sourceCode: there, fileName: 'orders.ts', node };
    },
  };
}

/** Lines 1-2 of `orders.ts`: an observable that opens on line 2, exported as a value and from a factory. */
const ORDERS = `import { Observable } from 'rxjs';
export const orders$ = new Observable(() => { new EventSource('/orders'); });
export function ordersOf() { return orders$; }
`;

describe('class fields by key: keyName', () => {
  it('reads a field whose key is a string literal, computed or not', () => {
    // kills stream-observables.ts:53 "key.type === 'Identifier' && !computed" -> true, -> '||', "key.type === 'Identifier'" -> true,
    // :54 "key.type === 'PrivateIdentifier'" -> true, :55 "key.type === 'Literal' && …" -> false, "key.type === 'Literal'" -> '!==',
    // 'Literal' -> "", "typeof key.value === 'string'" -> '!==', 'string' -> ""
    expect(retriedByBoth("class Feed { 'feed$' = source$; start() { return this.feed$.pipe(retry()); } }")).toEqual([[SOURCE], [SOURCE]]);
    expect(retriedByBoth("class Feed { ['feed$'] = source$; start() { return this['feed$'].pipe(retry()); } }")).toEqual([[SOURCE], [SOURCE]]);
  });

  it('reads a private field by its `#` name', () => {
    // kills stream-observables.ts:53 "key.type === 'Identifier'" -> true (`#feed$` read as `feed$`),
    // :54 "key.type === 'PrivateIdentifier'" -> false, -> '!==', 'PrivateIdentifier' -> "", `#${key.name}` -> ``
    expect(retriedByBoth('class Feed { #feed$ = source$; start() { return this.#feed$.pipe(retry()); } }')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('does not read a field with a computed key of a variable as that variable name', () => {
    // kills stream-observables.ts:53 "key.type === 'Identifier' && !computed" -> '||'
    expect(retriedByBoth("const key = 'live$';\nclass Feed { [key] = source$; start() { return this.key.pipe(retry()); } }")).toEqual([[null], [null]]);
  });
});

describe('variables: the values they are given (storedValue, #openingOfVariable)', () => {
  it('follows a variable assigned after its declaration', () => {
    // kills stream-observables.ts:63 "parent.type === 'VariableDeclarator'" -> true, :64 "parent.type === 'AssignmentExpression'" -> false,
    // -> '!==', 'AssignmentExpression' -> "", "parent.left === reference.identifier && parent.operator === '='" -> false,
    // "parent.left === reference.identifier" -> '!==', "parent.operator === '='" -> '!==', '=' -> ""
    expect(retriedByBoth('let feed$;\nfeed$ = source$;\nfeed$.pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('does not take the right side of `+=` for the value stored', () => {
    // kills stream-observables.ts:64 "parent.left === reference.identifier && parent.operator === '='" -> true, -> '||',
    // "parent.operator === '='" -> true
    expect(retriedByBoth("let feed$ = '';\nfeed$ += source$;\nfeed$.pipe(retry());")).toEqual([[null], [null]]);
  });

  it('does not take the iterable of a `for…of` for the loop variable', () => {
    // kills stream-observables.ts:63 "parent.id === reference.identifier && parent.init === value" -> true, -> '||',
    // "parent.init === value" -> true
    expect(retriedByBoth('for (const feed$ of source$) feed$.pipe(retry());')).toEqual([[null], [null]]);
  });

  it('goes on to a later value when the first one opens nothing', () => {
    // kills stream-observables.ts:281 'opening' -> true
    expect(retriedByBoth('let feed$ = of(1);\nfeed$ = source$;\nfeed$.pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('takes an undeclared name and a built-in global for no observable, and goes on', () => {
    // kills stream-observables.ts:276 'variable?.defs' -> 'variable.defs', 'variable?.defs[0]?.type' -> 'variable?.defs[0].type',
    // :277 "!variable || !variable.defs.every(…)" -> false and -> '&&'
    expect(retriedByBoth('(maybeFeed$ ?? source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
    expect(retriedByBoth('(undefined ?? source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });
});

describe('isImportedName', () => {
  function importedNames(names: readonly string[]): boolean[] {
    const code = "import { orders$ } from './orders';\nconst local$ = orders$;\nPromise.resolve(local$, undeclared);";
    return parsers.flatMap(([, parser]) =>
      analyse(parser, code, (sourceCode) =>
        names.map((name) =>
          isImportedName(sourceCode, find(sourceCode.ast, (node): node is TSESTree.Identifier => node.type === 'Identifier' && node.name === name)),
        ),
      ),
    );
  }

  it('is true for an import only: not for a local, a built-in global or an undeclared name', () => {
    // kills stream-observables.ts:107 "… ?.type === 'ImportBinding'" -> true, '?.defs' -> '.defs' (undeclared),
    // '?.defs[0]?.type' -> '?.defs[0].type' (`Promise` has no definition)
    expect(importedNames(['orders$', 'local$', 'Promise', 'undeclared'])).toEqual([true, false, false, false, true, false, false, false]);
  });
});

describe('imports followed with type information (#openingOfImport)', () => {
  it('reads an imported observable as a value in the file that declares it', () => {
    // kills stream-observables.ts:270 "use === 'value'" -> false, 'value' -> "", :276 'value' -> ""
    const following = followingInto(ORDERS);
    expect(retried("import { orders$ } from './orders';\norders$.pipe(retry());", { following })).toEqual(['orders.ts:2']);
  });

  it('reads an imported factory by what it returns', () => {
    // pins the 'call' use that the 'value' mutants above are told apart from (its own mutants are equivalent)
    const following = followingInto(ORDERS);
    expect(retried("import { ordersOf } from './orders';\nordersOf().pipe(retry());", { following })).toEqual(['orders.ts:2']);
  });

  it('does not ask type information about a name that is no import', () => {
    // kills stream-observables.ts:107 "… ?.type === 'ImportBinding'" -> true (the parameter `ordersOf` would be followed into orders.ts)
    const following = followingInto(ORDERS);
    expect(retried('function start(ordersOf) { return ordersOf().pipe(retry()); }', { following })).toEqual([null]);
  });

  it('does not follow a parameter to what the function assigns it, since a caller may hand over another observable', () => {
    // kills stream-observables.ts:271 "definition.type === 'Variable'" -> 'true' (a parameter would be followed to source$)
    expect(retriedByBoth('function start(events$) { if (!events$) events$ = source$; return events$.pipe(retry()); }')).toEqual([[null], [null]]);
    // kills stream-observables.ts:271 'variable.defs.every(…)' -> 'some' (a parameter redeclared with var is still a parameter)
    expect(retriedByBoth('function start(events$) { if (!events$) { var events$ = source$; } return events$.pipe(retry()); }')).toEqual([[null], [null]]);
  });
});

describe('what subscribing opens: openingOf and openingBeforeOperator', () => {
  it('does not take a stream opened once for an observable, only a user wrapper is one', () => {
    // kills stream-observables.ts:123 'openings.filter((opening) => opening.source.userDefined)' -> 'openings'
    expect(retriedByBoth("merge(new EventSource('/once')).pipe(retry());")).toEqual([[null], [null]]);
  });

  it('follows a chain of 22 aliases but not one of 23 (MAX_STEPS)', () => {
    // kills stream-observables.ts:132 'steps > MAX_STEPS' -> false and -> '>=', :135 'steps + 1' -> 'steps - 1'
    const chain = (length: number): string =>
      ['const a0 = source$;', ...Array.from({ length }, (_, index) => `const a${index + 1} = a${index};`), `a${length}.pipe(retry());`].join('\n');
    expect(retried(chain(22))).toEqual([SOURCE]);
    expect(retried(chain(23))).toEqual([null]);
  });

  it('keeps what it found for later questions, so a longer chain ends on a known link', () => {
    // kills stream-observables.ts:131 'known !== undefined' -> false
    const links = ['const a0 = source$;', ...Array.from({ length: 30 }, (_, index) => `const a${index + 1} = a${index};`)];
    expect(retried([...links, 'a12.pipe(retry());', 'a30.pipe(retry());'].join('\n'))).toEqual([SOURCE, SOURCE]);
  });

  it('answers null for a call that is no `.pipe(…)` and for an expression that is no observable', () => {
    // kills stream-observables.ts:146 '!member' -> false, :169 'default: return null' -> 'default:' (undefined)
    const [pipeless, literal] = analyse(tsParser, `${PRELUDE}start(source$);\nconst n = 42;`, (sourceCode) => {
      const observables = observablesOf(sourceCode);
      const call = find(sourceCode.ast, (node): node is TSESTree.CallExpression => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'start');
      const number = find(sourceCode.ast, (node): node is TSESTree.Literal => node.type === 'Literal' && node.value === 42);
      return [observables.openingBeforeOperator(call, 1), observables.openingOf(number)];
    });
    expect(pipeless).toBeNull();
    expect(literal).toBeNull();
  });

  it('takes either branch of a conditional and either side of `??`', () => {
    // kills stream-observables.ts:165 the 'ConditionalExpression' case emptied and 'ConditionalExpression' -> "", :166 '??' -> '&&',
    // :167 the 'LogicalExpression' case emptied and 'LogicalExpression' -> "", :168 '??' -> '&&'
    expect(retriedByBoth('(ready ? of(1) : source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
    expect(retriedByBoth('const cached$ = of(1);\n(cached$ ?? source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });
});

describe('pipes: the operators before the retry (#openingOfOperator)', () => {
  it('does not look at operators after the retry', () => {
    // kills stream-observables.ts:149 'pipe.arguments.slice(0, index)' -> 'pipe.arguments'
    expect(retriedByBoth('of(1).pipe(retry(), switchMap(() => source$));')).toEqual([[null], [null]]);
  });

  it('goes past an operator that subscribes to nothing to a flattening one returning the observable', () => {
    // kills stream-observables.ts:151 'opening' -> true, :229 "#openingWhenRun(first) ?? openingReturnedBy(first, steps)" -> '&&'
    expect(retriedByBoth('of(1).pipe(map((x) => x), switchMap(() => source$), retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('skips an operator passed by name, and a joining operator given nothing', () => {
    // kills stream-observables.ts:225 "node.type !== 'CallExpression'" -> false, :228 the whole guard -> false, '!name || !first' -> false,
    // '(!name || !first) && …' and '!name && !first'
    expect(retriedByBoth('of(1).pipe(logAll, retry());')).toEqual([[null], [null]]);
    expect(retriedByBoth('of(1).pipe(mergeWith(), retry());')).toEqual([[null], [null]]);
  });

  it('subscribes to the observable a joining operator is given', () => {
    // kills stream-observables.ts:229 'FLATTENING.has(name)' -> true
    expect(retriedByBoth('of(1).pipe(mergeWith(source$), retry());')).toEqual([[SOURCE], [SOURCE]]);
  });
});

describe('creation functions (#openingOfCall)', () => {
  it('answers null for `new Observable()` and `defer()` with no function', () => {
    // kills stream-observables.ts:176 "!fn || fn.type === 'SpreadElement'" -> false and -> '&&',
    // :238 "!callee || callee.type === 'SpreadElement'" -> false and -> '&&'
    expect(retriedByBoth('new Observable().pipe(retry());\ndefer().pipe(retry());')).toEqual([[null, null], [null, null]]);
  });

  it('does not subscribe to what the subscribe function of `new Observable` returns: its teardown', () => {
    // kills stream-observables.ts:188 the 'Observable.create' case emptied (falling into `defer`)
    expect(retriedByBoth('new Observable(() => source$).pipe(retry());')).toEqual([[null], [null]]);
  });

  it('subscribes to the observable that the factory of `defer` returns', () => {
    // kills stream-observables.ts:190 the 'defer' case emptied (falling into `using`)
    expect(retriedByBoth('defer(() => source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('does not take `new` of an arrow for a call of it', () => {
    // kills stream-observables.ts:199 "call.type === 'NewExpression'" -> false, 'NewExpression' -> ""
    expect(retriedByBoth('const makeFeed = () => source$;\nnew makeFeed().pipe(retry());')).toEqual([[null], [null]]);
  });
});

describe('combinators: any argument (#openingOfAnyArgument)', () => {
  it('reads the items of an array argument', () => {
    // kills stream-observables.ts:209 "node.type === 'ArrayExpression'" -> false, 'ArrayExpression' -> ""
    expect(retriedByBoth('combineLatest([of(1), source$]).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('reads the values of an object argument, past a spread', () => {
    // kills stream-observables.ts:211 "node.type === 'ObjectExpression'" -> false, 'ObjectExpression' -> "",
    // :212 the property mapper -> '() => undefined', "property.type === 'Property'" -> false, -> '!==', 'Property' -> "",
    // :215 "item && item.type !== 'SpreadElement'" -> true and -> '||'
    expect(retriedByBoth('forkJoin({ idle: of(1), live: source$ }).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
    expect(retriedByBoth('zip({ ...extra, live: source$ }).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('reads every argument, not the first only', () => {
    // kills stream-observables.ts:216 'opening' -> true
    expect(retriedByBoth('merge(of(1), source$).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });
});

describe('functions that return an observable (openingReturnedBy)', () => {
  it('does not take what an async or generator factory returns for the observable', () => {
    // kills stream-observables.ts:245 '!fn || fn.async || fn.generator' -> false, -> '(…) && fn.generator',
    // '!fn || fn.async' -> false and -> '!fn && fn.async'
    expect(retriedByBoth('defer(async () => source$).pipe(retry());')).toEqual([[null], [null]]);
    expect(retriedByBoth('defer(function* () { return source$; }).pipe(retry());')).toEqual([[null], [null]]);
  });

  it('takes the first `return` that gives an opening, and not a later one', () => {
    // kills stream-observables.ts:254 'opening || isFunctionNode(node)' -> false and -> '&&'
    expect(retriedByBoth('function feed(live) { if (live) { return source$; } return of(1); }\nfeed(true).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('does not read the returns of a function defined inside', () => {
    // kills stream-observables.ts:254 'opening || isFunctionNode(node)' -> '&&', 'return false' -> 'return true'
    expect(retriedByBoth('function feed() { const later = () => { return source$; }; return of(later); }\nfeed().pipe(retry());')).toEqual([[null], [null]]);
  });

  it('skips a bare `return;` and reads only `return` statements', () => {
    // kills stream-observables.ts:255 "node.type === 'ReturnStatement' && node.argument" -> '||', "node.type === 'ReturnStatement'" -> true
    expect(retriedByBoth('function feed(live) { if (!live) return; return source$; }\nfeed(true).pipe(retry());')).toEqual([[SOURCE], [SOURCE]]);
    expect(retriedByBoth('function feed() { console.log(typeof source$); return of(1); }\nfeed().pipe(retry());')).toEqual([[null], [null]]);
  });

  it('answers a function that calls itself while it is being read from its other returns', () => {
    // kills stream-observables.ts:247 'known !== undefined' -> false: read again, the inner call would answer line 2, not line 3
    const code = `const other$ = new Observable(() => { new EventSource('/other'); });
function feed(n) {
  if (n > 0) return merge(feed(n - 1), other$);
  return source$;
}
feed(3).pipe(retry());`;
    expect(retriedByBoth(code)).toEqual([[3], [3]]);
  });
});

describe('`this` properties (#openingOfThisProperty)', () => {
  it('reads a property of `this` only, by a static name', () => {
    // kills stream-observables.ts:290 "object.type !== 'ThisExpression' || name === null" -> false and -> '&&',
    // "object.type !== 'ThisExpression'" -> false, 'name === null' -> false
    expect(retriedByBoth('class Feed { feed$ = source$; start(api) { return api.feed$.pipe(retry()); } }')).toEqual([[null], [null]]);
    expect(retriedByBoth('class Feed { [first] = source$; start() { return this[second].pipe(retry()); } }')).toEqual([[null], [null]]);
  });

  it('answers null for `this` outside a class', () => {
    // kills stream-observables.ts:292 '!classBody' -> false
    expect(retriedByBoth('function start() { return this.feed$.pipe(retry()); }')).toEqual([[null], [null]]);
  });

  it('reads the field of that name only, not another field, nor a static one', () => {
    // kills stream-observables.ts:295 the whole field test -> true, '… && element.value || keyName(…) === name',
    // 'keyName(element.key, element.computed) === name' -> true, "element.type === 'PropertyDefinition' && !element.static" -> true
    // and -> '||'
    expect(retriedByBoth('class Feed { other$ = source$; feed$ = of(1); start() { return this.feed$.pipe(retry()); } }')).toEqual([[null], [null]]);
    expect(retriedByBoth('class Feed { static feed$ = source$; start() { return this.feed$.pipe(retry()); } }')).toEqual([[null], [null]]);
  });

  it('reads a value assigned to the property in the class, past a field without initialiser', () => {
    // kills stream-observables.ts:295 "… && element.value" -> true and '… && !element.static || element.value',
    // :299 '[name]' -> '[]', the loop body -> '{}', :302 the assignment test -> false, "parent?.type === 'AssignmentExpression'" -> '!==',
    // 'AssignmentExpression' -> "", "parent.operator === '='" -> '!==', '=' -> "", 'parent.left === outer' -> '!=='
    expect(retriedByBoth('class Feed { feed$; constructor() { this.feed$ = source$; } start() { return this.feed$.pipe(retry()); } }')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('goes on to a value assigned later when the initialiser opens nothing', () => {
    // kills stream-observables.ts:306 'opening' -> true
    expect(retriedByBoth('class Feed { feed$ = of(1); live() { this.feed$ = source$; } start() { return this.feed$.pipe(retry()); } }')).toEqual([[SOURCE], [SOURCE]]);
  });

  it('does not take the right side of `+=` or `||` for a value of the property', () => {
    // kills stream-observables.ts:302 the assignment test -> true, "… && parent.operator === '='" -> true, -> '||',
    // '… || parent.left === outer', "parent.operator === '='" -> true
    expect(retriedByBoth('class Feed { feed$ = of(1); grow() { this.feed$ += source$; } start() { return this.feed$.pipe(retry()); } }')).toEqual([[null], [null]]);
    expect(retriedByBoth('class Feed { feed$ = of(1); log() { console.log(this.feed$ || source$); } start() { return this.feed$.pipe(retry()); } }')).toEqual([[null], [null]]);
  });
});
