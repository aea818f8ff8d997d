/* global window, document, performance, fetch -- a browser module, served to the proof's page */
// Page B's rows, published by the app instead of served by a route, and each row's received
// counters kept in order, so that the proof can count events lost or received twice.
import { configureHub, sharedEventSource } from '/lib/hub/index.js';

configureHub({ endpoint: '/__sse_hub', crossTab: true });

const list = document.querySelector('#rows');
/** Row id -> the counters received, in arrival order. */
const received = {};
window.fleetReceived = received;

for (let row = 1; row <= 20; row++) {
  const item = document.createElement('li');
  item.dataset.row = String(row);
  item.dataset.events = '0';
  list.append(item);
  received[row] = [];
  const source = sharedEventSource(`/rows/${row}/events`);
  source.onmessage = (event) => {
    const update = JSON.parse(event.data);
    received[row].push(update.counter);
    item.dataset.events = String(received[row].length);
    item.textContent = `row ${update.row}: update #${update.counter}`;
  };
}

/** Opens one more row's stream, which the hub turns into a subscription POST (the proof times it at the balancer). */
window.subscribeExtraRow = (row) => {
  sharedEventSource(`/rows/${row}/events`);
};

const sendButton = document.querySelector('#send');
const sendResult = document.querySelector('#send-result');
sendButton.addEventListener('click', async () => {
  const started = performance.now();
  const response = await fetch('/api/send', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'hello' }),
  });
  await response.json();
  const elapsed = performance.now() - started;
  sendResult.dataset.sends = String(Number(sendResult.dataset.sends) + 1);
  sendResult.dataset.lastMs = elapsed.toFixed(1);
  sendResult.textContent = `answered in ${Math.round(elapsed)} ms`;
});
