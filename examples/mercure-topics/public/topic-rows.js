const rows = Array.from({ length: 20 }, (_, index) => ({ id: index + 1 }));
const list = document.querySelector('#rows');

const sources = rows.map((row) => {
  const item = document.createElement('li');
  item.dataset.row = String(row.id);
  item.dataset.events = '0';
  item.textContent = `row ${row.id}: waiting for updates`;
  list.append(item);

  const source = new EventSource('/.well-known/mercure?topic=' + encodeURIComponent('/rows/' + row.id));
  source.onmessage = (event) => {
    const update = JSON.parse(event.data);
    item.dataset.events = String(Number(item.dataset.events) + 1);
    item.textContent = `row ${update.row}: update #${update.counter}`;
  };
  return source;
});

window.addEventListener('pagehide', () => {
  for (const source of sources) source.close();
});

const sendButton = document.querySelector('#send');
const sendResult = document.querySelector('#send-result');

sendButton.addEventListener('click', async () => {
  sendResult.textContent = 'sending…';
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
