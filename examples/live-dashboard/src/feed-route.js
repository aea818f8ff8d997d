// Server side: a route that tells every client to reconnect after 250 ms.
export function feedRoute(request, response) {
  response.writeHead(200, { 'Content-Type': 'text/event-stream' });
  response.write('retry: 250\n\n');
  const timer = setInterval(() => response.write(`data: ${Date.now()}\n\n`), 1000);
  request.on('close', () => clearInterval(timer));
}
