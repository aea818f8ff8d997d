/**
 * Pins where `error-handlers.ts` finds a stream's holder (`streamHolder`) and its error handlers
 * (`findErrorHandlers`), case by case, so that the mutants StrykerJS left alive in
 * `src/analysis/reconnect/error-handlers.ts` fail a test (issue 17).
 *
 * Each case is a small file linted for real; `holderOf` describes the holder of its first opening
 * (the variable's name, or `class <Name>` for a field of a class, with the property path), and
 * `handlersOf` lists every handler found: which opening (by index), what kind of region and on
 * which line, and the text of the registration.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { findErrorHandlers, streamHolder } from '../../src/analysis/reconnect/error-handlers.js';
import { getStreamOpenings, type StreamWrapper } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

interface HolderSeen {
  root: string;
  properties: readonly (string | null | undefined)[];
}

function holderOf(code: string, parser: unknown = tsParser): HolderSeen | null {
  return analyse(parser, code, (sourceCode) => {
    const [opening] = getStreamOpenings(sourceCode);
    if (!opening) throw new Error('no opening');
    const holder = streamHolder(sourceCode, opening);
    if (!holder) return null;
    const root = 'type' in holder.root ? `class ${holder.root.parent.type === 'ClassDeclaration' ? holder.root.parent.id?.name : '?'}` : holder.root.name;
    return { root, properties: holder.properties };
  });
}

interface HandlerSeen {
  opening: number;
  region: string;
  registration: string;
}

function handlersOf(code: string, wrappers: readonly StreamWrapper[] = [], parser: unknown = tsParser): HandlerSeen[] {
  return analyse(parser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode, wrappers);
    return findErrorHandlers(sourceCode, openings).map((handler) => ({
      opening: openings.indexOf(handler.opening),
      region: `${handler.region.type}@${handler.region.loc.start.line}`,
      registration: sourceCode.getText(handler.registration),
    }));
  });
}

const FETCH = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";

describe('streamHolder: a variable or an assignment', () => {
  it.each(parsers)('does not take the init of a `for` for a declaration (%s)', (_name, parser) => {
    // kills error-handlers.ts:33 "parent?.type === 'VariableDeclarator' && parent.init === outer" -> '||'
    // and "parent?.type === 'VariableDeclarator'" -> 'true' (both read `id.type` of the `for` and throw)
    expect(holderOf("for (new EventSource('/a'); ;) break;", parser)).toBeNull();
  });

  it.each(parsers)('does not take the right side of a `??` for an assignment (%s)', (_name, parser) => {
    // kills error-handlers.ts:38 "… && parent.operator === '=' && parent.right === outer" -> "… && parent.operator === '=' || parent.right === outer"
    // and "parent?.type === 'AssignmentExpression' && parent.operator === '='" -> 'true'
    expect(holderOf("let cached; const es = cached ?? new EventSource('/a');", parser)).toBeNull();
  });

  it.each(parsers)('does not take `+=` for storing the stream (%s)', (_name, parser) => {
    // kills error-handlers.ts:38 "parent?.type === 'AssignmentExpression' && parent.operator === '='" -> '||'
    // and "parent.operator === '='" -> 'true'
    expect(holderOf("let label = ''; label += new EventSource('/a');", parser)).toBeNull();
  });

  it.each(parsers)('takes a plain assignment and a declaration (%s)', (_name, parser) => {
    expect(holderOf("let es; es = new EventSource('/a');", parser)).toEqual({ root: 'es', properties: [] });
    expect(holderOf("const es = new EventSource('/a');", parser)).toEqual({ root: 'es', properties: [] });
  });
});

describe('streamHolder: a field of a class', () => {
  it.each(parsers)('does not take a static field (%s)', (_name, parser) => {
    // kills error-handlers.ts:41 "… && !parent.static && parent.parent.type === 'ClassBody'" -> "… && !parent.static || parent.parent.type === 'ClassBody'"
    // and "parent?.type === 'PropertyDefinition' && parent.value === outer && !parent.static" -> 'true'
    expect(holderOf("class Feed { static es = new EventSource('/a'); }", parser)).toBeNull();
  });

  it.each(parsers)('takes an instance field named by an identifier (%s)', (_name, parser) => {
    expect(holderOf("class Feed { es = new EventSource('/a'); }", parser)).toEqual({ root: 'class Feed', properties: ['es'] });
  });

  it.each(parsers)('does not take a field whose key is computed from a variable (%s)', (_name, parser) => {
    // kills error-handlers.ts:43 "key.type === 'Identifier' && !parent.computed" -> 'true' and -> '||',
    // and :44 'name === null' -> 'false'
    expect(holderOf("const key = 'es'; class Feed { [key] = new EventSource('/a'); }", parser)).toBeNull();
  });

  it.each(parsers)('does not take a field whose key is a string (%s)', (_name, parser) => {
    // kills error-handlers.ts:43 "key.type === 'Identifier'" -> 'true' (properties [undefined])
    // and "key.type === 'PrivateIdentifier'" -> 'true' (properties ['#undefined'])
    expect(holderOf("class Feed { 'es' = new EventSource('/a'); }", parser)).toBeNull();
  });

  it.each(parsers)('takes a private field under its `#` name (%s)', (_name, parser) => {
    // kills error-handlers.ts:43 "key.type === 'PrivateIdentifier'" -> 'false' and -> '!==', "'PrivateIdentifier'" -> "",
    // and the template '`#${key.name}`' -> '``'
    expect(holderOf("class Feed { #es = new EventSource('/a'); }", parser)).toEqual({ root: 'class Feed', properties: ['#es'] });
    const code = `class Feed {
  #es = new EventSource('/a');
  watch() { this.#es.onerror = () => this.restart(); }
}`;
    expect(handlersOf(code, [], parser)).toEqual([
      { opening: 0, region: 'ArrowFunctionExpression@3', registration: 'this.#es.onerror = () => this.restart()' },
    ]);
  });
});

describe('findErrorHandlers: `onerror` and `addEventListener` on the stream', () => {
  it('finds `onerror` and an `error` listener', () => {
    const code = `const es = new EventSource('/a');
function onError() {}
es.onerror = onError;
es.addEventListener('error', () => {});`;
    expect(handlersOf(code)).toEqual([
      { opening: 0, region: 'FunctionDeclaration@2', registration: 'es.onerror = onError' },
      { opening: 0, region: 'ArrowFunctionExpression@4', registration: "es.addEventListener('error', () => {})" },
    ]);
  });

  it('does not take `onmessage` for an error handler', () => {
    // kills error-handlers.ts:59 "name === 'onerror' && … && parent.operator === '='" -> '… || parent.left === outerMember',
    // the first three tests together -> 'true' and -> "… || parent.operator === '='", "name === 'onerror' && parent?.type === …" -> 'true'
    // and -> '||', "name === 'onerror'" -> 'true'
    expect(handlersOf("const es = new EventSource('/a');\nfunction onMessage() {}\nes.onmessage = onMessage;")).toEqual([]);
  });

  it('does not take `onerror +=` for registering a handler', () => {
    // kills error-handlers.ts:59 "parent.operator === '='" -> 'true'
    expect(handlersOf("const es = new EventSource('/a');\nfunction onError() {}\nes.onerror += onError;")).toEqual([]);
  });

  it('does not take `removeEventListener` for registering a handler', () => {
    // kills error-handlers.ts:62 "name === 'addEventListener' && parent?.type === 'CallExpression'" -> "… || parent.callee === outerMember",
    // -> 'true' and -> '||', "name === 'addEventListener'" -> 'true'
    expect(handlersOf("const es = new EventSource('/a');\nfunction onError() {}\nes.removeEventListener('error', onError);")).toEqual([]);
  });

  it('does not take `new es.addEventListener(…)` for a call of it', () => {
    // kills error-handlers.ts:62 "parent?.type === 'CallExpression'" -> 'true'
    expect(handlersOf("const es = new EventSource('/a');\nfunction onError() {}\nnew es.addEventListener('error', onError);")).toEqual([]);
  });

  it('does not take `addEventListener` handed to another function for a call of it', () => {
    // kills error-handlers.ts:62 'parent.callee === outerMember' -> 'true'
    expect(handlersOf("const es = new EventSource('/a');\nfunction onError() {}\nregister('error', onError, es.addEventListener);")).toEqual([]);
  });

  it('skips an `addEventListener` call without a listener', () => {
    // kills error-handlers.ts:64 the whole test -> 'false' and its '||'s -> '&&' ('(!type || !listener || …) && listener.type …',
    // '(!type || !listener) && type.type …', '!type && !listener'), "!type || !listener || type.type === 'SpreadElement'" -> 'false',
    // '!type || !listener' -> 'false': each goes on with no listener and throws
    expect(handlersOf("const es = new EventSource('/a');\nes.addEventListener('error');")).toEqual([]);
  });

  it('skips an `addEventListener` call whose event type is not known', () => {
    // kills error-handlers.ts:66 'eventType?.value' -> 'eventType.value'
    expect(handlersOf("function watch(kind) {\n  const es = new EventSource('/a');\n  es.addEventListener(kind, () => {});\n}")).toEqual([]);
  });

  it('skips a handler that is not a function of the file', () => {
    // kills error-handlers.ts:140 '!fn' -> 'false'
    expect(handlersOf("import { onError } from './handlers';\nconst es = new EventSource('/a');\nes.onerror = onError;")).toEqual([]);
  });

  it('computes the handlers once per list of openings', () => {
    // kills error-handlers.ts:118 '!handlers' -> 'true'
    const same = analyse(tsParser, "const es = new EventSource('/a');\nes.onerror = () => {};", (sourceCode) => {
      const openings = getStreamOpenings(sourceCode);
      const first = findErrorHandlers(sourceCode, openings);
      return first.length === 1 && findErrorHandlers(sourceCode, openings) === first;
    });
    expect(same).toBe(true);
  });
});

describe('findErrorHandlers: the `onerror` option of `fetchEventSource`', () => {
  it('finds the option of `fetchEventSource`', () => {
    expect(handlersOf(`${FETCH}fetchEventSource('/a', { onerror() { throw new Error('stop'); } });`)).toEqual([
      { opening: 0, region: 'FunctionExpression@2', registration: "onerror() { throw new Error('stop'); }" },
    ]);
  });

  it('does not take the option of a wrapper called `fetchEventSource` from another module', () => {
    // kills error-handlers.ts:72 the whole test -> 'true' and -> '||', "opening.source.module === '@microsoft/fetch-event-source'" -> 'true'
    const code = "import { fetchEventSource } from './streams';\nfetchEventSource('/a', { onerror() {} });";
    expect(handlersOf(code, [{ module: './streams', export: 'fetchEventSource' }])).toEqual([]);
  });

  it('does not take the option of another export of the fetch-event-source module', () => {
    // kills error-handlers.ts:72 "opening.source.exportName === 'fetchEventSource'" -> 'true'
    const code = "import { openStream } from '@microsoft/fetch-event-source';\nopenStream('/a', { onerror() {} });";
    expect(handlersOf(code, [{ module: '@microsoft/fetch-event-source', export: 'openStream' }])).toEqual([]);
  });
});

describe('findErrorHandlers: rejection handlers of a promise', () => {
  it('does not take `.then` handed to another function for a call of it', () => {
    // kills error-handlers.ts:88 'call.callee === outer' -> 'true'
    expect(handlersOf(`${FETCH}function onError() {}\nsettle(fetchEventSource('/a').then, onError);`)).toEqual([]);
  });

  it('finds the second argument of `.then`', () => {
    expect(handlersOf(`${FETCH}function onError() {}\nfetchEventSource('/a').then(() => {}, onError);`)).toEqual([
      { opening: 0, region: 'FunctionDeclaration@2', registration: "fetchEventSource('/a').then(() => {}, onError)" },
    ]);
  });

  it('finds the `catch` of a `try` that awaits the opening', () => {
    expect(handlersOf(`${FETCH}try {\n  await fetchEventSource('/a');\n} catch (error) {\n  retry();\n}`)).toEqual([
      { opening: 0, region: 'CatchClause@4', registration: 'catch (error) {\n  retry();\n}' },
    ]);
  });

  it('does not take the `catch` of a `try` that does not await the opening', () => {
    // kills error-handlers.ts:97 'awaited = false' -> 'true', :100 "current.type === 'AwaitExpression'" -> 'true' and -> '!=='
    expect(handlersOf(`${FETCH}try {\n  fetchEventSource('/a');\n} catch (error) {\n  retry();\n}`)).toEqual([]);
  });

  it('does not take the `catch` of a `try` outside the function that awaits', () => {
    // kills error-handlers.ts:99 'isFunctionNode(current)' -> 'false'
    const code = `${FETCH}try {\n  await Promise.all(urls.map(async (url) => { await fetchEventSource(url); }));\n} catch (error) {\n  retry();\n}`;
    expect(handlersOf(code)).toEqual([]);
  });

  it('does not take the `catch` clause the opening is in for its own handler', () => {
    // kills error-handlers.ts:101 "current.type === 'TryStatement' && current.block === child" -> '||'
    // and 'current.block === child' -> 'true'
    expect(handlersOf(`${FETCH}try {\n  start();\n} catch (error) {\n  await fetchEventSource('/a');\n}`)).toEqual([]);
  });

  it('looks for a `catch` around a constructed stream only through its handlers', () => {
    // kills error-handlers.ts:144 "opening.source.kind !== 'call'" -> 'false'
    expect(handlersOf("try {\n  await new EventSource('/a');\n} catch (error) {\n  retry();\n}")).toEqual([]);
  });
});
