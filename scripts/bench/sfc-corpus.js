/**
 * Generated Vue and Svelte single-file components that never name a stream, each beside a
 * `.ts` file holding exactly its script's code, for `sfc-cost.js`. The shapes are those of an
 * ordinary app: cards that format their item through helpers and a composable, lists that
 * fetch their items and render an imported card per item under `v-for` / `{#each}` (the
 * template walk and the reading of imported components that the per-item rule does), forms
 * with a `v-for` over options, and detail views with no loop at all. Names and sizes vary per
 * file, seeded.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from './generate-repository.js';

export const KINDS = ['card', 'list', 'form', 'detail'];
const FIELDS = ['owner', 'region', 'priority', 'budget', 'team', 'category', 'source', 'channel'];
const ITEM_TYPE = 'type Item = { id: string; title: string; status: string; updatedAt: string; tags: string[] };';

/** `count` extra computed values over `of`, named per file: the bulk that varies file to file. */
function derivedLines(random, of, framework) {
  const lines = [];
  for (let index = 0; index < random.int(1, 6); index++) {
    const field = random.pick(FIELDS);
    const expression = `String(${of}?.${field} ?? '').trim().toUpperCase()`;
    lines.push(framework === 'vue' ? `const ${field}Label${index} = computed(() => ${expression});` : `const ${field}Label${index} = $derived(${expression});`);
  }
  return lines;
}

const vue = {
  card: (n, random) => ({
    script: [
      "import { computed } from 'vue';",
      "import { formatDate, formatStatus } from './format';",
      "import { useRelativeTime } from './useRelativeTime';",
      '',
      ITEM_TYPE,
      'const props = defineProps<{ item: Item & Record<string, unknown> }>();',
      "const emit = defineEmits<{ (event: 'select', id: string): void }>();",
      'const statusLabel = computed(() => formatStatus(props.item.status));',
      'const date = computed(() => formatDate(props.item.updatedAt));',
      'const updated = useRelativeTime(() => props.item.updatedAt);',
      ...derivedLines(random, 'props.item', 'vue'),
    ],
    template: [
      `<article class="card card-${n}" @click="emit('select', item.id)">`,
      '  <h3>{{ item.title }}</h3>',
      '  <p :title="date">{{ statusLabel }} · {{ updated }}</p>',
      '  <ul class="tags"><li v-for="tag in item.tags" :key="tag">{{ tag }}</li></ul>',
      '</article>',
    ],
  }),
  list: (n, random, count) => {
    const card = `Card${random.int(0, count - 1)}`;
    return {
      script: [
        "import { computed, onMounted, ref } from 'vue';",
        `import ${card} from './${card}.vue';`,
        "import EmptyState from './EmptyState.vue';",
        "import { fetchJson } from './api';",
        '',
        ITEM_TYPE,
        'const props = defineProps<{ endpoint: string; pageSize?: number }>();',
        'const items = ref<Item[]>([]);',
        "const query = ref('');",
        'const loading = ref(false);',
        'const selected = ref<string | null>(null);',
        'const visible = computed(() =>',
        '  items.value.filter((item) => item.title.toLowerCase().includes(query.value.toLowerCase())).slice(0, props.pageSize ?? 20),',
        ');',
        ...derivedLines(random, 'items.value[0]', 'vue'),
        'async function load(): Promise<void> {',
        '  loading.value = true;',
        '  try {',
        '    items.value = await fetchJson<Item[]>(props.endpoint);',
        '  } finally {',
        '    loading.value = false;',
        '  }',
        '}',
        'function select(id: string): void {',
        '  selected.value = selected.value === id ? null : id;',
        '}',
        'onMounted(load);',
      ],
      template: [
        `<section class="list list-${n}">`,
        '  <input v-model="query" placeholder="Filter" />',
        '  <p v-if="loading">Loading…</p>',
        '  <EmptyState v-else-if="visible.length === 0" />',
        '  <div v-else class="grid">',
        `    <${card} v-for="item in visible" :key="item.id" :item="item" :class="{ selected: item.id === selected }" @select="select" />`,
        '  </div>',
        '</section>',
      ],
    };
  },
  form: (n, random) => ({
    script: [
      "import { computed, reactive, ref } from 'vue';",
      "import { postJson } from './api';",
      '',
      `const roles = ${JSON.stringify(FIELDS.slice(0, random.int(3, FIELDS.length)))};`,
      "const form = reactive({ name: '', email: '', role: roles[0] });",
      'const error = ref<string | null>(null);',
      "const valid = computed(() => form.name.length > 1 && form.email.includes('@'));",
      ...derivedLines(random, 'form', 'vue'),
      'async function submit(): Promise<void> {',
      '  error.value = null;',
      '  try {',
      `    await postJson('/api/forms/${n}', form);`,
      '  } catch (failure) {',
      '    error.value = String(failure);',
      '  }',
      '}',
    ],
    template: [
      `<form class="form-${n}" @submit.prevent="submit">`,
      '  <input v-model="form.name" required />',
      '  <input v-model="form.email" type="email" required />',
      '  <select v-model="form.role"><option v-for="role in roles" :key="role" :value="role">{{ role }}</option></select>',
      '  <p v-if="error" class="error">{{ error }}</p>',
      '  <button :disabled="!valid">Save</button>',
      '</form>',
    ],
  }),
  detail: (n, random) => ({
    script: [
      "import { computed, ref, watch } from 'vue';",
      "import { fetchJson } from './api';",
      "import { formatDate } from './format';",
      '',
      ITEM_TYPE,
      'const props = defineProps<{ id: string }>();',
      'const item = ref<Item | null>(null);',
      'const date = computed(() => (item.value ? formatDate(item.value.updatedAt) : ""));',
      ...derivedLines(random, 'item.value', 'vue'),
      'watch(',
      '  () => props.id,',
      '  async (id) => {',
      `    item.value = await fetchJson<Item>('/api/items/${n}/' + id);`,
      '  },',
      '  { immediate: true },',
      ');',
    ],
    template: [
      `<div class="detail-${n}">`,
      '  <template v-if="item">',
      '    <h2>{{ item.title }}</h2>',
      '    <p>{{ item.status }} · {{ date }}</p>',
      '  </template>',
      '  <p v-else>Loading…</p>',
      '</div>',
    ],
  }),
};

