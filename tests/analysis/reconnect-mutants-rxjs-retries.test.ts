/**
 * Pins which RxJS retries `findUnboundedRxjsRetries` (`rxjs-retries.ts`) reports and in what
 * order, and what `getRxjsReferences` (`rxjs-references.ts`) takes for RxJS, so that the mutants
 * StrykerJS left alive in those files are killed (issue 17).
 *
 * The retries are found in small files that open an `EventSource` per subscription. The helpers
 * that type information follows (`pipe(reconnecting())` with `reconnecting` imported) are
 * followed here through a stand-in for the program's resolver: it maps an imported name to a
 * declaration of a second file, linted on its own, so that each branch of the lookup is reached
 * without a TypeScript program.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { getRxjsReferences } from '../../src/analysis/reconnect/rxjs-references.js';
import { findUnboundedRxjsRetries } from '../../src/analysis/reconnect/rxjs-retries.js';
import type { DeclarationElsewhere, ImportFollowing } from '../../src/analysis/reconnect/stream-observables.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type SourceCode, analyse, parsers } from './probe.js';

const ALL = { attemptLimit: true, backoff: true, jitter: true };
const ALL_MISSING = ['no attempt limit', 'no growing delay', 'no jitter'];

interface Found {
  line: number;
  operator: string;
  missing: string[];
  helper?: { name: string; fileName: string; line: number };
}

/** The unbounded retries of `code`, by line, operator, what they lack and the helper they come from. */
function retriesOf(code: string, following?: ImportFollowing, parser: unknown = tsParser): Found[] {
  return analyse(parser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    const openers = getStreamOpeners(sourceCode, openings);
    return findUnboundedRxjsRetries(sourceCode, openings, openers, ALL, following).map(({ call, operator, missing, helper }) => ({
      line: call.loc.start.line,
      operator,
      missing,
      ...(helper ? { helper } : {}),
    }));
  });
}

/** A constant that holds an observable opening an `EventSource` per subscription (lines 2 to 5). */
const FEED = `const feed$ = new Observable((subscriber) => {
  const es = new EventSource('/feed');
  es.onerror = (error) => subscriber.error(error);
});`;

describe('findUnboundedRxjsRetries: where the retry is', () => {
  it('passes over a retry that is no argument of a pipe', () => {
    // kills rxjs-retries.ts:56 "pipe?.type !== 'CallExpression' || !pipeCallOf(pipe)" -> 'false' (no arguments to search),
    // and -> '&&' (the declarator has no callee), "pipe?.type !== 'CallExpression'" -> 'false'
    expect(retriesOf(`import { Observable, retry } from 'rxjs';\n${FEED}\nconst op = retry();\nfeed$.pipe(op);`)).toEqual([]);
    expect(retriesOf(`import { Observable, retry } from 'rxjs';\n${FEED}\nfeed$.subscribe(retry());`)).toEqual([]);
  });

  it('reports only the retry operators of a pipe', () => {
    // kills rxjs-retries.ts:144 "!RETRY_OPERATORS.has(name) || call.type !== 'CallExpression'" -> 'false' and '&&'
    // (`map`'s callback would be read as a notifier)
    expect(retriesOf(`import { Observable, map, retry } from 'rxjs';\n${FEED}\nfeed$.pipe(map((x) => x), retry());`)).toEqual([
      { line: 6, operator: 'retry', missing: ALL_MISSING },
    ]);
  });

  it('reports in source order, whatever order the imports give', () => {
    // kills rxjs-retries.ts:179 'found.sort(…)' -> 'found', '(a, b) => …' -> '() => undefined', 'a.call.range[0] - …' -> '+'
    expect(
      retriesOf(`import { Observable, delay, retry, retryWhen } from 'rxjs';
${FEED}
feed$.pipe(retryWhen((errors) => errors.pipe(delay(1000))));
feed$.pipe(retry());`),
    ).toEqual([
      { line: 6, operator: 'retryWhen', missing: ALL_MISSING },
      { line: 7, operator: 'retry', missing: ALL_MISSING },
    ]);
  });

  it('does not take a stream-opening function that the delay calls for its schedule', () => {
    // kills rxjs-retries.ts:70 '(fn) => openers.byFunction.has(fn)' -> '() => undefined' (the random id would be jitter)
    expect(
      retriesOf(`import { Observable, retry, timer } from 'rxjs';
function open(url) {
  return new EventSource(url + '?nonce=' + Math.random());
}
const feed$ = new Observable((subscriber) => {
  const es = open('/feed');
  es.onerror = (error) => subscriber.error(error);
});
feed$.pipe(retry({ count: 3, delay: () => { open('/ping'); return timer(1000); } }));`),
    ).toEqual([{ line: 9, operator: 'retry', missing: ['no growing delay', 'no jitter'] }]);
  });
});

