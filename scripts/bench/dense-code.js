/**
 * Generated files dense with what the rules look at — loops and `.map()` callbacks, streams,
 * per-item components and hooks, error handlers that reconnect, `retry:` fields, awaits in
 * loops — so that the rules' own work, not ESLint's parsing, dominates, and the way it grows
 * with file size shows. A file at scale k is k × UNITS_PER_SCALE units drawn (seeded) from the
 * shapes below, each with names of its own; about half of them are findings.
 */
import { createRandom } from './generate-repository.js';

export const UNITS_PER_SCALE = 100;

const SHAPES = {
  rowsRenderedPerItem: (n) => `
export function Rows${n}({ rows }) {
  return <ul>{rows.map((row) => <Row${n} key={row.id} row={row} />)}</ul>;
}
function Row${n}({ row }) {
  const [status, setStatus] = useState('idle');
  useEffect(() => {
    const es = new EventSource(\`/rows/\${row.id}/events\`);
    es.onmessage = (event) => setStatus(event.data);
    return () => es.close();
  }, [row.id]);
  return <li>{row.name}: {status}</li>;
}
`,
  streamInLoop: (n) => `
export async function watchJobs${n}(jobs, onUpdate) {
  for (const job of jobs) {
    const stream = new EventSource(\`/jobs/\${job.id}/events\`);
    stream.addEventListener('update', (event) => onUpdate(job.id, event.data));
    await fetch(\`/jobs/\${job.id}/ack\`, { method: 'POST' });
  }
}
`,
  openerCalledPerItem: (n) => `
function subscribe${n}(device) {
  const source = new window.EventSource('/devices/' + device + '/telemetry');
  source.onmessage = (event) => render${n}(device, JSON.parse(event.data));
  return source;
}
export function watchDevices${n}(devices) {
  return devices.filter(Boolean).map((device) => subscribe${n}(device));
}
function render${n}(device, reading) {
  document.querySelector(\`#d\${device}\`).textContent = String(reading.value);
}
`,
  unboundedReconnect: (n) => `
export function connect${n}(url, onEvent) {
  const es = new EventSource(url);
  es.onmessage = onEvent;
  es.onerror = () => {
    es.close();
    setTimeout(() => connect${n}(url, onEvent), 1000);
  };
  return es;
}
`,
  boundedReconnect: (n) => `
export function connectSafely${n}(url, onEvent, attempt = 0) {
  const es = new EventSource(url);
  es.onmessage = onEvent;
  es.onerror = () => {
    es.close();
    if (attempt >= 6) return;
    const delay = Math.random() * Math.min(30000, 500 * 2 ** attempt);
    setTimeout(() => connectSafely${n}(url, onEvent, attempt + 1), delay);
  };
  return es;
}
`,
  effectWithoutCleanup: (n) => `
export function Ticker${n}({ symbol }) {
  const [price, setPrice] = useState(0);
  useEffect(() => {
    const prices = new EventSource(\`/prices/\${symbol}\`);
    prices.onmessage = (event) => setPrice(Number(event.data));
  }, [symbol]);
  return <span>{price}</span>;
}
`,
  sameUrlTwoWidgets: (n) => `
export function Status${n}() {
  const [status, setStatus] = useState('');
  useEffect(() => {
    const events = new EventSource('/api/events/${n}');
    events.addEventListener('status', (event) => setStatus(event.data));
    return () => events.close();
  }, []);
  return <b>{status}</b>;
}
export function Activity${n}() {
  const [lines, setLines] = useState([]);
  useEffect(() => {
    const events = new EventSource('/api/events/${n}');
    events.onmessage = (event) => setLines((previous) => [...previous, event.data]);
    return () => events.close();
  }, []);
  return <pre>{lines.join('\\n')}</pre>;
}
`,
  sharedStream: (n) => `
let shared${n} = null;
export function feed${n}(topics, handlers) {
  shared${n} ??= new EventSource('/feed/${n}');
  for (const topic of topics) {
    shared${n}.addEventListener(topic, (event) => handlers[topic]?.(event.data));
  }
  return () => shared${n}.close();
}
`,
  serverRetry: (n) => `
export function handle${n}(request, response) {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.write('retry: 250\\n\\n');
  const timer = setInterval(() => response.write(\`data: \${Date.now()}\\n\\n\`), 1000);
  request.on('close', () => clearInterval(timer));
}
`,
  plainLoops: (n) => `
export async function process${n}(items) {
  const results = [];
  for (let index = 0; index < items.length; index++) {
    results.push(await transform${n}(items[index]));
  }
  items.forEach((item) => results.push(item * 2));
  while (results.length > 100) results.shift();
  return results;
}
async function transform${n}(value) {
  return value + ${n};
}
`,
};

export const DENSE_SHAPES = Object.keys(SHAPES);

/** The text of a dense file at `scale` (1 = UNITS_PER_SCALE units), the same for the same seed. */
export function denseFile(scale, { seed = 5 } = {}) {
  const random = createRandom(seed);
  const header = `import { useEffect, useState } from 'react';\n`;
  const units = [];
  for (let n = 0; n < scale * UNITS_PER_SCALE; n++) {
    const shape = random.pick(DENSE_SHAPES);
    units.push(`\n// unit ${n}: ${shape}${SHAPES[shape](n)}`);
  }
  return header + units.join('');
}
