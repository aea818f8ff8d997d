/**
 * Waits for a promise unless a signal aborts first. Unlike `Promise.race` against one
 * long-lived "aborted" promise, it leaves nothing behind per call, so a topic can await
 * millions of events without growing.
 */

export const ABORTED: unique symbol = Symbol('aborted');

export function unlessAborted<T>(promise: PromiseLike<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // Subscribing even after an abort keeps a late rejection from going unhandled.
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
