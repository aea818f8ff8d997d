/**
 * Serves the multiplexer from Node's `http` (and so Express, Connect, Fastify's
 * middie): a `(req, res, next)` middleware that only answers on the endpoint path.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { Socket } from 'node:net';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { ClientSink } from './client-stream.js';
import { STREAM_HEADERS } from './client-stream.js';
import type { HeaderLookup } from './credential-binding.js';
import type { MultiplexerCore } from './multiplexer.js';
import type { PlainResponse } from './plain-response.js';
import { closeUnlessBodyArrived, readNodeRequestBody } from './request-body.js';
import type { Multiplexer } from './types.js';

export function createNodeHandler(core: MultiplexerCore): Multiplexer['node'] {
  return (req, res, next) => {
    if (pathOf(req.url) !== core.endpoint) {
      if (next) next();
      else sendPlain(res, core.notFound());
      return;
    }
    switch (req.method) {
      case 'GET':
        openStream(core, req, res);
        return;
      case 'POST':
        core.answerSubscriptionChange(nodeHeaderLookup(req), (limit, timeoutMs) => readNodeRequestBody(req, res, limit, timeoutMs)).then(
          (answer) => {
            closeUnlessBodyArrived(req, res);
            sendPlain(res, answer);
          },
          (error: unknown) => {
            if (next) next(error);
            else sendPlain(res, { status: 500, headers: {}, body: '' });
          },
        );
        return;
      default:
        sendPlain(res, core.methodNotAllowed());
    }
  };
}

/** The request target's path, query ignored. Routers that mount us under a prefix have already stripped it. */
function pathOf(target: string | undefined): string {
  const raw = target ?? '';
  const queryStart = raw.indexOf('?');
  return queryStart === -1 ? raw : raw.slice(0, queryStart);
}

function openStream(core: MultiplexerCore, req: IncomingMessage, res: ServerResponse): void {
  if (core.isClosed()) {
    sendPlain(res, core.unavailable());
    return;
  }
  const refusal = core.refuseStream(nodeHeaderLookup(req), req.socket.remoteAddress);
  if (refusal !== undefined) {
    sendPlain(res, refusal);
    return;
  }
  // `Connection` is an HTTP/1.1 header; HTTP/2 forbids it.
  res.writeHead(200, req.httpVersionMajor === 1 ? { ...STREAM_HEADERS, connection: 'keep-alive' } : STREAM_HEADERS);
  res.flushHeaders();
  const connection = core.openStream({
    sink: responseSink(res),
    header: nodeHeaderLookup(req),
    headers: () => toFetchHeaders(req.headers),
    arrivalOrigin: arrivalOrigin(req.socket),
    remoteAddress: req.socket.remoteAddress,
  });
  res.on('close', () => connection.close());
  // The client may already be gone, in which case 'close' has fired before we listened.
  if (res.destroyed || req.socket.destroyed) connection.close();
}

function nodeHeaderLookup(req: IncomingMessage): HeaderLookup {
  return (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
}

function responseSink(res: ServerResponse): ClientSink {
  let drainWait: Promise<void> | undefined;
  // Express's `compression` middleware buffers writes until `res.flush()`.
  const flush = (res as ServerResponse & { flush?: () => void }).flush;
  return {
    write(chunk) {
      if (res.writableEnded || res.destroyed) return;
      res.write(chunk);
      flush?.call(res);
    },
    drained() {
      if (!res.writableNeedDrain || res.writableEnded || res.destroyed) return Promise.resolve();
      drainWait ??= new Promise((resolve) => {
        const done = (): void => {
          res.off('drain', done);
          res.off('close', done);
          drainWait = undefined;
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
      return drainWait;
    },
    end() {
      if (!res.writableEnded && !res.destroyed) res.end();
    },
    // Counts the socket's queue too (Node's `OutgoingMessage#writableLength`).
    bufferedBytes: () => (res.destroyed ? 0 : res.writableLength),
    abort() {
      res.destroy();
    },
  };
}

/**
 * Where the request arrived, from the socket rather than the `Host` header, which the
 * client controls: the default proxy must only ever call this very server.
 */
function arrivalOrigin(socket: Socket): string {
  const { localAddress, localPort } = socket;
  // A Unix-socket server has no address; proxied topics then need `upstreamOrigin`.
  if (localAddress === undefined || localPort === undefined) return 'http://localhost';
  let host = localAddress.replace(/%.*$/, '');
  if (host.startsWith('::ffff:') && isIPv4(host.slice(7))) host = host.slice(7);
  if (isIPv6(host)) host = `[${host}]`;
  const scheme = (socket as Socket & { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return new URL(`${scheme}://${host}:${localPort}`).origin;
}

function toFetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    // HTTP/2 pseudo-headers (`:path`) are not headers a route would see.
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, item);
      } catch {
        // A value Node accepted but the Fetch spec does not; `resolve` simply will not see it.
      }
    }
  }
  return headers;
}

function sendPlain(res: ServerResponse, answer: PlainResponse): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
  res.end(answer.body);
}
