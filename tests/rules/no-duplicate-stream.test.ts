import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-duplicate-stream.js';
import { svelte } from '../frameworks/svelte-language.js';
import * as vueParser from 'vue-eslint-parser';
import { vue, vueLanguageOptions } from '../frameworks/vue-language.js';
import { javascript, lintWithOptions, ruleTester } from '../rule-tester.js';
import { ES } from '../support/rule-messages.js';

/** The shared helper that suggestions move a stream onto. */
const HUB = { module: 'sse-hub', export: 'sharedEventSource' };
const HUB_SUGGESTION = { helper: 'sharedEventSource', module: '`sse-hub`' };

/** Plain JavaScript parsed as a script (a page's `<script>`). */
const script = { ...javascript, sourceType: 'script', parserOptions: { ...javascript.parserOptions, sourceType: 'script' } } as const;

const FETCH_EVENT_SOURCE = '`fetchEventSource` from `@microsoft/fetch-event-source`';
const USE_EVENT_SOURCE = '`useEventSource` from `@vueuse/core`';

/** The report at an opening of `url` by `consumer`, which `others` open too. */
function duplicate(line: number, column: number, consumer: string, others: string, url = '/api/events', stream = ES) {
  return { messageId: 'duplicateStream' as const, line, column, data: { stream, url, consumer, others } };
}