/** A file of retry helpers, linted on its own. */
const HELPERS = `import { map, retry } from 'rxjs';
export function reconnecting() {
  return retry({ delay: 2000 });
}
export async function asyncReconnecting() {
  return retry({ delay: 2000 });
}
export function noReturn() {
  retry();
}
export function mapping() {
  return map((x) => x);
}
export function fromConfig() {
  return retry(CONFIG);
}
export const notAFunction = 5;`;

/** Follows an imported name to the declaration of the same name in `HELPERS`, or to nothing for a name it lacks. */
function helperFollowing(): ImportFollowing {
  const helpers: SourceCode = analyse(tsParser, HELPERS, (sourceCode) => sourceCode);
  const declarations = new Map<string, DeclarationElsewhere['node']>();
  for (const statement of helpers.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : null;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) declarations.set(declaration.id.name, declaration);
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier') declarations.set(declarator.id.name, declarator);
      }
    }
  }
  return {
    wrappers: [],
    resolve: (_sourceCode, identifier: TSESTree.Identifier) => {
      const node = declarations.get(identifier.name);
      return node ? { sourceCode: helpers, fileName: 'lib/retrying.ts', node } : null;
    },
  };
}

/** The linted file: `FEED` (lines 3 to 6) then `pipes` from line 7. */
function withHelpers(pipes: string): string {
  return `import { Observable, of } from 'rxjs';
import { asyncReconnecting, fromConfig, mapping, noReturn, notAFunction, reconnecting, unknownHelper } from './retrying';
${FEED}
${pipes}`;
}

describe('findUnboundedRxjsRetries: retry helpers imported from another file', () => {
  const HELPER = { name: 'reconnecting', fileName: 'lib/retrying.ts', line: 3 };

  it('reports a helper that returns a retry without safeguards, in source order with the retries', () => {
    // kills rxjs-retries.ts:179 'found.sort(…)' -> 'found' (the helper's report comes last before sorting)
    expect(
      retriesOf(
        `import { Observable, retry } from 'rxjs';
import { reconnecting } from './retrying';
${FEED}
feed$.pipe(reconnecting());
feed$.pipe(retry());`,
        helperFollowing(),
      ),
    ).toEqual([
      { line: 7, operator: 'retry', missing: ALL_MISSING, helper: HELPER },
      { line: 8, operator: 'retry', missing: ALL_MISSING },
    ]);
  });

  it('follows imported names only', () => {
    // kills rxjs-retries.ts:91 '!isImportedName(sourceCode, callee)' -> 'false' (the resolver would be asked for a local name)
    expect(
      retriesOf(
        `import { Observable, retry } from 'rxjs';
function reconnecting() {
  return retry({ count: 3 });
}
${FEED}
feed$.pipe(reconnecting());`,
        helperFollowing(),
      ),
    ).toEqual([]);
  });

  it('passes over an import the resolver cannot follow, and one that is no function', () => {
    // kills rxjs-retries.ts:93 'declared?.sourceCode' -> 'declared.sourceCode',
    // :95 '!there || !fn || fn.async || fn.generator' -> 'false', '!there || !fn' -> 'false' and '&&',
    // '(!there || !fn) && fn.async'
    expect(retriesOf(withHelpers('feed$.pipe(unknownHelper());'), helperFollowing())).toEqual([]);
    expect(retriesOf(withHelpers('feed$.pipe(notAFunction());'), helperFollowing())).toEqual([]);
  });

  it('passes over an async helper', () => {
    // kills rxjs-retries.ts:95 '!there || !fn || fn.async || fn.generator' -> 'false', '!there || !fn || fn.async' -> 'false',
    // '(…) && fn.generator'
    expect(retriesOf(withHelpers('feed$.pipe(asyncReconnecting());'), helperFollowing())).toEqual([]);
  });

  it('passes over a helper that returns nothing, or no retry operator', () => {
    // kills rxjs-retries.ts:101 'first?.type' -> 'first.type', :102 '!first && first.type !== …' (no value returned),
    // and the whole test up to the operator -> 'false' and '(…) && !RETRY_OPERATORS.has(operator)' (`map` read as a notifier)
    expect(retriesOf(withHelpers('feed$.pipe(noReturn());'), helperFollowing())).toEqual([]);
    expect(retriesOf(withHelpers('feed$.pipe(mapping());'), helperFollowing())).toEqual([]);
  });

  it('passes over pipe arguments that are no calls', () => {
    // kills rxjs-retries.ts:160 "call.type === 'CallExpression'" -> 'true' (a name has no callee),
    // :161 the whole test -> 'false', '(…) && rxjs.calls.has(call)', '… || callee?.type !== …' -> 'false'
    expect(retriesOf(withHelpers('const op = reconnecting();\nfeed$.pipe(op);'), helperFollowing())).toEqual([]);
  });

  it('passes over a helper on an observable that opens nothing, and one whose retry cannot be judged', () => {
    // kills rxjs-retries.ts:167 '!opening || !missing' -> 'false' (no opening, no safeguards) and '&&' (an opening, no safeguards)
    expect(retriesOf(withHelpers('of(1).pipe(reconnecting());'), helperFollowing())).toEqual([]);
    expect(retriesOf(withHelpers('feed$.pipe(fromConfig());'), helperFollowing())).toEqual([]);
  });
});

