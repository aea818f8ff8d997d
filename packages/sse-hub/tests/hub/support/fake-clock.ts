/** Settles every pending promise continuation, including those of stream reads. */
export async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) await new Promise<void>((resolve) => setImmediate(resolve));
}

interface Timer {
  id: number;
  due: number;
  callback: () => void;
}

/** A clock the test moves by hand; `pending` is how many timers are still queued. */
export class FakeClock {
  #now = 1_000_000;
  #nextId = 1;
  readonly #timers = new Map<number, Timer>();

  readonly setTimeout = (callback: () => void, milliseconds: number): unknown => {
    const id = this.#nextId++;
    this.#timers.set(id, { id, due: this.#now + Math.max(0, milliseconds), callback });
    return id;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  readonly now = (): number => this.#now;

  get pending(): number {
    return this.#timers.size;
  }

  /** Delays of the queued timers, soonest first. */
  get pendingDelays(): number[] {
    return [...this.#timers.values()].sort((a, b) => a.due - b.due || a.id - b.id).map((timer) => timer.due - this.#now);
  }

  /** Moves time forward, firing due timers in order and letting their consequences settle in between. */
  async advance(milliseconds: number): Promise<void> {
    const end = this.#now + milliseconds;
    await settle();
    for (;;) {
      const next = [...this.#timers.values()].filter((timer) => timer.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
      if (!next) break;
      this.#timers.delete(next.id);
      this.#now = next.due;
      next.callback();
      await settle();
    }
    this.#now = end;
  }
}

/** mulberry32: a small seeded generator, so that jittered delays are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
