/**
 * Pins which streams `src/analysis/one-shot.ts` takes for one-shot, so that the mutants StrykerJS
 * left alive there fail a test (issue 17): a stream that closes itself from a handler of one of
 * its own events (not an error handler), a stream opened on a user action and closed somewhere,
 * and a `fetchEventSource` request with a body opened on a user action.
 *
 * Each case shows, for the first stream of the code, whether it is one-shot (`isOneShotStream`)
 * and whether it closes itself when done (`closesItselfWhenDone`).
 */
import { describe, expect, it } from 'vitest';
import { closesItselfWhenDone, isOneShotStream } from '../../src/analysis/one-shot.js';
import { type StreamWrapper, getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type SourceCode, analyse, parsers } from './probe.js';

const WRAPPERS: readonly StreamWrapper[] = [{ module: './sse', export: 'openStream' }];
const FETCH = "import { fetchEventSource } from '@microsoft/fetch-event-source';";

function firstOpening(sourceCode: SourceCode) {
  const opening = getStreamOpenings(sourceCode, WRAPPERS)[0];
  if (!opening) throw new Error('no stream in the code');
  return opening;
}

describe.each(parsers)('one-shot streams (%s)', (_name, parser) => {
  /** Whether the first stream of `code` is one-shot. */
  function oneShot(code: string): boolean {
    return analyse(parser, code, (sourceCode) => isOneShotStream(sourceCode, firstOpening(sourceCode)));
  }

  /** Whether the first stream of `code` closes itself on a terminal event. */
  function closesItself(code: string): boolean {
    return analyse(parser, code, (sourceCode) => closesItselfWhenDone(sourceCode, firstOpening(sourceCode)));
  }

  /** Both answers for the first stream of `code`. */
  function verdicts(code: string): { oneShot: boolean; closesItself: boolean } {
    return { oneShot: oneShot(code), closesItself: closesItself(code) };
  }

  const OPEN = 'const es = new EventSource(u);';

  describe('a stream that closes itself from its own handlers', () => {
    it('counts a close in an `on…` handler property and in an `addEventListener` handler', () => {
      expect(verdicts(`${OPEN} es.onmessage = () => es.close();`)).toEqual({ oneShot: true, closesItself: true });
      expect(verdicts(`${OPEN} es.addEventListener('done', () => es.close());`)).toEqual({ oneShot: true, closesItself: true });
    });

    it('does not count a close in an error handler', () => {
      expect(verdicts(`${OPEN} es.onerror = () => es.close();`)).toEqual({ oneShot: false, closesItself: false });
      // kills one-shot.ts:44 the error test -> 'false', "event?.type === 'Literal'" -> '!==', "'Literal'" -> "", "'error'" -> "",
      // and the `[]` it returns -> '["Stryker was here"]'
      expect(verdicts(`${OPEN} es.addEventListener('error', () => es.close());`)).toEqual({ oneShot: false, closesItself: false });
    });

    it('does not count a handler that is not a function written there', () => {
      // kills one-shot.ts:40 '[]' -> '["Stryker was here"]'
      expect(closesItself(`${OPEN} es.onmessage = handle; es.close();`)).toBe(false);
    });

    it('does not count a function stored in a property that is not an `on…` handler', () => {
      // kills one-shot.ts:38 "'on'" -> ""
      expect(closesItself(`${OPEN} es.later = () => es.close();`)).toBe(false);
    });

    it('does not count a function beside a handler property that is only read', () => {
      // kills one-shot.ts:38 "outer?.type === 'AssignmentExpression'" -> 'true' (a `||` has a `left` and a `right` too)
      expect(closesItself(`${OPEN} es.onmessage || (() => es.close());`)).toBe(false);
    });

    it('does not count a function handed to another method of the stream', () => {
      // kills one-shot.ts:42 "name === 'addEventListener' && outer?.type === 'CallExpression'" -> 'true',
      // "name === 'addEventListener'" -> 'true', the last '&&' -> '||', and the first '&&' -> '||'
      expect(closesItself(`${OPEN} es.on('done', () => es.close());`)).toBe(false);
    });

    it('does not count `addEventListener` that is not called', () => {
      // kills one-shot.ts:42 "outer?.type === 'CallExpression'" -> 'true' (a `new` has a callee and arguments too)
      expect(closesItself(`${OPEN} new es.addEventListener('done', () => es.close());`)).toBe(false);
      // kills one-shot.ts:42 'outer.callee === member' -> 'true'
      expect(closesItself(`${OPEN} register(es.addEventListener, () => es.close());`)).toBe(false);
    });

    it('reads `addEventListener` called with no arguments and a computed member without failing', () => {
      // kills one-shot.ts:44 'event?.type' -> 'event.type'
      expect(closesItself(`${OPEN} es.addEventListener(); es.close();`)).toBe(false);
      // kills one-shot.ts:38 'name?.startsWith' -> 'name.startsWith'
      expect(closesItself(`${OPEN} es[key]; es.close();`)).toBe(false);
    });

    it('counts a close through any of the names the stream is kept under', () => {
      // kills one-shot.ts:52 'targets.paths.some' -> '.every'
      expect(verdicts(`${OPEN} const copy = es; es.addEventListener('done', () => es.close());`)).toEqual({
        oneShot: true,
        closesItself: true,
      });
    });

    it('answers no for a stream kept nowhere', () => {
      // kills one-shot.ts:142 'targets !== null' -> 'true'
      expect(verdicts('new EventSource(u).onmessage = () => {};')).toEqual({ oneShot: false, closesItself: false });
    });
  });

  describe('a stream opened on a user action and closed somewhere', () => {
    const ON_CLICK = 'function Panel() { let es; const start = () => { es = new EventSource(u); };';

    it('counts a close method called on the stream', () => {
      // kills one-shot.ts:116 the body of closedAnywhere -> '{}', :117 the callback -> '() => undefined',
      // :118 '.some' -> '.every' and its callback body -> '{}', :121 "parent?.type === 'CallExpression'" -> 'true' and -> '!==',
      // :122 the test -> 'true', "parent?.type !== 'MemberExpression'" -> '===', "'MemberExpression'" -> "",
      // 'parent.object !== node' -> '===', :125 the whole test -> 'false', 'method !== null' -> '===',
      // "call?.type === 'CallExpression'" -> '!==', "'CallExpression'" -> "", 'call.callee === parent' -> '!==',
      // :136 the last line -> 'false'
      expect(verdicts(`${ON_CLICK} const stop = () => es.close(); }`)).toEqual({ oneShot: true, closesItself: false });
    });

    it('counts a close through any of the names the stream is kept under', () => {
      // kills one-shot.ts:117 'targets.paths.some' -> '.every'
      expect(oneShot('function Panel() { let es; const start = () => { es = new EventSource(u); const copy = es; }; const stop = () => es.close(); }')).toBe(
        true,
      );
    });

    it('does not count other uses of the stream as a close', () => {
      expect(oneShot(`${ON_CLICK} }`)).toBe(false);
      // kills one-shot.ts:121 'targets.close.callable && parent.callee === node' -> 'true'
      expect(oneShot(`${ON_CLICK} console.log(es); }`)).toBe(false);
      // kills one-shot.ts:122 'false' -> 'true'
      expect(oneShot(`${ON_CLICK} const check = () => { if (es) report(); }; }`)).toBe(false);
      // kills one-shot.ts:125 the whole test -> 'true'
      expect(oneShot(`${ON_CLICK} console.log(es.readyState); }`)).toBe(false);
      // kills one-shot.ts:125 "… && call?.type === 'CallExpression'" -> 'true', "method !== null && targets.close.methods.has(method)" -> 'true',
      // the last '&&' -> '||', the '&&' before the call test -> '||', and 'method !== null && …has(method)' -> '||'
      expect(oneShot(`${ON_CLICK} es.addEventListener('ping', report); }`)).toBe(false);
      // kills one-shot.ts:125 "call?.type === 'CallExpression'" -> 'true'
      expect(oneShot(`${ON_CLICK} new es.close(); }`)).toBe(false);
      // kills one-shot.ts:125 'call.callee === parent' -> 'true'
      expect(oneShot(`${ON_CLICK} console.log(es.close); }`)).toBe(false);
    });

    it('does not count handing an unsubscribe function to the console as calling it', () => {
      const code = "import { openStream } from './sse'; function Panel() { let stop; const start = () => { stop = openStream(u); }; console.log(stop); }";
      // kills one-shot.ts:121 'targets.close.callable && parent.callee === node' -> '||', 'parent.callee === node' -> 'true' and -> '!=='
      expect(oneShot(code)).toBe(false);
    });
  });

  describe('where the opening runs', () => {
    const CLOSED = 'const es = new EventSource(u); window.onpagehide = () => es.close();';

    it('counts a callback handed to unknown code as a user action', () => {
      expect(oneShot(`function Panel() { later(() => { ${CLOSED} }); }`)).toBe(true);
      // kills one-shot.ts:70 "callee.type === 'MemberExpression'" -> 'true' (a called callee has no property name)
      expect(oneShot(`function Panel() { factory()(() => { ${CLOSED} }); }`)).toBe(true);
    });

    it('does not count a render-time hook callback as a user action', () => {
      // kills one-shot.ts:64 the body of isRenderTimeCallback -> '{}', :67 the test -> 'true', "'CallExpression'" -> "",
      // '!call.arguments.includes(…)' -> 'call.arguments.includes(…)', :70 "callee.type === 'Identifier'" -> 'false' and -> '!==',
      // "'Identifier'" -> "", :71 'name !== null && RENDER_TIME_HOOKS.has(name)' -> 'false', 'name !== null' -> '===',
      // :83 the test -> 'false' and '||' -> '&&'
      expect(oneShot(`function Panel() { useMemo(() => { ${CLOSED} }, []); }`)).toBe(false);
      // kills one-shot.ts:70 "callee.type === 'Identifier'" -> 'true', "callee.type === 'MemberExpression'" -> 'false' and -> '!==',
      // "'MemberExpression'" -> ""
      expect(oneShot(`function Panel() { React.useMemo(() => { ${CLOSED} }, []); }`)).toBe(false);
    });

    it('does not count code that runs at mount as a user action', () => {
      const code = `import { onMounted, onUnmounted } from 'vue';
export default {
  setup() {
    let es;
    onMounted(() => { es = new EventSource(u); });
    onUnmounted(() => es.close());
  },
};`;
      // kills one-shot.ts:80 'mountContextOf(sourceCode, opening.node)' -> 'false'
      expect(oneShot(code)).toBe(false);
    });
  });

  describe('a request with a body opened on a user action', () => {
    const send = (options: string) => oneShot(`${FETCH} function Panel() { const send = () => fetchEventSource(u, ${options}); }`);

    it('counts a POST with a body, under plain and quoted keys, after a spread', () => {
      expect(send('{ method: "POST", body: text }')).toBe(true);
      // kills one-shot.ts:102 "p.key.type === 'Literal' && p.key.value === name" -> 'false', "p.key.type === 'Literal'" -> '!==',
      // "'Literal'" -> "", 'p.key.value === name' -> '!=='
      expect(send('{ "method": "POST", "body": text }')).toBe(true);
      // kills one-shot.ts:100 "p.type === 'Property' && !p.computed" -> 'true', "p.type === 'Property'" -> 'true' and '&&' -> '||'
      expect(send('{ ...defaults, method: "POST", body: text }')).toBe(true);
    });

    it('counts a POST with a body under computed string keys, not under a computed name', () => {
      // \`['method']\` names the option as \`method\` does (the one-shot helper of issue 17 found it missed).
      expect(send('{ ["method"]: "POST", ["body"]: text }')).toBe(true);
      // \`[method]\` is whatever the variable holds.
      expect(send('{ [method]: "POST", body: text }')).toBe(false);
    });

    it('does not count a GET or a HEAD, in any case of letters', () => {
      // kills one-shot.ts:106 the test -> 'true', "['GET', 'HEAD']" -> '[]', "'GET'" -> ""
      expect(send('{ method: "GET", body: text }')).toBe(false);
      // kills one-shot.ts:106 "'HEAD'" -> ""
      expect(send('{ method: "HEAD", body: text }')).toBe(false);
      // kills one-shot.ts:106 'toUpperCase()' -> 'toLowerCase()'
      expect(send('{ method: "get", body: text }')).toBe(false);
    });

    it('does not count a request without a body', () => {
      // kills one-shot.ts:106 '&&' -> '||' and "property('body') !== undefined" -> 'true'
      expect(send('{ method: "POST" }')).toBe(false);
    });

    it('reads the method only from a string written there, under its own key', () => {
      // kills one-shot.ts:105 'false' -> 'true'
      expect(send('{ method: verb, body: text }')).toBe(false);
      // kills one-shot.ts:105 "typeof method.value !== 'string'" -> 'false'
      expect(send('{ method: 1, body: text }')).toBe(false);
      // kills one-shot.ts:102 "p.key.type === 'Literal' && p.key.value === name" -> '||' and 'p.key.value === name' -> 'true'
      expect(send('{ "mode": "POST", method: "GET", body: text }')).toBe(false);
    });
  });
});
