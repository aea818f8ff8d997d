/**
 * Pins where `stream-holders.ts` finds a stream first kept, and how it closes, so that the mutants
 * StrykerJS left alive in `firstStore`, `isFetchEventSource` and `closeMethodsOf` of
 * `src/analysis/lifecycle/stream-holders.ts` fail a test (issue 17): declarators, the assignment
 * operators that keep a value, class fields public and private, and the places that keep nothing.
 *
 * Each case shows how the first stream of the code is held: `held <names>`, `unheld` or `escapes`.
 */
import { describe, expect, it } from 'vitest';
import { holderText } from '../../src/analysis/lifecycle/holder-paths.js';
import { closeMethodsOf, isFetchEventSource, streamHolding } from '../../src/analysis/lifecycle/stream-holders.js';
import { type StreamWrapper, getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type ProbeFile, type SourceCode, analyse, parsers } from './probe.js';

function firstOpening(sourceCode: SourceCode, wrappers: readonly StreamWrapper[] = []) {
  const opening = getStreamOpenings(sourceCode, wrappers)[0];
  if (!opening) throw new Error('no stream in the code');
  return opening;
}

function holding(parser: unknown, code: string, file?: ProbeFile): string {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const result = streamHolding(sourceCode, firstOpening(sourceCode));
      return result.kind === 'held' ? `held ${result.paths.map((path) => holderText(path)).join(', ')}` : result.kind;
    },
    file,
  );
}

/** Whether the first opening is `fetchEventSource`, and the methods that close it (with `()` when calling it does). */
function closing(parser: unknown, code: string, wrappers: readonly StreamWrapper[] = []): { fetch: boolean; close: string[] } {
  return analyse(parser, code, (sourceCode) => {
    const opening = firstOpening(sourceCode, wrappers);
    const close = closeMethodsOf(opening);
    return { fetch: isFetchEventSource(opening), close: [...close.methods, ...(close.callable ? ['()'] : [])] };
  });
}

const WRAPPER_CLOSE = ['close', 'abort', 'disconnect', 'unsubscribe', 'dispose', 'destroy', 'stop', 'cancel', '()'];

describe.each(parsers)('where a stream is first kept (%s)', (_name, parser) => {
  it('keeps it under a variable that `??=` or `||=` assigns', () => {
    // kills stream-holders.ts:197 "'??='" -> ""
    expect(holding(parser, 'let es; es ??= new EventSource(u);')).toBe('held es');
    // kills stream-holders.ts:197 "'||='" -> ""
    expect(holding(parser, 'let es; es ||= new EventSource(u);')).toBe('held es');
  });

  it('gives up on a stream stored under a computed key', () => {
    // kills stream-holders.ts:199 "{ kind: 'escapes' }" -> '{}' and "'escapes'" -> ""
    expect(holding(parser, 'const registry = {}; registry[key] = new EventSource(u);')).toBe('escapes');
  });

  it('gives up on a stream that is the first clause of a `for`', () => {
    // kills stream-holders.ts:191 "parent.type === 'VariableDeclarator' && parent.init === value" -> '||'
    // and "parent.type === 'VariableDeclarator'" -> 'true' (a ForStatement has an `init` and no `id`)
    expect(holding(parser, 'for (new EventSource(u); ; ) break;')).toBe('escapes');
  });

  it('gives up on a stream that is a property of an object literal', () => {
    // kills stream-holders.ts:201 "parent.type === 'PropertyDefinition' && parent.value === value" -> '||'
    // and "parent.type === 'PropertyDefinition'" -> 'true'
    expect(holding(parser, 'const feeds = { es: new EventSource(u) };')).toBe('escapes');
  });

  it('keeps it under a private field as `this.#name`', () => {
    // kills stream-holders.ts:204 "key.type === 'PrivateIdentifier'" -> 'false', -> '!==', "'PrivateIdentifier'" -> ""
    // and '`#${key.name}`' -> '``', and "key.type === 'Identifier' && !parent.computed" -> 'true' and -> '||',
    // "key.type === 'Identifier'" -> 'true' (each names the private key `es`)
    expect(holding(parser, 'class Feed { #es = new EventSource(u); stop() { this.#es.close(); } }')).toBe('held this.#es');
  });

  it('gives up on a field whose key is computed', () => {
    // kills stream-holders.ts:204 "key.type === 'Identifier' && !parent.computed" -> 'true' and -> '||',
    // "key.type === 'PrivateIdentifier'" -> 'true', :205 'name === null' -> 'false',
    // and :205 "{ kind: 'escapes' }" -> '{}' and "'escapes'" -> ""
    expect(holding(parser, 'class Feed { [key] = new EventSource(u); }')).toBe('escapes');
  });

  it('gives up on a stream used as a computed key, rather than calling it unheld', () => {
    // kills stream-holders.ts:209 "parent.type === 'MemberExpression' && parent.object === value" -> '||'
    // and 'parent.object === value' -> 'true'
    expect(holding(parser, 'table[new EventSource(u)];')).toBe('escapes');
    expect(holding(parser, 'new EventSource(u).onmessage = f;')).toBe('unheld');
  });

  it('gives up on a stream that `with` makes a scope', () => {
    // kills stream-holders.ts:209 "parent.type === 'MemberExpression'" -> 'true' (a `with` statement has an `object`)
    expect(holding(parser, 'with (new EventSource(u)) {}', { name: 'file.js', sourceType: 'script' })).toBe('escapes');
  });
});

describe.each(parsers)('which openings are fetchEventSource, and how each closes (%s)', (_name, parser) => {
  it('closes fetchEventSource by aborting its controller', () => {
    // kills stream-holders.ts:72 'isFetchEventSource(opening)' -> 'false'
    const code = "import { fetchEventSource } from '@microsoft/fetch-event-source'; fetchEventSource(u);";
    expect(closing(parser, code)).toEqual({ fetch: true, close: ['abort'] });
    expect(closing(parser, 'new EventSource(u);')).toEqual({ fetch: false, close: ['close'] });
  });

  it('does not take a wrapper exported by another module under the same name for fetchEventSource', () => {
    // kills stream-holders.ts:67 "… && opening.source.exportName === 'fetchEventSource'" -> '||'
    // and "opening.source.module === '@microsoft/fetch-event-source'" -> 'true'
    const code = "import { fetchEventSource } from './streams'; fetchEventSource(u);";
    expect(closing(parser, code, [{ module: './streams', export: 'fetchEventSource' }])).toEqual({ fetch: false, close: WRAPPER_CLOSE });
  });

  it('does not take another export of that module, declared a wrapper, for fetchEventSource', () => {
    // kills stream-holders.ts:67 "opening.source.exportName === 'fetchEventSource'" -> 'true'
    const code = "import { startStream } from '@microsoft/fetch-event-source'; startStream(u);";
    const wrappers = [{ module: '@microsoft/fetch-event-source', export: 'startStream' }];
    expect(closing(parser, code, wrappers)).toEqual({ fetch: false, close: WRAPPER_CLOSE });
  });
});