ruleTester.run('no-duplicate-stream', rule, {
  valid: [
    // A stream that closes itself from a handler set with \`??=\` answers one request.
    {
      code: `export const a = new EventSource('/api/events');
a.onmessage ??= () => a.close();
export function Feed() {
  useEffect(() => {
    const es = new EventSource('/api/events');
    return () => es.close();
  }, []);
  return null;
}`,
      languageOptions: javascript,
    },
    // A function passed as \`useReducer\`'s initial state is never called by React.
    {
      code: `import { useReducer } from 'react';
export function Feed() {
  const [state] = useReducer(reduce, () => new EventSource('/api/events'));
  return null;
}
export function Bell() {
  const [state] = useReducer(reduce, () => new EventSource('/api/events'));
  return null;
}`,
      languageOptions: javascript,
    },
    // One module-level singleton that several consumers import and listen to: one connection.
    {
      code: `import { useEffect } from 'react';
export const events = new EventSource('/api/events');
export function Feed() {
  useEffect(() => {
    const onChange = () => {};
    events.addEventListener('change', onChange);
    return () => events.removeEventListener('change', onChange);
  }, []);
  return <ul />;
}
export function Bell() {
  useEffect(() => {
    const onNotification = () => {};
    events.addEventListener('notification', onNotification);
    return () => events.removeEventListener('notification', onNotification);
  }, []);
  return <span />;
}`,
      filename: 'src/events.tsx',
    },
    // A get-or-create cache keyed by URL: the opening's URL is a parameter, and every caller shares the entry.
    `const streams = new Map<string, EventSource>();
export function streamFor(url: string): EventSource {
  let stream = streams.get(url);
  if (!stream) {
    stream = new EventSource(url);
    streams.set(url, stream);
  }
  return stream;
}
export function useFeed() {
  useEffect(() => streamFor('/api/events').addEventListener('change', refresh), []);
}
export function useBell() {
  useEffect(() => streamFor('/api/events').addEventListener('notification', ring), []);
}`,
    // A reference-counted shared stream: opened by the first subscriber, closed by the last.
    {
      code: `let source = null;
let subscribers = 0;
export function subscribe(type, listener) {
  if (subscribers++ === 0) source = new EventSource('/api/events');
  source.addEventListener(type, listener);
  return () => {
    source.removeEventListener(type, listener);
    if (--subscribers === 0) source.close();
  };
}`,
      languageOptions: javascript,
    },
    // One-shot streams opened per user action and closed when done: a progress stream each.
    {
      code: `export function DeployButton() {
  const deploy = () => {
    const progress = new EventSource('/api/deploy/progress');
    progress.addEventListener('done', () => progress.close());
  };
  return <button onClick={deploy}>Deploy</button>;
}
export function RollbackButton() {
  function rollback() {
    const progress = new EventSource('/api/deploy/progress');
    progress.onmessage = (event) => {
      if (event.data === 'finished') progress.close();
    };
  }
  return <button onClick={rollback}>Roll back</button>;
}`,
      filename: 'src/deploy.jsx',
      languageOptions: javascript,
    },
    // Even opened at mount, a stream that closes itself on a terminal event of its own is one-shot.
    `export function ImportStatus() {
  useEffect(() => {
    const status = new EventSource('/api/import/status');
    status.addEventListener('complete', () => status.close());
    return () => status.close();
  }, []);
  return null;
}
export function ImportBanner() {
  useEffect(() => {
    const status = new EventSource('/api/import/status');
    status.addEventListener('complete', function () {
      this.close();
    });
    return () => status.close();
  }, []);
  return null;
}`,
    // A per-message answer stream: a POST with a body, answered by its own stream, in two places.
    `import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useAnswer(question: string) {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource('/api/chat', { method: 'POST', body: question, signal: controller.signal });
    return () => controller.abort();
  }, [question]);
}
export function useSummary(text: string) {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource('/api/chat', { method: 'POST', body: text, signal: controller.signal });
    return () => controller.abort();
  }, [text]);
}`,
    // The same URL in the two branches of an if/else: one of them opens, never both.
    `export function useEvents(withCredentials: boolean) {
  useEffect(() => {
    let source: EventSource;
    if (withCredentials) {
      source = new EventSource('/api/events', { withCredentials: true });
    } else {
      source = new EventSource('/api/events');
    }
    return () => source.close();
  }, [withCredentials]);
}`,
    // A fallback: the polyfill only where the browser has no EventSource.
    `import { EventSourcePolyfill } from 'event-source-polyfill';
export const events = 'EventSource' in window ? new EventSource('/api/events') : new EventSourcePolyfill('/api/events');`,
    // A fallback in a catch clause.
    `import { EventSourcePolyfill } from 'event-source-polyfill';
let events: EventSource;
try {
  events = new EventSource('/api/events');
} catch {
  events = new EventSourcePolyfill('/api/events');
}
export { events };`,
    // An early return makes the two openings alternatives.
    `export function useEvents(legacy: boolean) {
  useEffect(() => {
    if (legacy) {
      const polled = new EventSourcePolyfill('/api/events');
      return () => polled.close();
    }
    const source = new EventSource('/api/events');
    return () => source.close();
  }, [legacy]);
}`,
    // A reconnect that re-opens into the module variable after closing the old stream: one
    // stream at a time. (Shape of oguzbilgic/kern-ai#16, "Prevent duplicate SSE streams on reconnect".)
    {
      code: `let active = null;
function connect() {
  if (active) active.close();
  active = new EventSource('/api/agent/events');
  active.onerror = () => setTimeout(connect, 3000);
}
function init() {
  if (active) active.close();
  active = new EventSource('/api/agent/events');
}
document.addEventListener('DOMContentLoaded', init);
window.addEventListener('online', connect);`,
      languageOptions: script,
    },
    // A re-open on reconnect that replaces the stream in the same ref.
    `export function useEvents(online: boolean) {
  const sourceRef = useRef<EventSource | null>(null);
  useEffect(() => {
    sourceRef.current = new EventSource('/api/events');
    return () => sourceRef.current?.close();
  }, []);
  useEffect(() => {
    if (!online) return;
    sourceRef.current?.close();
    sourceRef.current = new EventSource('/api/events');
  }, [online]);
}`,
    // A re-open from the error handler runs after a failure, not beside the first stream.
    `export function Feed() {
  useEffect(() => {
    let source = new EventSource('/api/events');
    source.onerror = () => {
      source.close();
      source = new EventSource('/api/events');
    };
    return () => source.close();
  }, []);
  return <ul />;
}`,
    // Leader election: one tab holds the stream under a Web Lock, and browsers without locks fall
    // back to a stream of their own. (Shape of Dictionarry-Hub/profilarr#435.)
    `let source: EventSource | null = null;
if ('locks' in navigator) {
  navigator.locks.request('jobs-stream', () => {
    source = new EventSource('/jobs/events');
    return new Promise(() => {});
  });
} else {
  source = new EventSource('/jobs/events');
}`,
    // Two components that open the same URL but are rendered only as alternatives.
    {
      code: `function LiveFeed() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return <ul />;
}
function CompactFeed() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return <ol />;
}
export function Feed({ compact }: { compact: boolean }) {
  return compact ? <CompactFeed /> : <LiveFeed />;
}`,
      filename: 'src/feed.tsx',
    },
    // URLs that differ by an id are different URLs: how many rows open one is the per-item rules' question.
    `export function JobLog({ id }: { id: string }) {
  useEffect(() => {
    const source = new EventSource(\`/api/jobs/\${id}/log\`);
    return () => source.close();
  }, [id]);
  return <pre />;
}
export function JobStatus({ id }: { id: string }) {
  useEffect(() => {
    const source = new EventSource(\`/api/jobs/\${id}/log\`);
    return () => source.close();
  }, [id]);
  return <span />;
}`,
    // Different URLs, and the same path with different queries.
    `export function useActivity() {
  useEffect(() => {
    const source = new EventSource('/api/events?topic=activity');
    return () => source.close();
  }, []);
}
export function useAlerts() {
  useEffect(() => {
    const source = new EventSource('/api/events?topic=alerts');
    return () => source.close();
  }, []);
}
export function useNotifications() {
  useEffect(() => {
    const source = new EventSource('/api/notifications');
    return () => source.close();
  }, []);
}`,
    // Test files are not app code: a test never shares a page with the component it tests.
    {
      code: `function Feed() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return <ul />;
}
function Bell() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  return <span />;
}
it('renders both', () => render(<><Feed /><Bell /></>));`,
      filename: 'src/__tests__/dashboard.test.tsx',
    },
    // A component that keeps one stream, and a handler that opens one on a click: only one is kept open.
    `export function Feed() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
  const replay = () => {
    const replayed = new EventSource('/api/events');
    setTimeout(() => replayed.close(), 5000);
  };
  return <button onClick={replay} />;
}`,
    // A local class that merely shares the name is not a stream.
    `class EventSource {
  constructor(readonly url: string) {}
}
export function useA() {
  useEffect(() => void new EventSource('/api/events'), []);
}
export function useB() {
  useEffect(() => void new EventSource('/api/events'), []);
}`,
    // TODO(false negative): one helper that opens the stream, called by two components: one opening, two callers.
    `function subscribe(onMessage: (data: string) => void) {
  const source = new EventSource('/api/events');
  source.onmessage = (event) => onMessage(event.data);
  return () => source.close();
}
export function Feed() {
  useEffect(() => subscribe(console.log), []);
  return <ul />;
}
export function Bell() {
  useEffect(() => subscribe(console.info), []);
  return <span />;
}`,
    // TODO(false negative): a generic hook given the same URL by two components; the URL is the hook's parameter.
    `function useEventSource(url: string) {
  useEffect(() => {
    const source = new EventSource(url);
    return () => source.close();
  }, [url]);
}
export function Feed() {
  useEventSource('/api/events');
  return <ul />;
}
export function Bell() {
  useEventSource('/api/events');
  return <span />;
}`,
    // TODO(false negative): an Angular service whose method opens a new stream per call, called by two
    // components with the same URL. (Shape of AITestingOrg/front-end's EventSourceService.forUrl.)
    `@Injectable()
export class EventSourceService {
  forUrl(url: string): EventSource {
    return new EventSource(url);
  }
}
@Component({ selector: 'app-feed', template: '' })
export class FeedComponent {
  constructor(private readonly sse: EventSourceService) {}
  ngOnInit() {
    this.sse.forUrl('/api/events');
  }
}
@Component({ selector: 'app-bell', template: '' })
export class BellComponent {
  constructor(private readonly sse: EventSourceService) {}
  ngOnInit() {
    this.sse.forUrl('/api/events');
  }
}`,
    // TODO(false negative): a URL built by a call of the project's own (\`apiUrl('/events')\`) has no known value.
    `import { apiUrl } from './api';
export function useA() {
  useEffect(() => void new EventSource(apiUrl('/events')), []);
}
export function useB() {
  useEffect(() => void new EventSource(apiUrl('/events')), []);
}`,
    // TODO(false negative): store classes that this file only declares (a factory elsewhere makes the
    // one instance of each) are not recognised as stores; the same classes instantiated at module
    // level are reported (the agent-dashboard case below).
    {
      code: `export class Timeline {
  private source: EventSource | null = null;
  start() {
    this.source = new EventSource('/api/stream');
  }
  stop() {
    this.source?.close();
  }
}
export class Presence {
  private source: EventSource | null = null;
  start() {
    this.source = new EventSource('/api/stream');
  }
  stop() {
    this.source?.close();
  }
}`,
      filename: 'src/stores.ts',
    },
    // VueUse useEventSource (@vueuse/core): two composables, each with a URL of its own.
    {
      code: `import { computed } from 'vue';
import { useEventSource } from '@vueuse/core';
export function useNotifications() {
  const { data } = useEventSource('/api/notifications');
  return data;
}
export function useUnreadCount() {
  const { data } = useEventSource('/api/unread');
  return computed(() => Number(data.value ?? 0));
}`,
      filename: 'src/composables/inbox.ts',
    },
    // Vue and Svelte components. The bindings of a `<script setup>` or an instance script are
    // per instance (the scope analysis puts them in module scope): a URL read from them is not
    // the same on every run, as a React component's props are not, so it has no key to compare.
    vue(
      `<script setup lang="ts">
import { onMounted } from 'vue';
const props = defineProps<{ id: string }>();
const feed = new EventSource(\`/jobs/\${props.id}\`);
onMounted(() => { const other = new EventSource(\`/jobs/\${props.id}\`); });
</script>
<template><p /></template>`,
      'src/JobFeed.vue',
    ),
    vue(
      `<script setup lang="ts">
import { onMounted, ref } from 'vue';
const jobId = ref(crypto.randomUUID());
const feed = new EventSource('/jobs/' + jobId.value);
onMounted(() => { const other = new EventSource('/jobs/' + jobId.value); });
</script>
<template><p /></template>`,
      'src/JobFeed.vue',
    ),
    svelte(
      `<script lang="ts">
import { onMount } from 'svelte';
const props = $props();
const feed = new EventSource(\`/jobs/\${props.id}\`);
onMount(() => { const other = new EventSource(\`/jobs/\${props.id}\`); });
</script>
<p />`,
      'src/JobFeed.svelte',
    ),
    // `setup` after another attribute, two script blocks, CRLF line ends: still the `<script setup>`.
    vue(
      [
        '<script lang="ts">',
        'export const label = "Job";',
        '</script>',
        '<script lang="ts" setup>',
        "import { onMounted } from 'vue';",
        'const props = defineProps<{ id: string }>();',
        'const feed = new EventSource(`/jobs/${props.id}`);',
        'onMounted(() => { const other = new EventSource(`/jobs/${props.id}`); });',
        '</script>',
        '<template><p /></template>',
      ].join('\r\n'),
      'src/JobFeed.vue',
    ),
    // A hook whose URL is built from its own parameter, run with the same value by a page and by a panel
    // that the page renders: two connections to one URL, but one opening. The callers of a hook are
    // sse/no-eventsource-per-item's to count, which reports this hook because its file runs it twice.
    // (Shape of accius/openhamclock#369, "psk double sse connections eliminated", which passed the page's
    // result down to the panel instead; there the callers were in other files, a miss of that rule.)
    {
      code: `import { useEffect, useState } from 'react';
function useSpotFeed(station: string) {
  const [spots, setSpots] = useState<string[]>([]);
  useEffect(() => {
    if (!station) return;
    const feed = new EventSource(\`/api/spots/live/\${encodeURIComponent(station.toUpperCase())}\`);
    feed.onmessage = (event) => setSpots((previous) => [...previous, event.data]);
    return () => feed.close();
  }, [station]);
  return spots;
}
function SpotPanel({ station }: { station: string }) {
  const spots = useSpotFeed(station);
  return <ol>{spots.map((spot) => <li key={spot}>{spot}</li>)}</ol>;
}
export function Dashboard({ settings }: { settings: { station: string } }) {
  const spots = useSpotFeed(settings.station);
  return (
    <main>
      <SpotMap spots={spots} />
      <SpotPanel station={settings.station} />
    </main>
  );
}`,
      filename: 'src/Dashboard.tsx',
    },
    // A hook run by two pages that opens only while the shared context holds no stream, and keeps the
    // one it opens there: one connection for the app, which the context closes on sign-out.
    // (Shape of raspiblitz/raspiblitz-web's useSSE before its 681798dd.)
    {
      code: `import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
type Live = { source: EventSource | null; setSource: (source: EventSource | null) => void };
const LiveContext = createContext<Live>({ source: null, setSource: () => {} });
export function LiveProvider({ children }: { children: ReactNode }) {
  const [source, setSource] = useState<EventSource | null>(null);
  return <LiveContext.Provider value={{ source, setSource }}>{children}</LiveContext.Provider>;
}
function useLive(onBalance: (data: string) => void) {
  const { source, setSource } = useContext(LiveContext);
  useEffect(() => {
    if (!source) {
      setSource(new EventSource('/api/live', { withCredentials: true }));
      return;
    }
    const listener = (event: MessageEvent<string>) => onBalance(event.data);
    source.addEventListener('balance', listener);
    return () => source.removeEventListener('balance', listener);
  }, [source, setSource, onBalance]);
}
export function HomePage() {
  useLive(console.log);
  return <section />;
}
export function WalletPage() {
  useLive(console.info);
  return <section />;
}`,
      filename: 'src/live.tsx',
    },
    // A root service whose constructor opens two streams, to two different paths of the generated API
    // class: two URLs, one connection each. (Shape of PHOENIXCONTACT/MORYX-Framework's
    // ProcessEngineStreamService.)
    {
      code: `import { inject, Injectable } from '@angular/core';
import { BehaviorSubject } from 'rxjs';
import { PlantApi } from '../api/services';
@Injectable({ providedIn: 'root' })
export class PlantStreamService {
  private readonly api = inject(PlantApi);
  readonly machines = new BehaviorSubject<unknown>(undefined);
  readonly alarms = new BehaviorSubject<unknown>(undefined);
  constructor() {
    this.followMachines();
    this.followAlarms();
  }
  private followMachines(): void {
    const source = new EventSource(this.api.rootUrl + PlantApi.MachinesStreamPath);
    source.onmessage = (event) => this.machines.next(JSON.parse(event.data));
  }
  private followAlarms(): void {
    const source = new EventSource(this.api.rootUrl + PlantApi.AlarmsStreamPath);
    source.onmessage = (event) => this.alarms.next(JSON.parse(event.data));
  }
}`,
      filename: 'src/app/services/plant-stream.service.ts',
    },
    // Two shell components whose stream URL is an Angular signal input with the same default: the page
    // sets the URL through the element's attribute, as it sets a prop, so the defaults are not compared.
    // (Shape of PHOENIXCONTACT/MORYX-Framework's launcher, whose server-rendered layout gives the
    // notifications bar and a badge per module the same stream: a real duplicate that no file shows.)
    {
      code: `import { Component, input, OnInit } from '@angular/core';
@Component({ selector: 'app-alert-badge', template: '' })
export class AlertBadge implements OnInit {
  stream = input('/api/alerts/stream');
  ngOnInit(): void {
    new EventSource(this.stream()).onmessage = () => {};
  }
}
@Component({ selector: 'app-alert-bar', template: '' })
export class AlertBar implements OnInit {
  api = input('/api/alerts/stream');
  ngOnInit(): void {
    new EventSource(this.api()).onmessage = () => {};
  }
}`,
      filename: 'src/app/alerts.ts',
    },
  ],
  invalid: [
    {
      // Two components open one URL through a subclass of \`EventSource\` (public code extends it to add
      // methods; reduced, our own): one without a constructor, one whose constructor passes its arguments on.
      code: `import { useEffect } from 'react';
class Feed extends EventSource {
  onRow(handler) { this.addEventListener('row', handler); }
}
class TaggedFeed extends Feed {
  constructor(url, init) { super(url, init); this.tag = 'bell'; }
}
export function Board() {
  useEffect(() => { const feed = new Feed('/api/events'); return () => feed.close(); }, []);
  return null;
}
export function Bell() {
  useEffect(() => { const feed = new TaggedFeed('/api/events', { withCredentials: true }); return () => feed.close(); }, []);
  return null;
}`,
      filename: 'src/live.jsx',
      languageOptions: javascript,
      errors: [
        duplicate(9, 34, 'component `Board`', 'component `Bell` (src/live.jsx:13)', '/api/events', '`Feed` (extends `EventSource`)'),
        duplicate(13, 34, 'component `Bell`', 'component `Board` (src/live.jsx:9)', '/api/events', '`TaggedFeed` (extends `EventSource`)'),
      ],
    },
    {
      // Components handed to \`memo()\` are the consumers of their effects' streams, as without it.
      code: `import { memo, useEffect } from 'react';
export const Feed = memo(function Feed() {
  useEffect(() => {
    const es = new EventSource('/api/events');
    return () => es.close();
  }, []);
  return <ul />;
});
export const Bell = memo(function Bell() {
  useEffect(() => {
    const es = new EventSource('/api/events');
    return () => es.close();
  }, []);
  return <i />;
});`,
      filename: 'src/live.jsx',
      languageOptions: javascript,
      errors: [
        duplicate(4, 16, 'component `Feed`', 'component `Bell` (src/live.jsx:11)'),
        duplicate(11, 16, 'component `Bell`', 'component `Feed` (src/live.jsx:4)'),
      ],
    },
    {
      // \`useReducer\`'s third argument runs once at mount, as \`useState\`'s initialiser does.
      code: `import { useReducer } from 'react';
export function Feed() {
  const [es] = useReducer(reduce, null, () => new EventSource('/api/events'));
  return null;
}
export function Bell() {
  const [es] = useReducer(reduce, null, () => new EventSource('/api/events'));
  return null;
}`,
      filename: 'src/live.jsx',
      languageOptions: javascript,
      errors: [
        duplicate(3, 47, 'component `Feed`', 'component `Bell` (src/live.jsx:7)'),
        duplicate(7, 47, 'component `Bell`', 'component `Feed` (src/live.jsx:3)'),
      ],
    },
    {
      // A named class expression is constructed by the variable it initialises; an \`accessor\`
      // field runs on construction as a plain field does.
      code: `const Service = class ServiceImpl {
  constructor() {
    const es = new EventSource('/api/events');
    es.onmessage = show;
  }
};
export const service = new Service();
class Alerts {
  accessor ready = (() => {
    const es = new EventSource('/api/events');
    es.onmessage = show;
    return true;
  })();
}
export const alerts = new Alerts();`,
      filename: 'src/services.ts',
      errors: [
        duplicate(3, 16, 'service `ServiceImpl`', 'service `Alerts` (src/services.ts:10)'),
        duplicate(10, 16, 'service `Alerts`', 'service `ServiceImpl` (src/services.ts:3)'),
      ],
    },
    {
      // Two components in one file, each opening the same URL in an effect.
      code: `import { useEffect, useState } from 'react';
export function ActivityFeed() {
  const [items, setItems] = useState<string[]>([]);
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.addEventListener('change', (event) => setItems((previous) => [...previous, event.data]));
    return () => source.close();
  }, []);
  return <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>;
}
export function NotificationBell() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.addEventListener('notification', () => setCount((previous) => previous + 1));
    return () => source.close();
  }, []);
  return <span>{count}</span>;
}`,
      filename: 'src/dashboard.tsx',
      errors: [
        duplicate(5, 20, 'component `ActivityFeed`', 'component `NotificationBell` (src/dashboard.tsx:14)'),
        duplicate(14, 20, 'component `NotificationBell`', 'component `ActivityFeed` (src/dashboard.tsx:5)'),
      ],
    },
    {
      // Two custom hooks; a constant and a template literal over another constant resolve to one URL.
      code: `const API = '/api';
const EVENTS_URL = '/api/events';
export function useLiveData(enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource(EVENTS_URL);
    source.addEventListener('change', refetch);
    return () => source.close();
  }, [enabled]);
}
export function useNotificationStream() {
  useEffect(() => {
    const source = new EventSource(\`\${API}/events\`);
    source.addEventListener('notification', notify);
    return () => source.close();
  }, []);
}`,
      filename: 'src/hooks.ts',
      errors: [
        duplicate(6, 20, 'hook `useLiveData`', 'hook `useNotificationStream` (src/hooks.ts:13)'),
        duplicate(13, 20, 'hook `useNotificationStream`', 'hook `useLiveData` (src/hooks.ts:6)'),
      ],
    },
    {
      // A hook used once, plus a component that opens its own stream to the same URL (JSX, espree).
      code: `import { useEffect, useState } from 'react';
function useActivity() {
  const [activity, setActivity] = useState(null);
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.onmessage = (event) => setActivity(event.data);
    return () => source.close();
  }, []);
  return activity;
}
export function Header() {
  const activity = useActivity();
  useEffect(() => {
    const source = new EventSource('/api/events');
    source.addEventListener('logout', () => location.reload());
    return () => source.close();
  }, []);
  return <header>{activity}</header>;
}`,
      filename: 'src/header.jsx',
      languageOptions: javascript,
      errors: [
        duplicate(5, 20, 'hook `useActivity`', 'component `Header` (src/header.jsx:14)'),
        duplicate(14, 20, 'component `Header`', 'hook `useActivity` (src/header.jsx:5)'),
      ],
    },
    {
      // A Pinia store whose action keeps the stream on the store, and a Vue component that opens its own.
      // (Store shape of bbcdabao/ping-monitor's `robotRegister.ts`.)
      code: `import { defineStore } from 'pinia';
import { defineComponent } from 'vue';
export const useHeaderStore = defineStore('header', {
  state: () => ({ messages: [] as string[], eventSource: null as EventSource | null }),
  actions: {
    connect() {
      if (this.eventSource) return;
      const source = new EventSource('/api/events');
      source.onmessage = (event) => this.messages.push(event.data);
      this.eventSource = source;
    },
  },
});
export default defineComponent({
  name: 'ActivityPanel',
  data: () => ({ source: null as EventSource | null }),
  mounted() {
    this.source = new EventSource('/api/events');
  },
  beforeUnmount() {
    this.source?.close();
  },
});`,
      filename: 'src/activity.ts',
      errors: [
        duplicate(8, 22, 'store `useHeaderStore`', 'component `ActivityPanel` (src/activity.ts:18)'),
        duplicate(18, 19, 'component `ActivityPanel`', 'store `useHeaderStore` (src/activity.ts:8)'),
      ],
    },
    {
      // A Pinia setup store that opens at setup, and a component that opens the same URL from its own `setup()`.
      code: `import { defineStore } from 'pinia';
import { onMounted, onBeforeUnmount, ref } from 'vue';
export const useEventsStore = defineStore('events', () => {
  const events = ref<string[]>([]);
  const source = new EventSource('/api/events', { withCredentials: true });
  source.addEventListener('message', (event) => events.value.push(event.data));
  return { events };
});
export const Ticker = {
  setup() {
    let source: EventSource | undefined;
    onMounted(() => {
      source = new EventSource('/api/events');
    });
    onBeforeUnmount(() => source?.close());
  },
};`,
      filename: 'src/events.ts',
      errors: [
        duplicate(5, 18, 'store `useEventsStore`', 'component `Ticker` (src/events.ts:13)'),
        duplicate(13, 16, 'component `Ticker`', 'store `useEventsStore` (src/events.ts:5)'),
      ],
    },
    {
      // A zustand store and a Svelte store, each with its own stream to the same URL.
      code: `import { create } from 'zustand';
import { readable } from 'svelte/store';
export const useFeedStore = create((set) => ({
  items: [] as string[],
  connect: () => {
    const source = new EventSource('/api/feed');
    source.onmessage = (event) => set((state) => ({ items: [...state.items, event.data] }));
  },
}));
export const latest = readable('', (set) => {
  const source = new EventSource('/api/feed');
  source.onmessage = (event) => set(event.data);
  return () => source.close();
});`,
      filename: 'src/stores.ts',
      errors: [
        duplicate(6, 20, 'store `useFeedStore`', 'store `latest` (src/stores.ts:11)', '/api/feed'),
        duplicate(11, 18, 'store `latest`', 'store `useFeedStore` (src/stores.ts:6)', '/api/feed'),
      ],
    },
    {
      // `fetchEventSource` from `@microsoft/fetch-event-source`, twice, with the same GET URL.
      code: `import { fetchEventSource } from '@microsoft/fetch-event-source';
export function useJobs() {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource('/api/stream', { signal: controller.signal, onmessage: (event) => update(event.data) });
    return () => controller.abort();
  }, []);
}
export function useQueue() {
  useEffect(() => {
    const controller = new AbortController();
    fetchEventSource('/api/stream', { signal: controller.signal, onmessage: (event) => enqueue(event.data) });
    return () => controller.abort();
  }, []);
}`,
      filename: 'src/stream.ts',
      errors: [
        duplicate(5, 5, 'hook `useJobs`', 'hook `useQueue` (src/stream.ts:12)', '/api/stream', FETCH_EVENT_SOURCE),
        duplicate(12, 5, 'hook `useQueue`', 'hook `useJobs` (src/stream.ts:5)', '/api/stream', FETCH_EVENT_SOURCE),
      ],
    },
    {
      // The same stream in an Angular service (a field) and in a component (`ngOnInit`).
      code: `import { Component, Injectable, OnDestroy, OnInit } from '@angular/core';
@Injectable({ providedIn: 'root' })
export class EventsService {
  private readonly source = new EventSource('/api/events');
}
@Component({ selector: 'app-activity', template: '' })
export class ActivityComponent implements OnInit, OnDestroy {
  private source?: EventSource;
  ngOnInit() {
    this.source = new EventSource('/api/events');
  }
  ngOnDestroy() {
    this.source?.close();
  }
}`,
      filename: 'src/app/activity.ts',
      errors: [
        duplicate(4, 29, 'service `EventsService`', 'component `ActivityComponent` (src/app/activity.ts:10)'),
        duplicate(10, 19, 'component `ActivityComponent`', 'service `EventsService` (src/app/activity.ts:4)'),
      ],
    },
    {
      // A service whose constructor opens the stream through a private method, beside a component
      // that opens its own. (Service shape of trytouca/trytouca's ServerEventService.)
      code: `@Injectable({ providedIn: 'root' })
export class ServerEventService {
  private eventSource: EventSource;
  constructor(private readonly api: ApiService) {
    this.eventSource = this.makeEventSource();
  }
  private makeEventSource() {
    return new EventSource('/api/events', { withCredentials: true });
  }
}
@Component({ selector: 'app-results', template: '' })
export class ResultsComponent {
  private source = new EventSource('/api/events', { withCredentials: true });
}`,
      filename: 'src/app/events.ts',
      errors: [
        duplicate(8, 12, 'service `ServerEventService`', 'component `ResultsComponent` (src/app/events.ts:13)'),
        duplicate(13, 20, 'component `ResultsComponent`', 'service `ServerEventService` (src/app/events.ts:8)'),
      ],
    },
    {
      // Two identical streams at the top of one page script, one per listener.
      // (Shape of Netflix/Hystrix#918, "Identical EventSources in the dashboard?".)
      code: `var url = '/hystrix.stream?origin=' + encodeURIComponent('http://localhost:8080');
var commandSource = new EventSource(url);
commandSource.addEventListener('message', onCommandMessage, false);
var poolSource = new EventSource(url);
poolSource.addEventListener('message', onPoolMessage, false);`,
      filename: 'monitor.js',
      languageOptions: script,
      errors: [
        duplicate(2, 21, 'module scope', 'module scope (monitor.js:4)', '/hystrix.stream?origin=http%3A%2F%2Flocalhost%3A8080'),
        duplicate(4, 18, 'module scope', 'module scope (monitor.js:2)', '/hystrix.stream?origin=http%3A%2F%2Flocalhost%3A8080'),
      ],
    },
    {
      // Two store classes the page holds once each, started by the components that show them.
      // (Shape of wildware-uk/agent-dashboard#19: the timeline and presence stores each opened `/api/stream`.)
      code: `class Timeline {
  private source: EventSource | null = null;
  start() {
    this.source = new EventSource('/api/stream');
    this.source.onmessage = (event) => this.receive(event);
  }
  stop() {
    this.source?.close();
  }
  receive(_event: MessageEvent) {}
}
class Presence {
  #source: EventSource | null = null;
  start() {
    this.#source = new EventSource('/api/stream');
  }
  stop() {
    this.#source?.close();
  }
}
export const timeline = new Timeline();
export const presence = new Presence();`,
      filename: 'src/web/stores.svelte.ts',
      errors: [
        duplicate(4, 19, 'service `Timeline`', 'service `Presence` (src/web/stores.svelte.ts:15)', '/api/stream'),
        duplicate(15, 20, 'service `Presence`', 'service `Timeline` (src/web/stores.svelte.ts:4)', '/api/stream'),
      ],
    },
    {
      // A module-level singleton is one stream, but a component that opens its own is a second.
      code: `let shared: EventSource | undefined;
export function useEvents() {
  useEffect(() => {
    shared ??= new EventSource('/api/events');
  }, []);
  return shared;
}
export function Bell() {
  useEffect(() => {
    const own = new EventSource('/api/events');
    return () => own.close();
  }, []);
  return <span />;
}`,
      filename: 'src/events.tsx',
      errors: [
        duplicate(4, 16, 'module scope', 'component `Bell` (src/events.tsx:10)'),
        duplicate(10, 17, 'component `Bell`', 'module scope (src/events.tsx:4)'),
      ],
    },
    {
      // Two effects of one component: each holds a connection of its own.
      code: `export function Dashboard() {
  useEffect(() => {
    const changes = new EventSource('/api/events');
    return () => changes.close();
  }, []);
  useEffect(() => {
    const alerts = new EventSource('/api/events');
    return () => alerts.close();
  }, []);
  return <main />;
}`,
      filename: 'src/dashboard.tsx',
      errors: [
        duplicate(3, 21, 'component `Dashboard`', 'component `Dashboard` (src/dashboard.tsx:7)'),
        duplicate(7, 20, 'component `Dashboard`', 'component `Dashboard` (src/dashboard.tsx:3)'),
      ],
    },
    {
      // One URL written three ways: on the page's own origin, with a fragment, and through \`new URL\`.
      code: `export function useChanges() {
  useEffect(() => {
    const source = new EventSource(\`\${window.location.origin}/api/events\`);
    return () => source.close();
  }, []);
}
export function useAlerts() {
  useEffect(() => {
    const source = new EventSource('/api/events#alerts');
    return () => source.close();
  }, []);
}
export function useAudit() {
  const [source] = useState(() => new EventSource(new URL('/api/events', location.href)));
  useEffect(() => () => source.close(), [source]);
}`,
      filename: 'src/hooks.ts',
      errors: [
        duplicate(3, 20, 'hook `useChanges`', 'hook `useAlerts` (src/hooks.ts:9) and hook `useAudit` (src/hooks.ts:14)'),
        duplicate(9, 20, 'hook `useAlerts`', 'hook `useChanges` (src/hooks.ts:3) and hook `useAudit` (src/hooks.ts:14)'),
        duplicate(14, 35, 'hook `useAudit`', 'hook `useChanges` (src/hooks.ts:3) and hook `useAlerts` (src/hooks.ts:9)'),
      ],
    },
    {
      // A base URL from the build's environment is the same for the whole page.
      code: `const BASE = import.meta.env.VITE_API_URL ?? 'http://localhost:8000';
export function useNotifications() {
  useEffect(() => {
    const source = new EventSource(\`\${BASE}/notifications/stream\`, { withCredentials: true });
    return () => source.close();
  }, []);
}
export function NotificationCount() {
  useEffect(() => {
    const source = new EventSource(BASE + '/notifications/stream', { withCredentials: true });
    return () => source.close();
  }, []);
  return <span />;
}`,
      filename: 'src/notifications.tsx',
      errors: [
        duplicate(4, 20, 'hook `useNotifications`', 'component `NotificationCount` (src/notifications.tsx:10)', '{BASE}/notifications/stream'),
        duplicate(10, 20, 'component `NotificationCount`', 'hook `useNotifications` (src/notifications.tsx:4)', '{BASE}/notifications/stream'),
      ],
    },
    {
      // An imported constant names the same value wherever this file reads it, known or not.
      code: `import { EVENTS_URL } from './config';
export function Feed() {
  const [source] = useState(() => new EventSource(EVENTS_URL));
  useEffect(() => () => source.close(), [source]);
  return <ul />;
}
export function Bell() {
  useEffect(() => {
    const source = new EventSource(EVENTS_URL);
    return () => source.close();
  }, []);
  return <span />;
}`,
      filename: 'src/live.tsx',
      errors: [
        duplicate(3, 35, 'component `Feed`', 'component `Bell` (src/live.tsx:9)', '{EVENTS_URL}'),
        duplicate(9, 20, 'component `Bell`', 'component `Feed` (src/live.tsx:3)', '{EVENTS_URL}'),
      ],
    },
    {
      // A polyfill and the native constructor are two connections all the same.
      code: `import { EventSourcePolyfill } from 'event-source-polyfill';
export function useFeed(token: string) {
  useEffect(() => {
    const source = new EventSourcePolyfill('/api/events', { headers: { Authorization: token } });
    return () => source.close();
  }, [token]);
}
export function useBell() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
}`,
      filename: 'src/feed.ts',
      errors: [
        duplicate(4, 20, 'hook `useFeed`', 'hook `useBell` (src/feed.ts:10)', '/api/events', '`EventSourcePolyfill` from `event-source-polyfill`'),
        duplicate(10, 20, 'hook `useBell`', 'hook `useFeed` (src/feed.ts:4)'),
      ],
    },
    {
      // Many consumers: the message lists four and counts the rest.
      code: `function useA() { useEffect(() => void new EventSource('/api/events'), []); }
function useB() { useEffect(() => void new EventSource('/api/events'), []); }
function useC() { useEffect(() => void new EventSource('/api/events'), []); }
function useD() { useEffect(() => void new EventSource('/api/events'), []); }
function useE() { useEffect(() => void new EventSource('/api/events'), []); }
function useF() { useEffect(() => void new EventSource('/api/events'), []); }`,
      filename: 'src/many.ts',
      errors: ['A', 'B', 'C', 'D', 'E', 'F'].map((name, index) => {
        const others = ['A', 'B', 'C', 'D', 'E', 'F'].flatMap((other, line) => (other === name ? [] : [`hook \`use${other}\` (src/many.ts:${line + 1})`]));
        return duplicate(index + 1, 40, `hook \`use${name}\``, `${others.slice(0, 4).join(', ')} and 1 more`);
      }),
    },
    {
      // With `sharedHelper`, a suggestion moves the stream onto the shared helper (one connection per URL).
      code: `import { useEffect } from 'react';
export function useA() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
}
export function useB() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
}`,
      filename: 'src/hooks.ts',
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          ...duplicate(4, 20, 'hook `useA`', 'hook `useB` (src/hooks.ts:10)'),
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { useEffect } from 'react';
import { sharedEventSource } from 'sse-hub';
export function useA() {
  useEffect(() => {
    const source = sharedEventSource('/api/events');
    return () => source.close();
  }, []);
}
export function useB() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
}`,
            },
          ],
        },
        {
          ...duplicate(10, 20, 'hook `useB`', 'hook `useA` (src/hooks.ts:4)'),
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { useEffect } from 'react';
import { sharedEventSource } from 'sse-hub';
export function useA() {
  useEffect(() => {
    const source = new EventSource('/api/events');
    return () => source.close();
  }, []);
}
export function useB() {
  useEffect(() => {
    const source = sharedEventSource('/api/events');
    return () => source.close();
  }, []);
}`,
            },
          ],
        },
      ],
    },
    {
      // The team's own opener, listed in \`wrappers\`.
      code: `import { openStream } from '@acme/live';
export const feed = openStream('/api/events');
export function Bell() {
  useEffect(() => {
    const stream = openStream('/api/events');
    return () => stream.close();
  }, []);
  return <span />;
}`,
      filename: 'src/bell.tsx',
      options: [{ wrappers: [{ module: '@acme/live', export: 'openStream' }] }],
      errors: [
        duplicate(2, 21, 'module scope', 'component `Bell` (src/bell.tsx:5)', '/api/events', '`openStream` from `@acme/live`'),
        duplicate(5, 20, 'component `Bell`', 'module scope (src/bell.tsx:2)', '/api/events', '`openStream` from `@acme/live`'),
      ],
    },
    // VueUse useEventSource (@vueuse/core): two composables, each opening its own stream to one URL.
    {
      code: `import { computed } from 'vue';
import { useEventSource } from '@vueuse/core';
export function useNotifications() {
  const { data } = useEventSource('/api/events');
  return data;
}
export function useUnreadCount() {
  const { data } = useEventSource('/api/events');
  return computed(() => Number(data.value ?? 0));
}`,
      filename: 'src/composables/inbox.ts',
      errors: [
        duplicate(4, 20, 'hook `useNotifications`', 'hook `useUnreadCount` (src/composables/inbox.ts:8)', '/api/events', USE_EVENT_SOURCE),
        duplicate(8, 20, 'hook `useUnreadCount`', 'hook `useNotifications` (src/composables/inbox.ts:4)', '/api/events', USE_EVENT_SOURCE),
      ],
    },
    // A value of a Vue component's plain `<script>` is module code, run once per page, unlike the `<script setup>` beside it.
    {
      ...vue(
        `<script lang="ts">
const config = loadConfig();
</script>
<script setup lang="ts">
import { onMounted } from 'vue';
const feed = new EventSource(\`\${config.base}/events\`);
onMounted(() => { const other = new EventSource(\`\${config.base}/events\`); });
</script>
<template><p /></template>`,
        'src/Feed.vue',
      ),
      errors: [
        duplicate(6, 14, 'module scope', 'module scope (src/Feed.vue:7)', '{config.base}/events'),
        duplicate(7, 33, 'module scope', 'module scope (src/Feed.vue:6)', '{config.base}/events'),
      ],
    },
    // The same in a Svelte `<script module>` (Svelte 5) and `<script context="module">` (Svelte 4).
    ...['module', 'context="module"'].map((attribute) => ({
      ...svelte(
        `<script ${attribute} lang="ts">
const config = loadConfig();
</script>
<script lang="ts">
import { onMount } from 'svelte';
const feed = new EventSource(\`\${config.base}/events\`);
onMount(() => { const other = new EventSource(\`\${config.base}/events\`); });
</script>
<p />`,
        'src/Feed.svelte',
      ),
      errors: [
        duplicate(6, 14, 'module scope', 'module scope (src/Feed.svelte:7)', '{config.base}/events'),
        duplicate(7, 31, 'module scope', 'module scope (src/Feed.svelte:6)', '{config.base}/events'),
      ],
    })),
    // The `<script setup>` block is the one vue-eslint-parser parsed, not the first text that reads
    // `<script setup>`: here in a template comment, a template attribute and the plain script's
    // code, each before the real block (a regex took them for it, and the plain script's
    // `config` for per-instance setup code).
    ...[
      ['<template><!-- moved to <script setup> --><p /></template>\n', ''],
      ['<template><p title="see <script setup>" /></template>\n', ''],
      ['', '// the component itself is in <script setup> below\n'],
    ].map(([template, note]) => ({
      ...vue(
        `${template}<script lang="ts">
${note}const config = loadConfig();
</script>
<script setup lang="ts">
import { onMounted } from 'vue';
const feed = new EventSource(\`\${config.base}/events\`);
onMounted(() => { const other = new EventSource(\`\${config.base}/events\`); });
</script>
${template ? '' : '<template><p /></template>'}`,
        'src/Feed.vue',
      ),
      errors: [
        duplicate(7, 14, 'module scope', 'module scope (src/Feed.vue:8)', '{config.base}/events'),
        duplicate(8, 33, 'module scope', 'module scope (src/Feed.vue:7)', '{config.base}/events'),
      ],
    })),
    // Without the parser's document fragment (an older vue-eslint-parser) no block is known as
    // `<script setup>`: its bindings read as module values, as they did before, and nothing throws.
    {
      code: `<script setup lang="ts">
import { onMounted } from 'vue';
const props = defineProps<{ id: string }>();
const feed = new EventSource(\`/jobs/\${props.id}\`);
onMounted(() => { const other = new EventSource(\`/jobs/\${props.id}\`); });
</script>
<template><p /></template>`,
      filename: 'src/JobFeed.vue',
      languageOptions: {
        ...vueLanguageOptions,
        parser: {
          parseForESLint(code: string, options: unknown) {
            const result = vueParser.parseForESLint(code, options as never);
            return { ...result, services: { ...result.services, getDocumentFragment: undefined } };
          },
        },
      } as never,
      errors: [
        duplicate(4, 14, 'module scope', 'module scope (src/JobFeed.vue:5)', '/jobs/{props.id}'),
        duplicate(5, 33, 'module scope', 'module scope (src/JobFeed.vue:4)', '/jobs/{props.id}'),
      ],
    },
    {
      // TODO(false positive): two route pages of one file, shown one at a time by the router, are
      // taken as concurrent: only exclusive branches of one render are known as alternatives.
      code: `function JobsPage() {
  useEffect(() => {
    const es = new EventSource('/api/events');
    return () => es.close();
  }, []);
  return <main />;
}
function RunsPage() {
  useEffect(() => {
    const es = new EventSource('/api/events');
    return () => es.close();
  }, []);
  return <main />;
}
export const routes = [
  { path: '/jobs', element: <JobsPage /> },
  { path: '/runs', element: <RunsPage /> },
];`,
      filename: 'src/routes.tsx',
      errors: [
        duplicate(3, 16, 'component `JobsPage`', 'component `RunsPage` (src/routes.tsx:10)'),
        duplicate(10, 16, 'component `RunsPage`', 'component `JobsPage` (src/routes.tsx:3)'),
      ],
    },
  ],
});

describe('options', () => {
  it('refuses an unknown option', () => {
    expect(() => lintWithOptions('no-duplicate-stream', rule, { share: true })).toThrow(/should NOT have additional properties/);
  });

  it('refuses a typeAware that is not a boolean', () => {
    expect(() => lintWithOptions('no-duplicate-stream', rule, { typeAware: 'yes' })).toThrow(/should be boolean/);
  });
});
