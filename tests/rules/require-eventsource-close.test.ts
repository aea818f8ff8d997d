import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-eventsource-close.js';
import { javascript, lintWithOptions, ruleTester } from '../rule-tester.js';
import { ES, IN_DISCONNECTED, IN_NG_ON_DESTROY, IN_RETURNED_CLEANUP, IN_SOLID_CLEANUP, IN_SVELTE_TEARDOWN, IN_VUE_OPTION_TEARDOWN, IN_VUE_UNMOUNT, IN_WILL_UNMOUNT, USE_EFFECT } from '../support/rule-messages.js';

const WRAPPERS = { wrappers: [{ module: '@acme/live', export: 'subscribe' }] };

ruleTester.run('require-eventsource-close', rule, {
  valid: [
    // A helper that returns \`fetchEventSource\`'s promise is no factory of a stream: the signal
    // it is given, aborted by the cleanup, stops it.
    `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
function start(options: { signal: AbortSignal }) {
  return fetchEventSource('/feed', options);
}
export function useLive() {
  useEffect(() => {
    const controller = new AbortController();
    start({ signal: controller.signal });
    return () => controller.abort();
  }, []);
}`,
    // A local factory's stream, closed by the effect that called it.
    `import { useEffect } from 'react';
function open(url: string) {
  const es = new EventSource(url);
  es.onerror = () => console.warn('stream error');
  return es;
}
export function useLive(url: string) {
  useEffect(() => {
    const es = open(url);
    return () => es.close();
  }, [url]);
}`,
    // The factory keeps the stream itself too, and may close it there: not followed to its callers.
    `import { useEffect } from 'react';
let current: EventSource | undefined;
function open(url: string) {
  const es = new EventSource(url);
  current = es;
  return es;
}
export function useLive(url: string) {
  useEffect(() => {
    open(url);
  }, [url]);
}`,
    // An async factory hands over a promise, and a factory handed to a timer hands its stream to no one.
    `import { useEffect } from 'react';
async function open(url: string) {
  await ready;
  return new EventSource(url);
}
const later = (url: string) => new EventSource(url);
export function useLive(url: string) {
  useEffect(() => {
    const pending = open(url);
    const timer = setTimeout(later, 10, url);
    return () => {
      pending.then((es) => es.close());
      clearTimeout(timer);
    };
  }, [url]);
}`,
    // A custom element keeps what its factory method returns, and closes it when disconnected.
    `export class LiveFeed extends HTMLElement {
  source?: EventSource;
  connectedCallback() {
    this.source = this.createSource();
  }
  disconnectedCallback() {
    this.source?.close();
  }
  createSource() {
    return new EventSource('/feed');
  }
}`,
    // A field named by a string, closed through \`this['source']\` at teardown.
    `import { LitElement } from 'lit';
export class LiveFeed extends LitElement {
  'source' = new EventSource('/feed');
  disconnectedCallback() {
    this['source'].close();
  }
}`,
    // Kept under another name through \`??\` and \`||\`, whose value is the stream when it is there;
    // the cleanup closes that name.
    `import { useEffect } from 'react';
export function Live({ url, fallback }) {
  useEffect(() => {
    const es = new EventSource(url);
    const source = es ?? fallback;
    return () => source.close();
  }, [url]);
  return null;
}`,
    `import { useEffect } from 'react';
export function Live({ url, fallback }) {
  useEffect(() => {
    const es = new EventSource(url);
    const source = (es || fallback) as EventSource;
    return () => source.close();
  }, [url]);
  return null;
}`,
    // Kept under another name by an assignment, which the cleanup closes.
    `import { useEffect } from 'react';
export function Live({ url }) {
  useEffect(() => {
    const es = new EventSource(url);
    let other;
    other = es;
    return () => other.close();
  }, [url]);
  return null;
}`,
    // Read, not written, inside a destructuring: kept under another name as a default, which the
    // cleanup closes; used as a computed key, which hands it on.
    `import { useEffect } from 'react';
export function Live({ url, next }) {
  useEffect(() => {
    const es = new EventSource(url);
    let other;
    [other = es] = next;
    return () => other.close();
  }, [url]);
  return null;
}`,
    `import { useEffect } from 'react';
export function Live({ url, next }) {
  useEffect(() => {
    const es = new EventSource(url);
    ({ [es]: next.current } = next);
    return () => next.clear();
  }, [url]);
  return null;
}`,
    // Closed, then written over by a destructuring, and the new value closed at teardown.
    `import { useEffect } from 'react';
export function Live({ url, next }) {
  useEffect(() => {
    let es = new EventSource(url);
    es.close();
    [es] = next;
    return () => es.close();
  }, [url]);
  return null;
}`,
    // A cleanup helper with TypeScript's \`this\` parameter: the stream is its second parameter in the
    // tree, the first argument of the call (issue 17: a false report the mutation helpers found).
    `import { useEffect } from 'react';
function shut(this: void, stream: EventSource) { stream.close(); }
export function Live({ url }: { url: string }) {
  useEffect(() => {
    const es = new EventSource(url);
    return () => shut(es);
  }, [url]);
  return null;
}`,
    // \`close\` called through \`call\` with the stream as \`this\`.
    `import { useEffect } from 'react';
export function Live({ url }: { url: string }) {
  useEffect(() => {
    const es = new EventSource(url);
    return () => es.close.call(es);
  }, [url]);
  return null;
}`,
    // A public connect() that picks the client in both branches but returns first when a stream
    // is there, or closes the old one first: near-misses of tserkov/vue-sse's connect().
    `import { EventSourcePolyfill } from 'event-source-polyfill';
export class Client {
  connect() {
    if (this.source) return;
    if (this.polyfill) {
      this.source = new EventSourcePolyfill(this.url);
    } else {
      this.source = new EventSource(this.url);
    }
  }
  disconnect() {
    this.source?.close();
  }
}`,
    `import { EventSourcePolyfill } from 'event-source-polyfill';
export class Client {
  connect() {
    this.source?.close();
    if (this.polyfill) {
      this.source = new EventSourcePolyfill(this.url);
    } else {
      this.source = new EventSource(this.url);
    }
  }
}`,
    // The branches test the stream itself: only the one where it is absent opens without a close.
    `export class Client {
  connect() {
    if (this.source) {
      this.source.close();
      this.source = new EventSource(this.url);
    } else {
      this.source = new EventSource(this.url);
    }
  }
}`,
    // Kept state that decides whether to open at all (one branch opens, the other does not) is still a guard.
    `export class Client {
  connect() {
    if (!this.connected) {
      this.source = new EventSource(this.url);
      this.connected = true;
    }
  }
}`,
    // A connection class whose start() opens into a field and whose stop() closes it, nothing
    // else opening one: whether a caller starts twice without stopping is not in this file.
    // Reduced from hoppscotch/hoppscotch SSEConnection.ts (its one caller starts only when
    // stopped), a false finding of the real-world audit.
    {
      code: `export class Connection {
  sse: EventSource | undefined;
  start(url: string) {
    try {
      this.sse = new EventSource(url);
      this.sse.onerror = () => this.stop();
    } catch {
      this.report();
    }
  }
  stop = () => {
    this.sse?.close();
    this.sse = undefined;
  };
  report() {}
}`,
    },
    // A test's setup replaces a shared stream before each case, against a mocked request: no page
    // keeps it open (the shape of sse.js's lib/sse.test.js, 18 false findings in the real-code audit).
    {
      code: `let source;
beforeEach(() => {
  source = new EventSource('/stream');
});
it('reads one event', () => {
  source.onmessage = () => {};
});`,
      filename: 'lib/sse.test.js',
      languageOptions: javascript,
    },
    {
      code: "let source;\nexport function reset() {\n  source = new EventSource('/stream');\n}\n",
      filename: 'src/__tests__/feed.ts',
    },
    // Minified: the failed stream is closed earlier in the same comma sequence as the re-open.
    {
      code: 'function r(){const e=new EventSource("/a");e.onerror=()=>{e.close(),setTimeout(r,1e3)}}export{r};',
      languageOptions: javascript,
    },
    // ── Closed at teardown ──────────────────────────────────────────────────────────────
    // The effect returns a cleanup that closes the stream it opened.
    {
      code: `import { useEffect } from 'react';
export function Live({ url }) {
  useEffect(() => {
    const es = new EventSource(url);
    es.onmessage = (event) => console.log(event.data);
    return () => es.close();
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // The cleanup is a local function that closes it, returned by name.
    {
      code: `import { useEffect } from 'react';
export function useLive(url) {
  useEffect(() => {
    const es = new EventSource(url);
    function close() {
      es?.close();
    }
    return close;
  }, [url]);
}`,
      languageOptions: javascript,
    },
    // Kept in a ref and closed through it, with optional chaining.
    `import { useEffect, useRef } from 'react';
export function useLive(url: string) {
  const ref = useRef<EventSource | null>(null);
  useEffect(() => {
    ref.current = new EventSource(url);
    return () => ref.current?.close();
  }, [url]);
}`,
    // Another effect of the same component closes the ref on unmount: the instance's teardown counts.
    {
      code: `import { useEffect, useRef } from 'react';
export function Live({ url }: { url: string }) {
  const source = useRef<EventSource>();
  useEffect(() => {
    source.current = new EventSource(url);
  }, [url]);
  useEffect(() => () => source.current?.close(), []);
  return <p />;
}`,
      filename: 'file.tsx',
    },
    // The cleanup reads the ref into a local first, as React's docs advise.
    `import { useEffect, useRef } from 'react';
export function useLive(url: string) {
  const ref = useRef<EventSource | null>(null);
  useEffect(() => {
    ref.current = new EventSource(url);
    return () => {
      const current = ref.current;
      if (current) current.close();
    };
  }, [url]);
}`,
    // An effect passed by name, whose function returns the cleanup.
    {
      code: `import { useEffect } from 'react';
export function Live({ url }) {
  function subscribe() {
    const es = new EventSource(url);
    return () => es.close();
  }
  useEffect(subscribe, [url]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Opened after an await in an async IIFE of the effect, closed by the effect's cleanup.
    {
      code: `import { useEffect } from 'react';
export function useLive(url) {
  useEffect(() => {
    let es;
    (async () => {
      const token = await fetchToken();
      es = new EventSource(url + '?token=' + token);
    })();
    return () => es?.close();
  }, [url]);
}`,
      languageOptions: javascript,
    },
    // A `useCallback` that opens, called from the effect whose cleanup closes the ref.
    `import { useCallback, useEffect, useRef } from 'react';
export function useLive(url: string) {
  const ref = useRef<EventSource | null>(null);
  const connect = useCallback(() => {
    ref.current = new EventSource(url);
  }, [url]);
  useEffect(() => {
    connect();
    return () => ref.current?.close();
  }, [connect]);
}`,
    // A page-wide singleton in a module variable, opened once behind a check: shared on purpose.
    {
      code: `import { useEffect } from 'react';
let shared = null;
export function useFeed() {
  useEffect(() => {
    if (!shared) shared = new EventSource('/feed');
  }, []);
}`,
      languageOptions: javascript,
    },
    // Vue: \`onMounted\` opens, \`onBeforeUnmount\` of the same setup closes.
    {
      code: `import { onBeforeUnmount, onMounted } from 'vue';
export default {
  setup() {
    let es;
    onMounted(() => {
      es = new EventSource('/events');
    });
    onBeforeUnmount(() => es?.close());
  },
};`,
      languageOptions: javascript,
    },
    // Vue: a composable that keeps the stream in a ref and closes \`.value\` in \`onUnmounted\`.
    `import { onMounted, onUnmounted, shallowRef } from 'vue';
export function useLive(url: string) {
  const source = shallowRef<EventSource | null>(null);
  onMounted(() => {
    source.value = new EventSource(url);
  });
  onUnmounted(() => {
    source.value?.close();
  });
  return { status: 'live' };
}`,
    // Vue options API: \`beforeUnmount\` calls a method that closes \`this.es\`.
    {
      code: `export default {
  mounted() {
    this.es = new EventSource('/events');
  },
  beforeUnmount() {
    this.stop();
  },
  methods: {
    stop() {
      this.es.close();
    },
  },
};`,
      languageOptions: javascript,
    },
    // Vue 2: \`created\` opens, \`destroyed\` closes (guarded with \`&&\`).
    {
      code: `export default {
  created() {
    this.source = new EventSource('/events');
  },
  destroyed() {
    this.source && this.source.close();
  },
};`,
      languageOptions: javascript,
    },
    // Svelte: \`onMount\` returns the cleanup.
    {
      code: `import { onMount } from 'svelte';
onMount(() => {
  const es = new EventSource('/events');
  return () => es.close();
});`,
      languageOptions: javascript,
    },
    // Svelte: \`onDestroy\` of the same component script closes it.
    `import { onDestroy, onMount } from 'svelte';
let es: EventSource | undefined;
onMount(() => {
  es = new EventSource('/events');
});
onDestroy(() => es?.close());`,
    // Solid: \`onCleanup\` in the component closes what \`onMount\` opened.
    {
      code: `import { onCleanup, onMount } from 'solid-js';
export function Live(props) {
  let es;
  onMount(() => {
    es = new EventSource(props.url);
  });
  onCleanup(() => es?.close());
  return <p />;
}`,
      languageOptions: javascript,
    },
    // The same through a namespace import: \`solid.onMount\` is Solid's, not Svelte's, whose cleanup
    // would be the function \`onMount\`'s callback returns (it was reported as never closed).
    `import * as solid from 'solid-js';
export function Live(props) {
  solid.onMount(() => {
    const es = new EventSource(props.url);
    solid.onCleanup(() => es.close());
  });
  return null;
}`,
    // Angular: opened through a private method, closed in \`ngOnDestroy\` with optional chaining.
    `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  ngOnInit(): void {
    this.connect();
  }
  ngOnDestroy(): void {
    this.es?.close();
  }
  private connect(): void {
    this.es = new EventSource('/events');
  }
}`,
    // Angular: \`ngOnDestroy\` is a field bound to the method that closes (issue 17: a false report the
    // lifecycle mutation helpers found).
    `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  ngOnInit(): void {
    this.es = new EventSource('/events');
  }
  private teardown(): void {
    this.es?.close();
  }
  ngOnDestroy = this.teardown.bind(this);
}`,
    // Angular: a \`DestroyRef.onDestroy\` callback closes the local stream.
    `@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  private readonly destroyRef = inject(DestroyRef);
  ngOnInit(): void {
    const es = new EventSource('/events');
    this.destroyRef.onDestroy(() => es.close());
  }
}`,
    // A root service is not a component: its stream lives as long as the app, by design.
    `@Injectable({ providedIn: 'root' })
export class FeedService {
  readonly events = new EventSource('/events');
}`,
    // A React class component closes in \`componentWillUnmount\`, through a helper method.
    {
      code: `import React from 'react';
export class Live extends React.PureComponent<{ url: string }> {
  private es: EventSource | null = null;
  componentDidMount() {
    this.open();
  }
  componentWillUnmount() {
    this.shutdown();
  }
  open() {
    this.es = new EventSource(this.props.url);
  }
  shutdown() {
    this.es?.close();
    this.es = null;
  }
  render() {
    return <p />;
  }
}`,
      filename: 'file.tsx',
    },
    // A custom element closes in \`disconnectedCallback\`.
    {
      code: `class LiveFeed extends HTMLElement {
  connectedCallback() {
    this.es?.close();
    this.es = new EventSource(this.getAttribute('src'));
  }
  disconnectedCallback() {
    this.es.close();
  }
}
customElements.define('live-feed', LiveFeed);`,
      languageOptions: javascript,
    },
    // \`fetchEventSource\` is stopped by aborting the controller whose signal it got.
    `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url: string) {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource(url, { signal: controller.signal, onmessage: () => {} });
    return () => controller.abort();
  }, [url]);
}`,
    // The same with the signal read out of the controller first.
    {
      code: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url) {
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    fetchEventSource(url, { signal });
    return () => controller.abort();
  }, [url]);
}`,
      languageOptions: javascript,
    },
    // A wrapper that returns an unsubscribe function, returned as the cleanup.
    {
      code: `import { useEffect } from 'react';
import { subscribe } from '@acme/live';
export function useLive(url) {
  useEffect(() => {
    const unsubscribe = subscribe(url);
    return unsubscribe;
  }, [url]);
}`,
      options: [WRAPPERS],
      languageOptions: javascript,
    },
    // An early return before the stream, and the cleanup after it.
    `import { useEffect } from 'react';
export function useLive(url: string | null) {
  useEffect(() => {
    if (!url) return;
    const es = new EventSource(url);
    return () => es.close();
  }, [url]);
}`,

    // ── Handed to code that may own it: no verdict ──────────────────────────────────────
    // The hook returns the stream: its caller owns it.
    {
      code: `import { useEffect } from 'react';
export function useLive(url) {
  let source;
  useEffect(() => {
    source = new EventSource(url);
  }, [url]);
  return source;
}`,
      languageOptions: javascript,
    },
    // The cleanup is built elsewhere from the stream: it may well close it.
    `import { useEffect } from 'react';
export function useLive(url: string) {
  useEffect(() => {
    const es = new EventSource(url);
    return track(es);
  }, [url]);
}`,
    // TODO(false negative): a stream handed to \`setState\` is owned by whoever reads the state; the rule cannot follow it.
    `import { useEffect, useState } from 'react';
export function useLive(url: string) {
  const [source, setSource] = useState<EventSource | null>(null);
  useEffect(() => {
    setSource(new EventSource(url));
  }, [url]);
  return source;
}`,
    // TODO(false negative): a stream stored in an outer collection is not followed.
    {
      code: `import { useEffect } from 'react';
const streams = new Set();
export function useLive(url) {
  useEffect(() => {
    streams.add(new EventSource(url));
  }, [url]);
}`,
      languageOptions: javascript,
    },
    // A local class that happens to be called EventSource is not a stream.
    {
      code: `import { useEffect } from 'react';
class EventSource { constructor(url) { this.url = url; } }
export function useThing(url) {
  useEffect(() => {
    const thing = new EventSource(url);
  }, [url]);
}`,
      languageOptions: javascript,
    },

    // ── Replaced only after closing, or guarded ─────────────────────────────────────────
    // The old stream is closed first.
    {
      code: `let es;
export function connect(url) {
  es?.close();
  es = new EventSource(url);
}`,
      languageOptions: javascript,
    },
    // Closed under a check first.
    {
      code: `let es = null;
export function connect(url) {
  if (es) es.close();
  es = new EventSource(url);
}`,
      languageOptions: javascript,
    },
    // Closed with \`&&\` first.
    `let es: EventSource | undefined;
export function connect(url: string) {
  es && es.close();
  es = new EventSource(url);
}`,
    // Opened only when there is none yet.
    `let es: EventSource | undefined;
export function connect(url: string) {
  if (!es) {
    es = new EventSource(url);
  }
}`,
    // Returns early while one is there.
    `let es: EventSource | undefined;
export function connect(url: string) {
  if (es) return;
  es = new EventSource(url);
}`,
    // Returns early while the old one is not closed.
    {
      code: `let es;
export function connect(url) {
  if (es && es.readyState !== EventSource.CLOSED) return;
  es = new EventSource(url);
}`,
      languageOptions: javascript,
    },
    // \`??=\` never replaces a stream that is there.
    `let es: EventSource | undefined;
export function connect(url: string) {
  es ??= new EventSource(url);
  return es;
}`,
    // A local function closes it first.
    {
      code: `let es;
function disconnect() {
  es?.close();
  es = null;
}
export function connect(url) {
  disconnect();
  es = new EventSource(url);
}`,
      languageOptions: javascript,
    },
    // The swap: the old stream is kept aside and closed once the new one is in place.
    `let es: EventSource | undefined;
export function switchTo(url: string) {
  const old = es;
  es = new EventSource(url);
  old?.close();
}`,
    // A local function called once, at module level, runs once.
    {
      code: `let es;
function connect(url) {
  es = new EventSource(url);
  es.onmessage = (event) => console.log(event.data);
}
connect('/events');`,
      languageOptions: javascript,
    },
    // A watcher that opens in one branch and closes in the other handles both states on purpose.
    `import { watch } from 'vue';
let es: EventSource | undefined;
export function follow(enabled: Ref<boolean>) {
  watch(enabled, (on) => {
    if (on) es = new EventSource('/events');
    else es?.close();
  });
}`,

    // ── Re-opened after an error, the failed stream closed first ───────────────────────
    // Closes the failed stream, then reconnects later.
    {
      code: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = () => {
    es.close();
    setTimeout(connect, 1000 + Math.random() * 4000);
  };
}
connect();`,
      languageOptions: javascript,
    },
    // Closes it as the event's target.
    `function connect(): void {
  const es = new EventSource('/events');
  es.addEventListener('error', (event) => {
    (event.target as EventSource).close();
    connect();
  });
}
connect();`,
    // Closes it as \`this\` in a \`function\` handler.
    {
      code: `function connect() {
  const es = new EventSource('/events');
  es.onerror = function () {
    this.close();
    connect();
  };
}
connect();`,
      languageOptions: javascript,
    },
    // Re-opens only once the browser gave up on it.
    {
      code: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = () => {
    if (es.readyState === EventSource.CLOSED) connect();
  };
}
connect();`,
      languageOptions: javascript,
    },
    // A class that closes \`this.es\` first, in a handler that calls the opening method.
    `export class Feed {
  private es?: EventSource;
  private start(): void {
    this.es = new EventSource('/events');
    this.es.addEventListener('error', () => {
      this.es?.close();
      this.start();
    });
  }
}`,
    // sse.js does not reconnect by itself unless \`autoReconnect\` is on: after an error it is closed.
    {
      code: `import { SSE } from 'sse.js';
let source = new SSE('/events');
source.addEventListener('error', () => {
  source = new SSE('/events');
});`,
      languageOptions: javascript,
    },

    // ── Odd but valid syntax ────────────────────────────────────────────────────────────
    '',
    // \`new (EventSource)()\`, optional calls and a computed member on the way: closed all the same.
    `import { useEffect } from 'react';
export function useLive(url: string, streams: Record<string, unknown>) {
  useEffect(() => {
    const es = new (EventSource)(url);
    es?.addEventListener?.('message', () => streams['last']);
    return () => es?.close?.();
  }, [url]);
}`,
    // Decorators and a \`using\` declaration around a stream that is returned (its caller owns it).
    `@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  @Input() url = '';
  open(): EventSource {
    using lock = acquire();
    return new EventSource(this.url);
  }
}`,

    // ── Known false negatives ───────────────────────────────────────────────────────────
    // TODO(false negative): a stream opened directly in a Vue \`setup()\` (not in \`onMounted\`) is not checked.
    `import { defineComponent } from 'vue';
export default defineComponent({
  setup() {
    const es = new EventSource('/events');
    return { es };
  },
});`,
    // TODO(false negative): any early return under a test of state kept outside the function counts as a guard, even one that never stands for the stream.
    `export class Feed {
  private url = '';
  private es?: EventSource;
  reconnect(): void {
    if (!this.url) return;
    this.es = new EventSource(this.url);
  }
}`,
    // TODO(false negative): \`sharedEventSource\` from the hub is not counted as a stream (it is the plugin's own fix); list it in \`wrappers\` to check that it is released.
    `import { useEffect } from 'react';
import { sharedEventSource } from 'sse-hub';
export function useLive(url: string) {
  useEffect(() => {
    const es = sharedEventSource(url);
  }, [url]);
}`,
    // The limits docs/rules/require-eventsource-close.md lists, one case each, so that lifting one shows here.
    // TODO(false negative): a stream opened by a function imported from another module is seen only when that
    // function is listed in \`wrappers\` (the same effect with \`WRAPPERS\` is reported).
    `import { useEffect } from 'react';
import { subscribe } from '@acme/live';
export function useLive(url: string) {
  useEffect(() => {
    const es = subscribe(url);
  }, [url]);
}`,
    // TODO(false negative): a cleanup imported from another module is trusted to close what it is given,
    // though this one only logs.
    `import { useEffect } from 'react';
import { logStream } from './debug';
export function useLive(url: string) {
  useEffect(() => {
    const es = new EventSource(url);
    return () => logStream(es);
  }, [url]);
}`,
    // TODO(false negative): a stream handed to a Vue \`shallowRef()\` counts as handed over, though no
    // teardown closes it (a ref's \`.value\` assigned the stream is reported).
    `import { onMounted, shallowRef } from 'vue';
export function useLive(url: string) {
  onMounted(() => {
    const source = shallowRef(new EventSource(url));
    source.value.onmessage = render;
  });
}`,
    // TODO(false negative): a \`fetchEventSource\` whose controller is replaced without being aborted:
    // a second \`connect()\` leaves the first request running (the same with \`this.source = new
    // EventSource(…)\` is reported as replacedWithoutClose).
    `import { fetchEventSource } from '@microsoft/fetch-event-source';
export class Client {
  connect() {
    this.controller = new AbortController();
    return fetchEventSource(this.url, { signal: this.controller.signal });
  }
  disconnect() {
    this.controller?.abort();
  }
}`,
    // ── Issue 11: shapes real code showed to be fine ──
    // An ES5 constructor function called with `new`: every `new` has its own `this`, so nothing is replaced.
    {
      code: `export function Feed(url) {
  this.es = new EventSource(url);
}
Feed.prototype.stop = function () { this.es.close(); };
export function follow(url) { return new Feed(url); }`,
      languageOptions: javascript,
    },
    // The same through a prototype method that the constructor calls.
    {
      code: `export function Ticker(symbol) {
  this.symbol = symbol;
  this.connect();
}
Ticker.prototype.connect = function () {
  this.source = new EventSource('/ticker/' + this.symbol);
};`,
      languageOptions: javascript,
    },
    // A mixin: `Live.call(this)` runs as part of the constructor that calls it.
    {
      code: `function Live() {
  this.source = new EventSource('/live');
}
export function Widget(element) {
  Live.call(this);
  this.element = element;
}`,
      languageOptions: javascript,
    },
    // A public method that every caller of the file calls after closing the old stream, or only when none is open.
    `export class Channel {
  private es: EventSource | null = null;
  open() { this.es = new EventSource('/channel'); }
  reconnect() {
    this.es?.close();
    this.open();
  }
  start() {
    if (this.es) return;
    this.open();
  }
}`,
    // The same with an exported function and a module-level holder.
    {
      code: `let es = null;
export function connect() {
  es = new EventSource('/events');
}
export function restart() {
  if (es) es.close();
  connect();
}`,
      languageOptions: javascript,
    },
    // A stream opened by a user action inside an effect (a question set on submit), closed on its
    // terminal event: not a mount-time subscription (GitbookIO/integrations#387 "Wait for done to close EventSource").
    {
      code: `export function Answer() {
  const [question, setQuestion] = useState(null);
  useEffect(() => {
    if (!question) return;
    const es = new EventSource('/answer?q=' + encodeURIComponent(question));
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <form onSubmit={(event) => setQuestion(event.target.q.value)} />;
}`,
      languageOptions: javascript,
    },
    // TODO(false negative): the component may unmount before the answer ends; the stream then stays
    // open until its terminal event arrives.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    if (!question) return;
    const es = new EventSource('/answer?q=' + question);
    es.addEventListener('done', () => es.close());
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // The same opened by a handler the effect registers.
    {
      code: `export function Shortcuts(): JSX.Element {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter') return;
      const es = new EventSource('/run');
      es.addEventListener('done', () => es.close());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return <div />;
}`,
      filename: 'file.tsx',
    },
    // VueUse useEventSource (@vueuse/core) closes its stream itself when the component's scope is disposed: in setup(),
    // kept or not, and in a composable that setup() calls.
    `import { defineComponent, watch } from 'vue';
import { useEventSource } from '@vueuse/core';
function useJobStatus(id: string) {
  const job = useEventSource(\`/jobs/\${id}\`, ['progress']);
  watch(job.data, (value) => console.log(value));
}
export default defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    useEventSource('/heartbeat');
    const feed = useEventSource('/feed');
    watch(feed.status, (status) => console.log(status));
    useJobStatus(props.id);
    return {};
  },
});`,
    // ── Pinned by the mutation run: which conditions make a self-closing stream a one-shot ──
    // An early return in braces (\`if (!question) { return; }\`) is a condition like \`if (!question) return;\`.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    if (!question) { return; }
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Opened inside the consequent of an \`if\`, closed on its terminal event.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    if (question) {
      const es = new EventSource('/answer?q=' + question);
      es.onmessage = (event) => {
        if (event.data === '[DONE]') es.close();
      };
    }
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A module-level stream created only when empty (\`??=\`) is a page-wide singleton.
    {
      code: `let es;
export function Live() {
  useEffect(() => {
    es ??= new EventSource('/live');
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A returned value that is not a function of this file (an imported cleanup) may close the stream.
    {
      code: `import { unsubscribeAll } from './live';
export function Live() {
  useEffect(() => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
    return unsubscribeAll;
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A stream on a property of an object of the effect is closed by the effect's own cleanup.
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
    return () => box.es?.close();
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // The object that holds the stream is handed on (\`register(box)\`) or kept outside the effect
    // (\`ref.current = box\`): code elsewhere may close it, and the cleanup of the other effect
    // (\`track\`, not defined here) may be that code.
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
    register(box);
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    {
      code: `export function Live() {
  const ref = useRef(null);
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
    ref.current = box;
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Under names the holding does not follow (destructured, or \`this\` in a method of the object),
    // the effect's cleanup may close it: left to the component's teardown, which may close it too.
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
    const { es } = box;
    return () => es.close();
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    {
      code: `export function Live() {
  useEffect(() => {
    const box = {
      es: null,
      stop() {
        this.es.close();
      },
    };
    box.es = new EventSource('/live');
    return () => box.stop();
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Nor followed: an object made elsewhere (\`makeBox()\` may keep it), one with spread-in members
    // (methods among them), one whose properties are named at run time.
    {
      code: `export function Live() {
  useEffect(() => {
    const box = makeBox();
    box.es = new EventSource('/live');
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { ...closable, es: null };
    box.es = new EventSource('/live');
    return () => box.stop();
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
    return () => ['es'].forEach((name) => box[name].close());
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
  ],
  invalid: [
    // A local factory returns the stream; the effect that calls it keeps it and never closes it.
    {
      code: `import { useEffect } from 'react';
function open(url) {
  return new EventSource(url);
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url);
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 7,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { useEffect } from 'react';
function open(url) {
  return new EventSource(url);
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url);
    return () => es.close();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // A factory that retries by calling itself hands the stream to the same callers: the effect
    // that keeps it and never closes it is reported once, not again through the retry.
    {
      code: `import { useEffect } from 'react';
function open(url, tries) {
  if (tries > 0) return open(url, tries - 1);
  return new EventSource(url);
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url, 3);
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 8,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { useEffect } from 'react';
function open(url, tries) {
  if (tries > 0) return open(url, tries - 1);
  return new EventSource(url);
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url, 3);
    return () => es.close();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // A factory with two openings (a default URL) leads to its callers from each: one report per call.
    {
      code: `import { useEffect } from 'react';
function open(url) {
  if (url) return new EventSource(url);
  return new EventSource('/default');
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url);
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 8,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { useEffect } from 'react';
function open(url) {
  if (url) return new EventSource(url);
  return new EventSource('/default');
}
export function useLive(url) {
  useEffect(() => {
    const es = open(url);
    return () => es.close();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // The retry does not use up the depth a factory is followed: an arrow around the retrying
    // factory still hands the stream to the effect.
    {
      code: `import { useEffect } from 'react';
function open(url, tries) {
  if (tries > 0) return open(url, tries - 1);
  return new EventSource(url);
}
const live = (url) => open(url, 3);
export function useLive(url) {
  useEffect(() => {
    live(url);
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notKeptOnMount',
          line: 9,
          column: 5,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP },
        },
      ],
    },
    // Through a variable of the factory that sets a handler, and an arrow factory calling it:
    // the stream reaches the effect, which drops it.
    {
      code: `import { useEffect } from 'react';
function connect(url: string, onData: (data: string) => void) {
  const es = new EventSource(url);
  es.onmessage = (event) => onData(event.data);
  return es;
}
const follow = (url: string) => connect(url, console.log);
export function useLive(url: string) {
  useEffect(() => {
    follow(url);
  }, [url]);
}`,
      errors: [
        {
          messageId: 'notKeptOnMount',
          line: 10,
          column: 5,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP },
        },
      ],
    },
    // A custom element's factory method: what \`connectedCallback\` keeps is never closed.
    {
      code: `export class LiveFeed extends HTMLElement {
  source?: EventSource;
  connectedCallback() {
    this.source = this.createSource();
  }
  createSource() {
    return new EventSource('/feed');
  }
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 19,
          data: { stream: ES, lifecycle: '`connectedCallback`', where: IN_DISCONNECTED, example: '' },
        },
      ],
    },
    // A public connect() that puts a new stream in \`this.source\` in both branches of a choice
    // of client, with no close or check before: a second connect() leaks the first stream. The
    // test of \`this.polyfill\` is kept state, but both of its branches open, so it guards
    // nothing. Reduced from tserkov/vue-sse src/sse-client.js, a miss of the real-world audit.
    {
      code: `import { EventSourcePolyfill } from 'event-source-polyfill';
export class Client {
  connect() {
    if (this.polyfill) {
      this.source = new EventSourcePolyfill(this.url, { withCredentials: true });
    } else {
      this.source = new EventSource(this.url);
    }
    return new Promise((resolve) => {
      this.source.onopen = () => resolve(this);
    });
  }
  disconnect() {
    this.source?.close();
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 5,
          column: 7,
          data: { target: 'this.source', stream: '`EventSourcePolyfill` from `event-source-polyfill`' },
          suggestions: [{ messageId: 'closeBeforeReplacing', data: { code: 'this.source?.close();' }, output: `import { EventSourcePolyfill } from 'event-source-polyfill';
export class Client {
  connect() {
    if (this.polyfill) {
      this.source?.close();
      this.source = new EventSourcePolyfill(this.url, { withCredentials: true });
    } else {
      this.source = new EventSource(this.url);
    }
    return new Promise((resolve) => {
      this.source.onopen = () => resolve(this);
    });
  }
  disconnect() {
    this.source?.close();
  }
}` }],
        },
        {
          messageId: 'replacedWithoutClose',
          line: 7,
          column: 7,
          data: { target: 'this.source', stream: ES },
          suggestions: [{ messageId: 'closeBeforeReplacing', data: { code: 'this.source?.close();' }, output: `import { EventSourcePolyfill } from 'event-source-polyfill';
export class Client {
  connect() {
    if (this.polyfill) {
      this.source = new EventSourcePolyfill(this.url, { withCredentials: true });
    } else {
      this.source?.close();
      this.source = new EventSource(this.url);
    }
    return new Promise((resolve) => {
      this.source.onopen = () => resolve(this);
    });
  }
  disconnect() {
    this.source?.close();
  }
}` }],
        },
      ],
    },
    // The same pair, but the constructor opens a stream first: start() replaces an open one.
    {
      code: `export class Connection {
  sse: EventSource | undefined;
  constructor() {
    this.sse = new EventSource('/default');
  }
  start(url: string) {
    this.sse = new EventSource(url);
  }
  stop() {
    this.sse?.close();
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 7,
          column: 5,
          data: { target: 'this.sse', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.sse?.close();' },
              output: `export class Connection {
  sse: EventSource | undefined;
  constructor() {
    this.sse = new EventSource('/default');
  }
  start(url: string) {
    this.sse?.close();
    this.sse = new EventSource(url);
  }
  stop() {
    this.sse?.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // A method that hands each caller the stream it stores, beside a method that closes it:
    // only the last one stays closable. Reduced from 98christianp/LINC_Dashboard
    // sse-service.service.ts (two components call it), a true finding of the real-world audit.
    {
      code: `export class SseService {
  private eventSource: EventSource | undefined;
  getEventSource(url: string): EventSource {
    this.eventSource = new EventSource(url);
    return this.eventSource;
  }
  closeEventSource() {
    this.eventSource?.close();
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 4,
          column: 5,
          data: { target: 'this.eventSource', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.eventSource?.close();' },
              output: `export class SseService {
  private eventSource: EventSource | undefined;
  getEventSource(url: string): EventSource {
    this.eventSource?.close();
    this.eventSource = new EventSource(url);
    return this.eventSource;
  }
  closeEventSource() {
    this.eventSource?.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // A void connect() beside disconnect(), but the class itself calls it on every emission of
    // a subscription: its callers decide, and they run it again with the old stream open.
    {
      code: `export class RoomFeed {
  private es?: EventSource;
  constructor(private readonly params: { subscribe(next: (id: string) => void): void }) {
    params.subscribe((id) => this.connect(id));
  }
  connect(id: string) {
    this.es = new EventSource('/rooms/' + id);
  }
  disconnect() {
    this.es?.close();
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 7,
          column: 5,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class RoomFeed {
  private es?: EventSource;
  constructor(private readonly params: { subscribe(next: (id: string) => void): void }) {
    params.subscribe((id) => this.connect(id));
  }
  connect(id: string) {
    this.es?.close();
    this.es = new EventSource('/rooms/' + id);
  }
  disconnect() {
    this.es?.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // A start() whose class has no method that closes the field: every call leaks the last one.
    {
      code: `export class Connection {
  sse: EventSource | undefined;
  start(url: string) {
    this.sse = new EventSource(url);
  }
  pause() {
    this.sse = undefined;
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 4,
          column: 5,
          data: { target: 'this.sse', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.sse?.close();' },
              output: `export class Connection {
  sse: EventSource | undefined;
  start(url: string) {
    this.sse?.close();
    this.sse = new EventSource(url);
  }
  pause() {
    this.sse = undefined;
  }
}`,
            },
          ],
        },
      ],
    },
    // ── Opened at mount, never closed at teardown ───────────────────────────────────────
    // Written over by a loop or a destructuring, or only iterated, never closed: neither hands the
    // stream to anyone, so it is still this effect's to close (issue 17: a survivor of
    // stream-holders.ts showed these were taken as the stream escaping, and nothing was reported).
    ...['for (es of next) es.onmessage = null;', 'for (es in next);', '[es = null] = next;', '({ es } = next);', '[...es] = next;', 'for (const key in es) next.add(key);'].map(
      (overwrite) => ({
        code: `import { useEffect } from 'react';
export function Live({ url, next }) {
  useEffect(() => {
    let es = new EventSource(url);
    ${overwrite}
    return () => next.clear();
  }, [url]);
  return null;
}`,
        errors: [
          {
            messageId: 'notClosedOnUnmount' as const,
            line: 4,
            column: 14,
            data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          },
        ],
      }),
    ),
    // \`es.close.call(null)\` throws (\`close\` needs its stream as \`this\`) and closes nothing.
    {
      code: `import { useEffect } from 'react';
export function Live({ url }: { url: string }) {
  useEffect(() => {
    const es = new EventSource(url);
    return () => es.close.call(null);
  }, [url]);
  return null;
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
        },
      ],
    },
    // An effect with no cleanup: the suggestion adds one.
    {
      code: `import { useEffect } from 'react';
export function Live({ url }) {
  useEffect(() => {
    const es = new EventSource(url);
    es.onmessage = (event) => console.log(event.data);
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { useEffect } from 'react';
export function Live({ url }) {
  useEffect(() => {
    const es = new EventSource(url);
    es.onmessage = (event) => console.log(event.data);
    return () => es.close();
  }, [url]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // The same on one line: the cleanup goes on that line.
    {
      code: `export const useLive = (url: string) => useEffect(() => { const es = new EventSource(url); }, [url]);`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 1,
          column: 70,
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export const useLive = (url: string) => useEffect(() => { const es = new EventSource(url); return () => es.close(); }, [url]);`,
            },
          ],
        },
      ],
    },
    // \`React.useLayoutEffect\`, in TSX, with the stream opened through \`new (EventSource)()\`.
    {
      code: `import * as React from 'react';
export function Live({ url }: { url: string }) {
  React.useLayoutEffect(() => {
    const es = new (EventSource)(url);
    es?.addEventListener('message', () => {});
  }, [url]);
  return <p />;
}`,
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: 'this `useLayoutEffect` callback', where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import * as React from 'react';
export function Live({ url }: { url: string }) {
  React.useLayoutEffect(() => {
    const es = new (EventSource)(url);
    es?.addEventListener('message', () => {});
    return () => es.close();
  }, [url]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // The cleanup closes something else.
    {
      code: `import { useEffect } from 'react';
export function useLive(url: string, other: EventSource) {
  useEffect(() => {
    const es = new EventSource(url);
    return () => other.close();
  }, [url]);
}`,
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, column: 16, suggestions: [] }],
    },
    // Kept in a ref that nothing closes: no mechanical fix (the ref outlives the callback).
    {
      code: `import { useEffect, useRef } from 'react';
export function useLive(url: string) {
  const ref = useRef<EventSource | null>(null);
  useEffect(() => {
    ref.current = new EventSource(url);
  }, [url]);
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 19,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => ref.current.close();`)' },
          suggestions: [],
        },
      ],
    },
    // Opened through a local function that the effect calls.
    {
      code: `import { useEffect, useRef } from 'react';
export function Live({ url }) {
  const ref = useRef(null);
  const connect = () => {
    ref.current = new EventSource(url);
  };
  useEffect(() => {
    connect();
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, column: 19, data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => ref.current.close();`)' } }],
    },
    // An async effect returns a promise, which React never calls as a cleanup.
    {
      code: `import { useEffect } from 'react';
export function useLive(url) {
  useEffect(async () => {
    const es = new EventSource(url);
    return () => es.close();
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, column: 16, suggestions: [] }],
    },
    // Kept nowhere at all: nothing can close it.
    {
      code: `import { useEffect } from 'react';
export function useLive(url, onEvent) {
  useEffect(() => {
    new EventSource(url).onmessage = onEvent;
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notKeptOnMount',
          line: 4,
          column: 5,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP },
        },
      ],
    },
    // A stream that closes itself when done still leaks when the component unmounts first.
    {
      code: `import { useEffect } from 'react';
export function useAnswer(url: string) {
  useEffect(() => {
    const es = new EventSource(url);
    es.addEventListener('done', () => es.close());
  }, [url]);
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { useEffect } from 'react';
export function useAnswer(url: string) {
  useEffect(() => {
    const es = new EventSource(url);
    es.addEventListener('done', () => es.close());
    return () => es.close();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // Vue: \`onMounted\` without a closing \`onBeforeUnmount\`.
    {
      code: `import { onMounted } from 'vue';
export function useLive(url: string) {
  let es: EventSource | undefined;
  onMounted(() => {
    es = new EventSource(url);
  });
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 10,
          data: { stream: ES, lifecycle: 'this `onMounted` callback', where: IN_VUE_UNMOUNT, example: '' },
        },
      ],
    },
    // Vue: a ref's \`.value\` that no teardown closes.
    {
      code: `import { onMounted, ref } from 'vue';
export function useLive(url) {
  const source = ref(null);
  onMounted(() => {
    source.value = new EventSource(url);
  });
}`,
      languageOptions: javascript,
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, column: 20, data: { stream: ES, lifecycle: 'this `onMounted` callback', where: IN_VUE_UNMOUNT, example: '' } }],
    },
    // Vue options API: a method could close it, but no teardown hook calls it.
    {
      code: `export default {
  mounted() {
    this.es = new EventSource('/events');
  },
  methods: {
    stop() {
      this.es.close();
    },
  },
};`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 15,
          data: { stream: ES, lifecycle: '`mounted`', where: IN_VUE_OPTION_TEARDOWN, example: '' },
        },
      ],
    },
    // Svelte: \`onMount\` with no cleanup.
    {
      code: `import { onMount } from 'svelte';
onMount(() => {
  const es = new EventSource('/events');
});`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 14,
          data: { stream: ES, lifecycle: 'this `onMount` callback', where: IN_SVELTE_TEARDOWN, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `import { onMount } from 'svelte';
onMount(() => {
  const es = new EventSource('/events');
  return () => es.close();
});`,
            },
          ],
        },
      ],
    },
    // Svelte 5: \`$effect\` with no cleanup.
    {
      code: `$effect(() => {
  const es = new EventSource(url);
});`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `$effect(() => {
  const es = new EventSource(url);
  return () => es.close();
});`,
            },
          ],
        },
      ],
    },
    // Solid ignores what \`onMount\` returns: the cleanup belongs in \`onCleanup\`.
    {
      code: `import { onMount } from 'solid-js';
export function Live(props) {
  onMount(() => {
    const es = new EventSource(props.url);
    return () => es.close();
  });
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: 'this `onMount` callback', where: IN_SOLID_CLEANUP, example: '' },
          suggestions: [],
        },
      ],
    },
    // Solid's \`createEffect\` through a namespace import is a mount like the named one.
    {
      code: `import * as solid from 'solid-js';
export function Live(props) {
  solid.createEffect(() => {
    const es = new EventSource(props.url);
  });
  return null;
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: 'this `createEffect` callback', where: IN_SOLID_CLEANUP, example: '' },
          suggestions: [],
        },
      ],
    },
    // Angular: \`ngOnInit\` opens, there is no \`ngOnDestroy\`.
    {
      code: `export class FeedComponent implements OnInit {
  private es?: EventSource;
  ngOnInit(): void {
    this.es = new EventSource('/events');
  }
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 15,
          data: { stream: ES, lifecycle: '`ngOnInit`', where: IN_NG_ON_DESTROY, example: '' },
        },
      ],
    },
    // Angular: a component's field initialiser runs per instance too.
    {
      code: `@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  private readonly es = new EventSource('/events');
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 25,
          data: { stream: ES, lifecycle: 'the construction of this component', where: IN_NG_ON_DESTROY, example: '' },
        },
      ],
    },
    // A field named by a string (\`'source' = …\`, \`['source'] = …\`) is held at \`this.source\`
    // as a plain name is.
    {
      code: `import { LitElement } from 'lit';
export class LiveFeed extends LitElement {
  'source' = new EventSource('/feed');
  ['backup'] = new EventSource('/backup');
  disconnectedCallback() {
    this.backup.close();
  }
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 14,
          data: { stream: ES, lifecycle: 'the construction of this component', where: IN_DISCONNECTED, example: '' },
        },
      ],
    },
    // A custom element built through mixins (\`SignalWatcher(LitElement)\`, as Lit's signals and
    // localisation packages do it): its field runs per instance, like a plain \`LitElement\`'s.
    {
      code: `import { LitElement } from 'lit';
import { SignalWatcher } from '@lit-labs/signals';
export class LiveFeed extends Localized(SignalWatcher(LitElement)) {
  es = new EventSource('/feed');
}`,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 8,
          data: { stream: ES, lifecycle: 'the construction of this component', where: IN_DISCONNECTED, example: '' },
        },
      ],
    },
    // Angular: \`ngOnDestroy\` closes a different member.
    {
      code: `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  private other?: EventSource;
  ngOnInit(): void {
    this.es = new EventSource('/events');
  }
  ngOnDestroy(): void {
    this.other?.close();
  }
}`,
      errors: [{ messageId: 'notClosedOnUnmount', line: 5, column: 15 }],
    },
    // Angular: a bound \`ngOnDestroy\` whose method closes nothing.
    {
      code: `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  ngOnInit(): void {
    this.es = new EventSource('/events');
  }
  private teardown(): void {
    console.log('bye');
  }
  ngOnDestroy = this.teardown.bind(this);
}`,
      errors: [{ messageId: 'notClosedOnUnmount', line: 4, column: 15, data: { stream: ES, lifecycle: '`ngOnInit`', where: IN_NG_ON_DESTROY, example: '' } }],
    },
    // A React class component without \`componentWillUnmount\`.
    {
      code: `import { Component } from 'react';
export class Live extends Component<{ url: string }> {
  private es?: EventSource;
  componentDidMount() {
    this.es = new EventSource(this.props.url);
  }
  render() {
    return <p />;
  }
}`,
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 15,
          data: { stream: ES, lifecycle: '`componentDidMount`', where: IN_WILL_UNMOUNT, example: '' },
        },
      ],
    },
    // A custom element without \`disconnectedCallback\`.
    {
      code: `class LiveFeed extends HTMLElement {
  connectedCallback() {
    this.es = new EventSource(this.getAttribute('src'));
  }
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 15,
          data: { stream: ES, lifecycle: '`connectedCallback`', where: IN_DISCONNECTED, example: '' },
        },
      ],
    },
    // \`fetchEventSource\` without a signal cannot be stopped.
    {
      code: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url: string) {
  useEffect(() => {
    fetchEventSource(url, { onmessage: (event) => console.log(event.data) });
  }, [url]);
}`,
      errors: [
        {
          messageId: 'fetchWithoutSignal',
          line: 5,
          column: 5,
          data: { lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP },
        },
      ],
    },
    // \`fetchEventSource\` with a signal whose controller is never aborted: the suggestion aborts it.
    {
      code: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url) {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource(url, { signal: controller.signal });
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'fetchNotAborted',
          line: 6,
          column: 5,
          data: { lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, controller: 'controller' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => controller.abort();' },
              output: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url) {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource(url, { signal: controller.signal });
    return () => controller.abort();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // The function a wrapper returned, called only on a click: calling it hands it to no one, so
    // the effect still holds the stream at unmount (issue 17: it was taken as handed over).
    {
      code: `import { subscribe } from '@acme/live';
import { useEffect } from 'react';
export function Live({ url, button }) {
  useEffect(() => {
    const stop = subscribe(url);
    button.onclick = () => stop();
  }, [url]);
  return null;
}`,
      options: [WRAPPERS],
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 18,
          data: { stream: '`subscribe` from `@acme/live`', lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: '' },
          suggestions: [],
        },
      ],
    },
    // A user's wrapper whose unsubscribe function is never called: no mechanical fix for an unknown API.
    {
      code: `import { useEffect } from 'react';
import { subscribe } from '@acme/live';
export function useLive(url) {
  useEffect(() => {
    const unsubscribe = subscribe(url);
  }, [url]);
}`,
      options: [WRAPPERS],
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 25,
          data: { stream: '`subscribe` from `@acme/live`', lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: '' },
          suggestions: [],
        },
      ],
    },

    // ── Replaced while the old one may be open ──────────────────────────────────────────
    // An exported function can run any number of times.
    {
      code: `let es;
export function connect(url) {
  es = new EventSource(url);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 3,
          column: 3,
          data: { target: 'es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es;
export function connect(url) {
  es?.close();
  es = new EventSource(url);
}`,
            },
          ],
        },
      ],
    },
    // Two streams in a row in one variable: the first is still open.
    {
      code: `let es = new EventSource('/a');
es = new EventSource('/b');`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 2,
          column: 1,
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es = new EventSource('/a');
es?.close();
es = new EventSource('/b');`,
            },
          ],
        },
      ],
    },
    // A click handler that opens on every click.
    {
      code: `import { useRef } from 'react';
export function Live({ url }: { url: string }) {
  const ref = useRef<EventSource | null>(null);
  const start = () => {
    ref.current = new EventSource(url);
  };
  return <button onClick={start}>Go live</button>;
}`,
      filename: 'file.tsx',
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 5,
          column: 5,
          data: { target: 'ref.current', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'ref.current?.close();' },
              output: `import { useRef } from 'react';
export function Live({ url }: { url: string }) {
  const ref = useRef<EventSource | null>(null);
  const start = () => {
    ref.current?.close();
    ref.current = new EventSource(url);
  };
  return <button onClick={start}>Go live</button>;
}`,
            },
          ],
        },
      ],
    },
    // A subscription callback runs on every emission: each opens one more.
    {
      code: `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  constructor(private readonly route: ActivatedRoute) {}
  ngOnInit(): void {
    this.route.params.subscribe((params) => {
      this.es = new EventSource('/rooms/' + params['id']);
    });
  }
  ngOnDestroy(): void {
    this.es?.close();
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 6,
          column: 7,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  constructor(private readonly route: ActivatedRoute) {}
  ngOnInit(): void {
    this.route.params.subscribe((params) => {
      this.es?.close();
      this.es = new EventSource('/rooms/' + params['id']);
    });
  }
  ngOnDestroy(): void {
    this.es?.close();
  }
}`,
            },
          ],
        },
      ],
    },
    // A Vue watcher runs on every change.
    {
      code: `import { watch } from 'vue';
let es;
export function follow(url) {
  watch(url, (next) => {
    es = new EventSource(next);
  });
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `import { watch } from 'vue';
let es;
export function follow(url) {
  watch(url, (next) => {
    es?.close();
    es = new EventSource(next);
  });
}`,
            },
          ],
        },
      ],
    },
    // A public method can be called again; the class field already holds a stream.
    {
      code: `export class Feed {
  es = new EventSource('/events');
  reconnect(): void {
    this.es = new EventSource('/events');
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 4,
          column: 5,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class Feed {
  es = new EventSource('/events');
  reconnect(): void {
    this.es?.close();
    this.es = new EventSource('/events');
  }
}`,
            },
          ],
        },
      ],
    },
    // An arrow that returns the assignment: reported, but there is no statement to put a close before.
    {
      code: `let es;
export const connect = (url) => (es = new EventSource(url));`,
      languageOptions: javascript,
      errors: [{ messageId: 'replacedWithoutClose', line: 2, column: 34, suggestions: [] }],
    },
    // A loop replaces the stream on every pass.
    {
      code: `let es;
for (const url of ['/a', '/b']) {
  es = new EventSource(url);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es;
for (const url of ['/a', '/b']) {
  es?.close();
  es = new EventSource(url);
}`,
            },
          ],
        },
      ],
    },
    // Closing in a handler defined before is not closing: it runs later, if ever.
    {
      code: `let es: EventSource | undefined;
export function connect(url: string) {
  window.onbeforeunload = () => es?.close();
  es = new EventSource(url);
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 4,
          column: 3,
          data: { target: 'es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es: EventSource | undefined;
export function connect(url: string) {
  window.onbeforeunload = () => es?.close();
  es?.close();
  es = new EventSource(url);
}`,
            },
          ],
        },
      ],
    },
    // A guard whose \`break\` only ends a loop inside it does not leave: the old stream is still replaced.
    {
      code: `let es: EventSource | undefined;
export function connect(url: string, topics: string[]) {
  if (es) {
    for (const topic of topics) {
      if (!topic) break;
    }
  }
  es = new EventSource(url);
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 8,
          column: 3,
          data: { target: 'es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es: EventSource | undefined;
export function connect(url: string, topics: string[]) {
  if (es) {
    for (const topic of topics) {
      if (!topic) break;
    }
  }
  es?.close();
  es = new EventSource(url);
}`,
            },
          ],
        },
      ],
    },
    // A key of a type in the test (\`{ open: boolean }\`) names a property, not the module's \`open\`:
    // the test reads a parameter, so it is no check of the kept stream.
    {
      code: `let es: EventSource | undefined;
let open = false;
export function connect(state: unknown) {
  if ((state as { open: boolean }).open) return;
  es = new EventSource('/a');
}
export function stop() {
  es?.close();
  open = false;
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 5,
          column: 3,
          data: { target: 'es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es: EventSource | undefined;
let open = false;
export function connect(state: unknown) {
  if ((state as { open: boolean }).open) return;
  es?.close();
  es = new EventSource('/a');
}
export function stop() {
  es?.close();
  open = false;
}`,
            },
          ],
        },
      ],
    },
    // A user's wrapper: reported, no suggestion (its close method is unknown).
    {
      code: `import { subscribe } from '@acme/live';
let stop;
export function follow(url) {
  stop = subscribe(url);
}`,
      options: [WRAPPERS],
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 4,
          column: 3,
          data: { target: 'stop', stream: '`subscribe` from `@acme/live`' },
          suggestions: [],
        },
      ],
    },

    // ── Re-opened from an error handler without closing the failed stream ───────────────
    // The handler replaces the stream; the failed one keeps reconnecting.
    {
      code: `let es = new EventSource('/events');
es.onerror = () => {
  es = new EventSource('/events');
};`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 3,
          column: 8,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es.close();' },
              output: `let es = new EventSource('/events');
es.onerror = () => {
  es.close();
  es = new EventSource('/events');
};`,
            },
          ],
        },
      ],
    },
    // The handler calls the function that opens; as an expression body there is no statement to add to.
    {
      code: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = () => connect();
}
connect();`,
      languageOptions: javascript,
      errors: [{ messageId: 'reopenedWithoutClose', line: 4, column: 22, data: { stream: ES }, suggestions: [] }],
    },
    // Scheduling the re-open does not close the failed stream either.
    {
      code: `let es: EventSource | undefined;
