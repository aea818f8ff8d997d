/**
 * Bounds the upstream requests the default proxy holds open, in all and per caller. Each
 * proxied topic is a socket (two when the app is this very process: ours and the one it
 * accepted), so without a bound a few clients subscribing many topics run the server out
 * of descriptors for everyone. Topics served by `publish()` or in process by `resolve`
 * cost no socket and hold no slot.
 */

export type UpstreamSlot = { ok: true; release: () => void } | { ok: false; reason: string };

export class UpstreamCaps {
  readonly #maxTotal: number;
  readonly #maxPerCaller: number;
  readonly #perCaller = new Map<string, number>();
  #total = 0;

  constructor(maxTotal: number, maxPerCaller: number) {
    this.#maxTotal = maxTotal;
    this.#maxPerCaller = maxPerCaller;
  }

  get held(): number {
    return this.#total;
  }

  /** Takes a slot for `caller`, or says which limit is reached. `release` may be called more than once. */
  acquire(caller: string): UpstreamSlot {
    const callerCount = this.#perCaller.get(caller) ?? 0;
    if (callerCount >= this.#maxPerCaller) {
      return {
        ok: false,
        reason: `maxUpstreamsPerCaller: a caller may hold at most ${this.#maxPerCaller} proxied upstreams; published or resolved topics need none`,
      };
    }
    if (this.#total >= this.#maxTotal) {
      return { ok: false, reason: `maxUpstreams: the server holds at most ${this.#maxTotal} proxied upstreams` };
    }
    this.#perCaller.set(caller, callerCount + 1);
    this.#total += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.#total -= 1;
        const left = (this.#perCaller.get(caller) ?? 1) - 1;
        // Deleted at zero, so that callers who came once do not accumulate.
        if (left === 0) this.#perCaller.delete(caller);
        else this.#perCaller.set(caller, left);
      },
    };
  }
}