describe('getRxjsReferences', () => {
  /** The calls and the reads of `EMPTY` that the file makes of RxJS, as `name@line:column`. */
  function referencesOf(code: string, parser: unknown = tsParser): { calls: string[]; empties: string[] } {
    return analyse(parser, code, (sourceCode) => {
      const { calls, empties } = getRxjsReferences(sourceCode);
      const at = (node: TSESTree.Node): string => `${node.loc.start.line}:${node.loc.start.column}`;
      return {
        calls: [...calls].map(([node, name]) => `${name}@${at(node)}`),
        empties: [...empties].map((node) => `${sourceCode.getText(node)}@${at(node)}`),
      };
    });
  }

  it('finds a read of `EMPTY` through a namespace where it is', () => {
    // kills rxjs-references.ts:102 "node.type === 'ImportSpecifier'" -> 'true', :103 the whole test -> 'true'
    // and "node.type === 'Property'" -> 'true'… (a member has neither `local` nor `value`), :104 '[node]' -> '[]'
    expect(referencesOf("import * as rx from 'rxjs';\nconst stop = () => rx.EMPTY;")).toEqual({ calls: [], empties: ['rx.EMPTY@2:19'] });
  });

  it('finds the reads of `EMPTY` destructured from `require` in a module, not its binding', () => {
    // kills rxjs-references.ts:103 the whole test -> 'false', "node.type === 'Property'" -> '!==', "'Property'" -> '""',
    // "node.parent.type === 'ObjectPattern'" -> '!==', "'ObjectPattern'" -> '""'; :107 '.filter(isRead)' removed (the binding
    // is a write); :113 "['require']" -> '[]' and "'require'" -> '""' (a module does not declare `require`)
    for (const [, parser] of parsers) {
      expect(
        referencesOf(
          `const { EMPTY, retry } = require('rxjs');
const stop = () => EMPTY;
retry(3);`,
          parser,
        ),
      ).toEqual({ calls: ['retry@3:0'], empties: ['EMPTY@2:19'] });
    }
  });

  it('finds imported calls and the reads of an imported `EMPTY`', () => {
    expect(
      referencesOf(`import { EMPTY, Observable, retry as again } from 'rxjs';
const feed$ = new Observable(() => {});
feed$.pipe(again());
const stop = () => EMPTY;`),
    ).toEqual({ calls: ['Observable@2:14', 'retry@3:11'], empties: ['EMPTY@4:19'] });
  });
});
