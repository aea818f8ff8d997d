/**
 * Pins who keeps a stream that a component's own run opens (a render initialiser, a Vue
 * `setup()`), and that streams opened per item or per key have no standing consumer, so that the
 * mutants StrykerJS left alive in `isRenderInitializer`, `bodyConsumer` and `standingConsumerOf`
 * of `src/analysis/stream-consumers.ts` fail a test (issue 17).
 *
 * Each case lists the consumer of every stream of the code (`kind: label`, or `none`).
 */
import { describe, expect, it } from 'vitest';
import { parsers } from './probe.js';
import { consumersOf } from './consumers-probe.js';

const consumers = consumersOf;

describe.each(parsers)('streams a component opens as it renders (%s)', (_name, parser) => {
  it('counts a useState initialiser as the component', () => {
    const code = "function Feed() { const [es] = useState(() => new EventSource('/events')); return <div />; }";
    expect(consumers(parser, code)).toEqual(['component: component `Feed`']);
  });

  it('does not count a function that is useReducer’s initial state, which React never calls', () => {
    // kills stream-consumers.ts:201 "call.arguments[0] === node" -> true
    const code = "function Feed() { const [state] = useReducer(reduce, () => new EventSource('/events')); return <div />; }";
    expect(consumers(parser, code)).toEqual(['none']);
  });

  it('counts a stream opened in the setup() of a Vue options object as its component', () => {
    // kills stream-consumers.ts:209 options -> false
    const code = "export default { name: 'Feed', setup() { const es = new EventSource('/events'); return {}; } };";
    expect(consumers(parser, code)).toEqual(['component: component `Feed`']);
  });
});

describe.each(parsers)('streams opened per item or per key (%s)', (_name, parser) => {
  it('gives a stream opened in a module-level loop no consumer', () => {
    // kills stream-consumers.ts:338 findRepetition(...) -> false
    expect(consumers(parser, "for (const topic of topics) new EventSource('/events');")).toEqual(['none']);
  });

  it('gives a stream kept per key by a hook’s effect no consumer', () => {
    // kills stream-consumers.ts:340 "storage.kind === 'per-key'" -> false, and 'per-key' -> ""
    const code =
      "const streams = {};\nfunction useFeed(topic) { useEffect(() => { streams[topic] = new EventSource('/events'); }, [topic]); }";
    expect(consumers(parser, code)).toEqual(['none']);
  });

  it('gives the same hook the stream when it keeps it in a variable of the effect', () => {
    const code = "function useFeed(topic) { useEffect(() => { const es = new EventSource('/events'); return () => es.close(); }, [topic]); }";
    expect(consumers(parser, code)).toEqual(['hook: hook `useFeed`']);
  });
});
