/**
 * Counts the open client streams of each caller (see `callerKey`), for `maxStreamsPerCaller`.
 * A stream is one descriptor and a heartbeat timer; the cap stops one caller from opening
 * thousands of them, which the upstream caps alone would not see.
 */
export class CallerStreams {
  readonly #max: number;
  readonly #open = new Map<string, number>();

  constructor(max: number) {
    this.#max = max;
  }

  isFull(caller: string): boolean {
    return (this.#open.get(caller) ?? 0) >= this.#max;
  }

  /** Counts a stream that opened; the returned function uncounts it, once. */
  add(caller: string): () => void {
    this.#open.set(caller, (this.#open.get(caller) ?? 0) + 1);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      const left = (this.#open.get(caller) ?? 1) - 1;
      if (left === 0) this.#open.delete(caller);
      else this.#open.set(caller, left);
    };
  }
}