function connect(): void {
  es = new EventSource('/events');
  es.addEventListener('error', () => {
    setTimeout(connect, 5000);
  });
}
connect();`,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `let es: EventSource | undefined;
function connect(): void {
  es = new EventSource('/events');
  es.addEventListener('error', () => {
    es?.close();
    setTimeout(connect, 5000);
  });
}
connect();`,
            },
          ],
        },
      ],
    },
    // A \`function\` handler on a stream kept nowhere else: \`this\` is the failed stream.
    {
      code: `function connect() {
  new EventSource('/events').onerror = function () {
    connect();
  };
}
connect();`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 3,
          column: 5,
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'this.close();' },
              output: `function connect() {
  new EventSource('/events').onerror = function () {
    this.close();
    connect();
  };
}
connect();`,
            },
          ],
        },
      ],
    },
    // A class whose error handler calls the opening method again.
    {
      code: `export class Feed {
  private es?: EventSource;
  private start(): void {
    this.es = new EventSource('/events');
    this.es.addEventListener('error', () => {
      this.start();
    });
  }
}`,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 6,
          column: 7,
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'this.es?.close();' },
              output: `export class Feed {
  private es?: EventSource;
  private start(): void {
    this.es = new EventSource('/events');
    this.es.addEventListener('error', () => {
      this.es?.close();
      this.start();
    });
  }
}`,
            },
          ],
        },
      ],
    },
    // reconnecting-eventsource reconnects by itself too.
    {
      code: `import ReconnectingEventSource from 'reconnecting-eventsource';