const svelte = {
  card: (n, random) => ({
    script: [
      "import { formatDate, formatStatus } from './format';",
      "import { relativeTime } from './relativeTime';",
      '',
      ITEM_TYPE,
      'let { item, onselect }: { item: Item & Record<string, unknown>; onselect: (id: string) => void } = $props();',
      'const statusLabel = $derived(formatStatus(item.status));',
      'const date = $derived(formatDate(item.updatedAt));',
      'const updated = $derived(relativeTime(item.updatedAt));',
      ...derivedLines(random, 'item', 'svelte'),
    ],
    template: [
      `<article class="card card-${n}" onclick={() => onselect(item.id)}>`,
      '  <h3>{item.title}</h3>',
      '  <p title={date}>{statusLabel} · {updated}</p>',
      '  <ul class="tags">{#each item.tags as tag (tag)}<li>{tag}</li>{/each}</ul>',
      '</article>',
    ],
  }),
  list: (n, random, count) => {
    const card = `Card${random.int(0, count - 1)}`;
    return {
      script: [
        "import { onMount } from 'svelte';",
        `import ${card} from './${card}.svelte';`,
        "import EmptyState from './EmptyState.svelte';",
        "import { fetchJson } from './api';",
        '',
        ITEM_TYPE,
        'let { endpoint, pageSize = 20 }: { endpoint: string; pageSize?: number } = $props();',
        'let items = $state<Item[]>([]);',
        "let query = $state('');",
        'let loading = $state(false);',
        'let selected = $state<string | null>(null);',
        'const visible = $derived(items.filter((item) => item.title.toLowerCase().includes(query.toLowerCase())).slice(0, pageSize));',
        ...derivedLines(random, 'items[0]', 'svelte'),
        'async function load(): Promise<void> {',
        '  loading = true;',
        '  try {',
        '    items = await fetchJson<Item[]>(endpoint);',
        '  } finally {',
        '    loading = false;',
        '  }',
        '}',
        'function select(id: string): void {',
        '  selected = selected === id ? null : id;',
        '}',
        'onMount(load);',
      ],
      template: [
        `<section class="list list-${n}">`,
        '  <input bind:value={query} placeholder="Filter" />',
        '  {#if loading}',
        '    <p>Loading…</p>',
        '  {:else if visible.length === 0}',
        '    <EmptyState />',
        '  {:else}',
        '    <div class="grid">',
        `      {#each visible as item (item.id)}<${card} {item} onselect={select} />{/each}`,
        '    </div>',
        '  {/if}',
        '</section>',
      ],
    };
  },
  form: (n, random) => ({
    script: [
      "import { postJson } from './api';",
      '',
      `const roles = ${JSON.stringify(FIELDS.slice(0, random.int(3, FIELDS.length)))};`,
      "let form = $state({ name: '', email: '', role: roles[0] });",
      'let error = $state<string | null>(null);',
      "const valid = $derived(form.name.length > 1 && form.email.includes('@'));",
      ...derivedLines(random, 'form', 'svelte'),
      'async function submit(event: SubmitEvent): Promise<void> {',
      '  event.preventDefault();',
      '  error = null;',
      '  try {',
      `    await postJson('/api/forms/${n}', form);`,
      '  } catch (failure) {',
      '    error = String(failure);',
      '  }',
      '}',
    ],
    template: [
      `<form class="form-${n}" onsubmit={submit}>`,
      '  <input bind:value={form.name} required />',
      '  <input bind:value={form.email} type="email" required />',
      '  <select bind:value={form.role}>{#each roles as role (role)}<option value={role}>{role}</option>{/each}</select>',
      '  {#if error}<p class="error">{error}</p>{/if}',
      '  <button disabled={!valid}>Save</button>',
      '</form>',
    ],
  }),
  detail: (n, random) => ({
    script: [
      "import { fetchJson } from './api';",
      "import { formatDate } from './format';",
      '',
      ITEM_TYPE,
      'let { id }: { id: string } = $props();',
      'let item = $state<Item | null>(null);',
      "const date = $derived(item ? formatDate(item.updatedAt) : '');",
      ...derivedLines(random, 'item', 'svelte'),
      '$effect(() => {',
      `  fetchJson<Item>('/api/items/${n}/' + id).then((loaded) => {`,
      '    item = loaded;',
      '  });',
      '});',
    ],
    template: [
      `<div class="detail-${n}">`,
      '  {#if item}',
      '    <h2>{item.title}</h2>',
      '    <p>{item.status} · {date}</p>',
      '  {:else}',
      '    <p>Loading…</p>',
      '  {/if}',
      '</div>',
    ],
  }),
};

