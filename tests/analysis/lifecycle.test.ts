import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { holderText } from '../../src/analysis/lifecycle/holder-paths.js';
import { mountContextOf } from '../../src/analysis/lifecycle/mount-context.js';
import { streamHolding } from '../../src/analysis/lifecycle/stream-holders.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type SourceCode, analyse, parsers } from './probe.js';

/** The first stream opening of a file. */
function firstOpening(sourceCode: SourceCode) {
  const opening = getStreamOpenings(sourceCode)[0];
  if (!opening) throw new Error('no stream in the code');
  return opening;
}

describe.each(parsers)('lifecycle analysis (%s)', (_name, parser) => {
  /** How the first stream of `code` is held: `held <names>`, `unheld`, `escapes` or `no-signal`. */
  function holding(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const result = streamHolding(sourceCode, firstOpening(sourceCode));
      return result.kind === 'held' ? `held ${result.paths.map((path) => holderText(path)).join(', ')}` : result.kind;
    });
  }

  /** The mount callback the first stream of `code` runs in, as messages describe it, or `none`. */
  function mount(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const found = mountContextOf(sourceCode, firstOpening(sourceCode).node as TSESTree.Node);
      return found ? `${found.framework}: ${found.description}` : 'none';
    });
  }

  it('follows a stream through every name it is kept under', () => {
    expect(holding('const ref = {}; const es = new EventSource(u); ref.current = es; const again = ref.current;')).toBe(
      'held es, ref.current, again',
    );
    expect(holding('class A { m() { this.es = new EventSource(u); } }')).toBe('held this.es');
    expect(holding('export default { mounted() { this.es = new EventSource(u); }, methods: { s() { this.es.close(); } } };')).toBe(
      'held this.es',
    );
  });

  it('follows a stream into a local function that receives it', () => {
    expect(holding('function wire(s) { s.onmessage = f; } const es = new EventSource(u); wire(es);')).toBe('held es, s');
  });

  it('says when nothing keeps a stream', () => {
    expect(holding('new EventSource(u).onmessage = f;')).toBe('unheld');
    expect(holding('new EventSource(u);')).toBe('unheld');
  });

  it('gives up when a stream is handed to code it cannot see', () => {
    expect(holding('const es = new EventSource(u); setSource(es);')).toBe('escapes');
    expect(holding('function f() { return new EventSource(u); }')).toBe('escapes');
    expect(holding('const es = new EventSource(u); list.push(es);')).toBe('escapes');
    expect(holding('const ref = {}; ref.current = new EventSource(u); register(ref);')).toBe('escapes');
  });

  it('reads a fetchEventSource stream as the controller whose signal it got', () => {
    const imported = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";
    expect(holding(`${imported}const c = new AbortController(); fetchEventSource(u, { signal: c.signal });`)).toBe('held c');
    expect(holding(`${imported}const c = new AbortController(); const { signal } = c; fetchEventSource(u, { signal });`)).toBe(
      'held c',
    );
    expect(holding(`${imported}fetchEventSource(u, { onmessage: f });`)).toBe('no-signal');
    expect(holding(`${imported}fetchEventSource(u);`)).toBe('no-signal');
    expect(holding(`${imported}fetchEventSource(u, options);`)).toBe('escapes');
    expect(holding(`${imported}fetchEventSource(u, { signal: props.signal });`)).toBe('escapes');
  });

  it('knows the mount callbacks of each framework', () => {
    expect(mount('useEffect(() => { const es = new EventSource(u); });')).toBe('react: this `useEffect` callback');
    expect(mount('React.useLayoutEffect(() => { new EventSource(u); });')).toBe('react: this `useLayoutEffect` callback');
    expect(mount('onMounted(() => { es = new EventSource(u); });')).toBe('vue: this `onMounted` callback');
    expect(mount("import { onMount } from 'svelte'; onMount(() => { new EventSource(u); });")).toBe(
      'svelte: this `onMount` callback',
    );
    expect(mount("import { onMount } from 'solid-js'; onMount(() => { new EventSource(u); });")).toBe(
      'solid: this `onMount` callback',
    );
    expect(mount('$effect.pre(() => { new EventSource(u); });')).toBe('svelte: this `$effect.pre` callback');
    expect(mount('class A { ngOnInit() { this.es = new EventSource(u); } }')).toBe('angular: `ngOnInit`');
    expect(mount('class A extends HTMLElement { connectedCallback() { this.es = new EventSource(u); } }')).toBe(
      'custom-element: `connectedCallback`',
    );
    expect(mount('export default { created() { this.es = new EventSource(u); } };')).toBe('vue: `created`');
  });

  it('reaches a mount callback through local functions and once-run callbacks', () => {
    expect(mount('function C() { const go = () => { r.current = new EventSource(u); }; useEffect(() => { go(); }); }')).toBe(
      'react: this `useEffect` callback',
    );
    expect(mount('useEffect(() => { load().then(() => { es = new EventSource(u); }); });')).toBe(
      'react: this `useEffect` callback',
    );
    expect(mount('class A { ngOnInit() { this.#open(); } #open() { this.es = new EventSource(u); } }')).toBe(
      'angular: `ngOnInit`',
    );
  });

  it('does not count handlers, unrelated callbacks or look-alike names as mounts', () => {
    expect(mount('useEffect(() => { button.onclick = () => { es = new EventSource(u); }; });')).toBe('none');
    expect(mount("import { createEffect } from 'effector'; createEffect(() => { new EventSource(u); });")).toBe('none');
    expect(mount('class Plain { constructor() { this.es = new EventSource(u); } }')).toBe('none');
    expect(mount('const es = new EventSource(u);')).toBe('none');
  });
});
