/**
 * Who keeps a stream open (`standingConsumerOf`, src/analysis/stream-consumers.ts) in the shapes
 * this stop's fixes added: hooks of a component handed to a wrapper, `useReducer`'s initialiser,
 * `setup()` of an options object and `||=` handlers; and the shapes next to them that must stay
 * as they were.
 */
import { describe, expect, it } from 'vitest';
import { consumersOf } from './consumers-probe.js';
import { parsers } from './probe.js';

describe.each(parsers)('who keeps a stream open (%s)', (_name, parser) => {
  const consumers = (code: string): string[] => consumersOf(parser, code);

  it('credits the effects of a component handed to memo() to the component', () => {
    const code = `const Feed = memo(function Feed() {
  useEffect(() => { const es = new EventSource('/a'); return () => es.close(); }, []);
  return <ul />;
});`;
    expect(consumers(code)).toEqual(['component: component `Feed`']);
  });

  it('credits a custom element declared inside a component to the element, not the component', () => {
    const code = `function Page() {
  class Widget extends HTMLElement {
    connectedCallback() { this.es = new EventSource('/a'); }
  }
  return <div />;
}`;
    expect(consumers(code)).toEqual(['service: service `Widget`']);
  });

  it('runs only the initialiser of useState and useMemo, and the third argument of useReducer, at mount', () => {
    expect(consumers("function Feed() { useReducer(reduce, null, () => new EventSource('/a')); return <i />; }")).toEqual([
      'component: component `Feed`',
    ]);
    // A callback handed to another call, or as useState's second argument, runs when that call says.
    expect(consumers("function Feed() { register(() => new EventSource('/a')); return <i />; }")).toEqual(['none']);
    expect(consumers("function Feed() { useState(0, () => new EventSource('/a')); return <i />; }")).toEqual(['none']);
  });

  it('takes only the method named setup of an options object for its setup', () => {
    expect(consumers("export default { setup() { const es = new EventSource('/a'); return { es }; } };")).toEqual([
      'component: this component',
    ]);
    expect(consumers("export default { methods: { connect() { const es = new EventSource('/a'); return es; } } };")).toEqual([
      'none',
    ]);
    expect(consumers("export default { ['setup']() { const es = new EventSource('/a'); return { es }; } };")).toEqual(['none']);
  });

  it('takes a handler set with ||= that closes the stream as closing it, one set with &&= not', () => {
    expect(consumers("export const es = new EventSource('/a');\nes.onmessage ||= () => es.close();")).toEqual(['none']);
    expect(consumers("export const es = new EventSource('/a');\nes.onmessage &&= () => es.close();")).toEqual([
      'module: module scope',
    ]);
  });
});