const es = new ReconnectingEventSource('/events');
es.onerror = () => {
  start();
};
function start() {
  return new ReconnectingEventSource('/events');
}`,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 4,
          column: 3,
          data: { stream: 'the default export of `reconnecting-eventsource`' },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es.close();' },
              output: `import ReconnectingEventSource from 'reconnecting-eventsource';
const es = new ReconnectingEventSource('/events');
es.onerror = () => {
  es.close();
  start();
};
function start() {
  return new ReconnectingEventSource('/events');
}`,
            },
          ],
        },
      ],
    },
    // sse.js with \`autoReconnect: true\` reconnects by itself.
    {
      code: `import { SSE } from 'sse.js';
let source = new SSE('/events', { autoReconnect: true });
source.addEventListener('error', () => {
  source = new SSE('/events', { autoReconnect: true });
});`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 4,
          column: 12,
          data: { stream: '`SSE` from `sse.js`' },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'source.close();' },
              output: `import { SSE } from 'sse.js';
let source = new SSE('/events', { autoReconnect: true });
source.addEventListener('error', () => {
  source.close();
  source = new SSE('/events', { autoReconnect: true });
});`,
            },
          ],
        },
      ],
    },
    // A named handler that schedules the re-open.
    {
      code: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = handleError;
}
function handleError() {
  setTimeout(connect, 1000);
}
connect();`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 7,
          column: 14,
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = handleError;
}
function handleError() {
  es?.close();
  setTimeout(connect, 1000);
}
connect();`,
            },
          ],
        },
      ],
    },
    // ── Issue 11 ──
    // A public method with one caller of the file that neither closes nor checks: still reported.
    {
      code: `export class Channel {
  open() { this.es = new EventSource('/channel'); }
  reconnect() { this.open(); }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 2,
          column: 12,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class Channel {
  open() { this.es?.close(); this.es = new EventSource('/channel'); }
  reconnect() { this.open(); }
}`,
            },
          ],
        },
      ],
    },
    // Opened under a condition but never closed, not even when done: still held per mount.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    if (!question) return;
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => show(event.data);
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export function Answer({ question }) {
  useEffect(() => {
    if (!question) return;
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => show(event.data);
    return () => es.close();
  }, [question]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // ── Pinned by the mutation run: conditions, and when a cleanup is suggested ──
    // Ifs before the opening that do not return leave it unconditional: still a mount-time subscription.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    if (question) log(question);
    if (!question) { log(question); }
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 5,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export function Answer({ question }) {
  useEffect(() => {
    if (question) log(question);
    if (!question) { log(question); }
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
    return () => es.close();
  }, [question]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // An async effect's return value is a promise, not a cleanup: no suggestion to return one.
    {
      code: `export function Live() {
  useEffect(async () => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    // The effect already returns a cleanup on one path: a second `return` at the end is not suggested.
    {
      code: `export function Live({ quiet }) {
  useEffect(() => {
    const es = new EventSource('/live');
    if (quiet) return () => log('quiet');
    es.onmessage = (event) => show(event.data);
  }, [quiet]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    // Declared in a nested block: a cleanup at the end of the callback could not name it.
    {
      code: `export function Live({ on }) {
  useEffect(() => {
    if (on) {
      const es = new EventSource('/live');
      es.onmessage = (event) => show(event.data);
    }
    log(on);
  }, [on]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 18,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    // A callback that ends in `return;` or `throw` gets no cleanup appended after it.
    {
      code: `export function Live() {
  useEffect(() => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
    return;
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    {
      code: `export function Live() {
  useEffect(() => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
    throw new Error('not yet');
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    // An early return in the component, outside the effect, does not make the effect's opening conditional.
    {
      code: `export function Answer({ question }) {
  if (!question) return null;
  useEffect(() => {
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export function Answer({ question }) {
  if (!question) return null;
  useEffect(() => {
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
    return () => es.close();
  }, [question]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // An assignment's right-hand side is not the right of a `&&`: the opening is unconditional.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    let es;
    es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 10,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [],
        },
      ],
    },
    // An early return after the opening does not make the opening conditional.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
    if (!question) return;
    log(question);
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 3,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export function Answer({ question }) {
  useEffect(() => {
    const es = new EventSource('/answer?q=' + question);
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
    if (!question) return;
    log(question);
    return () => es.close();
  }, [question]);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // The message names the controller the code uses.
    {
      code: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url) {
  useEffect(() => {
    const ac = new AbortController();
    fetchEventSource(url, { signal: ac.signal });
  }, [url]);
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'fetchNotAborted',
          line: 6,
          column: 5,
          data: { lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, controller: 'ac' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => ac.abort();' },
              output: `import { useEffect } from 'react';
import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useLive(url) {
  useEffect(() => {
    const ac = new AbortController();
    fetchEventSource(url, { signal: ac.signal });
    return () => ac.abort();
  }, [url]);
}`,
            },
          ],
        },
      ],
    },
    // A replacement that is the whole body of an \`if\` gets no suggestion (a statement put before
    // it would run unconditionally); one in a \`switch\` case gets it on the line before. The target
    // is named as the holder, whatever the spacing.
    {
      code: `export class Client {
  connect(ready) {
    if (ready) this.es = new EventSource(this.url);
  }
  open(kind) {
    switch (kind) {
      case 'live':
        this .es = new EventSource('/live');
    }
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 3,
          column: 16,
          data: { target: 'this.es', stream: ES },
          suggestions: [],
        },
        {
          messageId: 'replacedWithoutClose',
          line: 8,
          column: 9,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class Client {
  connect(ready) {
    if (ready) this.es = new EventSource(this.url);
  }
  open(kind) {
    switch (kind) {
      case 'live':
        this.es?.close();
        this .es = new EventSource('/live');
    }
  }
}`,
            },
          ],
        },
      ],
    },
    // A holder that has no dotted name (\`streams['live-feed']\`) gets no example and no suggestion.
    {
      code: `export function Live() {
  const streams = {};
  useEffect(() => {
    streams['live-feed'] = new EventSource('/live');
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 28,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: '' },
          suggestions: [],
        },
      ],
    },
    {
      code: `export class Client {
  connect() {
    this['live-feed'] = new EventSource(this.url);
  }
}`,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 3,
          column: 5,
          data: { target: "this['live-feed']", stream: ES },
          suggestions: [],
        },
      ],
    },
    // ── Pinned by the mutation run: the close suggested in an error handler ──
    // A variable declared with another value may no longer hold a stream when the handler runs: \`?.\`.
    {
      code: `let es = connectOnce();
es = new EventSource('/events');
es.onerror = () => {
  es = new EventSource('/events');
};`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 4,
          column: 8,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `let es = connectOnce();
es = new EventSource('/events');
es.onerror = () => {
  es?.close();
  es = new EventSource('/events');
};`,
            },
          ],
        },
      ],
    },
    // A failed stream with no dotted name to close it by gets no suggestion.
    {
      code: `export class Feed {
  start() {
    this['live-feed'] = new EventSource('/events');
    this['live-feed'].onerror = () => {
      this.start();
    };
  }
}`,
      errors: [{ messageId: 'reopenedWithoutClose', line: 5, column: 7, data: { stream: ES }, suggestions: [] }],
    },
    // A stream kept in a local of one effect can only be closed by that effect's own cleanup: what
    // another effect of the component returns (here an unknown unsubscribe) cannot reach it.
    {
      code: `export function Live() {
  useEffect(() => store.subscribe(update), []);
  useEffect(() => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 16,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => es.close();`)' },
          suggestions: [
            {
              messageId: 'addCleanup',
              data: { code: 'return () => es.close();' },
              output: `export function Live() {
  useEffect(() => store.subscribe(update), []);
  useEffect(() => {
    const es = new EventSource('/live');
    es.onmessage = (event) => show(event.data);
    return () => es.close();
  }, []);
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    // A stream kept on a property of an object of the effect (\`const box = { es: null }\`, met
    // only as \`box.es\`) can only be closed by that effect's own cleanup too, whatever the other
    // effect (\`track\`, not defined here) returns.
    {
      code: `export function Live() {
  useEffect(() => {
    const box = { es: null };
    box.es = new EventSource('/live');
  }, []);
  useEffect(track, []);
  return <p />;
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 14,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: ' (`return () => box.es.close();`)' },
          suggestions: [],
        },
      ],
    },
  ],
});

describe('options schema', () => {
  const lintWith = (options: unknown): Linter.LintMessage[] => lintWithOptions('require-eventsource-close', rule, options);

  it('accepts a list of wrappers', () => {
    expect(lintWith(WRAPPERS)).toEqual([]);
  });

  it('names an unknown option', () => {
    expect(() => lintWith({ wrapper: [] })).toThrow(/Unexpected property "wrapper"/);
  });

  it('names the missing half of a wrapper', () => {
    expect(() => lintWith({ wrappers: [{ module: '@acme/live' }] })).toThrow(/should have required property 'export'/);
  });

  it('rejects `wrappers` that is not a list', () => {
    expect(() => lintWith({ wrappers: '@acme/live' })).toThrow(/Value "@acme\/live" should be array/);
  });
});
