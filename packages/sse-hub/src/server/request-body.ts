/**
 * Reads a subscription change's body from Node's `http`, within a size and a time limit.
 * A body over either is not read any further: the answer (413 or 408) closes the
 * connection, because the only other ways to reuse it are to read the rest of a body that
 * may never end, or to wait for one that may never arrive.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BodyReading } from './multiplexer.js';

export function readNodeRequestBody(req: IncomingMessage, res: ServerResponse, limitBytes: number, timeoutMs: number): Promise<BodyReading> {
  // A body parser mounted earlier (e.g. `express.json()`) has consumed the stream already.
  if (req.readableEnded) {
    const parsed = (req as IncomingMessage & { body?: unknown }).body;
    if (typeof parsed === 'string') return Promise.resolve({ kind: 'text', text: parsed });
    if (Buffer.isBuffer(parsed)) return Promise.resolve({ kind: 'text', text: parsed.toString('utf8') });
    return Promise.resolve(parsed === undefined ? { kind: 'text', text: '' } : { kind: 'parsed', value: parsed });
  }
  if (Number(req.headers['content-length']) > limitBytes) {
    closeAfterAnswer(req, res);
    return Promise.resolve({ kind: 'too-large' });
  }

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanUp = (): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const giveUp = (reading: BodyReading): void => {
      cleanUp();
      closeAfterAnswer(req, res);
      resolve(reading);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limitBytes) giveUp({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanUp();
      resolve({ kind: 'text', text: Buffer.concat(chunks).toString('utf8') });
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(error);
    };
    // From the first byte we wait for, not per chunk: a client trickling a byte at a time must not reset it.
    const timer = setTimeout(() => giveUp({ kind: 'timed-out' }), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * For answers given without reading the body (415, 403, 503): a body that has not fully
 * arrived is not waited for.
 */
export function closeUnlessBodyArrived(req: IncomingMessage, res: ServerResponse): void {
  if (!req.complete) closeAfterAnswer(req, res);
}

/**
 * Stops reading the request and closes its connection once the answer is written. Without
 * this, Node discards the rest of an unread body by reading it, to its end, before the
 * connection can serve another request (632 MiB in 6 s from one client in the issue).
 */
function closeAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  req.pause();
  if (!res.headersSent) res.setHeader('connection', 'close');
  const drop = (): void => {
    req.socket.destroy();
  };
  if (res.writableFinished) drop();
  else res.once('finish', drop).once('close', drop);
}