/** The modules the components import: helpers, and (Vue) a composable that opens no stream. */
const SUPPORT = {
  'api.ts': `export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(\`\${url}: HTTP \${response.status}\`);
  return (await response.json()) as T;
}

export async function postJson(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(\`\${url}: HTTP \${response.status}\`);
}
`,
  'format.ts': `const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export const formatDate = (iso: string): string => dateFormat.format(new Date(iso));
export const formatStatus = (status: string): string => status.replace(/[-_]/g, ' ');
`,
  'relativeTime.ts': `export function relativeTime(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  return minutes < 1 ? 'just now' : minutes < 60 ? \`\${minutes} min ago\` : \`\${Math.round(minutes / 60)} h ago\`;
}
`,
  'useRelativeTime.ts': `import { computed, onUnmounted, ref } from 'vue';
import { relativeTime } from './relativeTime';

export function useRelativeTime(source: () => string) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), 30_000);
  onUnmounted(() => clearInterval(timer));
  return computed(() => relativeTime(source(), now.value));
}
`,
};

const EMPTY_STATE = {
  vue: '<template>\n  <p class="empty">Nothing here yet.</p>\n</template>\n',
  svelte: '<p class="empty">Nothing here yet.</p>\n',
};

/** The component file's text: its script (indented in Svelte, as its formatter writes it) and markup. */
function componentText(framework, { script, template }) {
  if (framework === 'vue') return `<script setup lang="ts">\n${script.join('\n')}\n</script>\n\n<template>\n${template.map((line) => `  ${line}`).join('\n')}\n</template>\n`;
  return `<script lang="ts">\n${script.map((line) => (line ? `  ${line}` : line)).join('\n')}\n</script>\n\n${template.join('\n')}\n`;
}

/**
 * Writes `count` components of `framework` into `directory` (a quarter of each kind), with the
 * modules they import, and beside each `X.vue`/`X.svelte` an `X.ts` holding its script's code.
 * @param {string} directory
 * @param {{ framework: 'vue' | 'svelte', count?: number, seed?: number }} options
 * @returns {{ components: string[], scripts: string[], kinds: string[], lines: number }} absolute paths, the kind of each component; lines of the components
 */
export function writeSfcCorpus(directory, { framework, count = 200, seed = 12 }) {
  const random = createRandom(seed);
  const shapes = framework === 'vue' ? vue : svelte;
  const extension = `.${framework}`;
  const perKind = Math.ceil(count / KINDS.length);
  mkdirSync(directory, { recursive: true });
  for (const [name, text] of Object.entries(SUPPORT)) writeFileSync(path.join(directory, name), text);
  writeFileSync(path.join(directory, `EmptyState${extension}`), EMPTY_STATE[framework]);
  const components = [];
  const scripts = [];
  const kinds = [];
  let lines = 0;
  for (let index = 0; index < count; index++) {
    const kind = KINDS[index % KINDS.length];
    const n = Math.floor(index / KINDS.length);
    const name = `${kind[0].toUpperCase()}${kind.slice(1)}${n}`;
    const parts = shapes[kind](n, random, perKind);
    const text = componentText(framework, parts);
    const component = path.join(directory, `${name}${extension}`);
    const script = path.join(directory, `${name}.ts`);
    writeFileSync(component, text);
    // Exactly the script block's code, so that the two differ only in what surrounds it.
    writeFileSync(script, `${text.slice(text.indexOf('>') + 1, text.indexOf('</script>')).replace(/^\n/, '')}`);
    components.push(component);
    scripts.push(script);
    kinds.push(kind);
    lines += text.split('\n').length - 1;
  }
  return { components, scripts, kinds, lines };
}
