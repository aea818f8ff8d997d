/**
 * Bounds what one client stream may hold in server memory. A client that stops reading
 * (a stalled tab, a slowloris) would otherwise keep every byte written for it: the cap
 * drops it at once when its queue grows past `maxBufferedBytes`, and the timeout drops it
 * when bytes wait for it and it takes none of them for `writeTimeoutMs`. The hub then
 * reconnects and resumes each topic from its last event id, so a client that was merely
 * slow loses nothing.
 */
import type { ClientSink } from './client-stream.js';

export interface WriteLimits {
  maxBufferedBytes: number;
  writeTimeoutMs: number;
}

export type OverrunReason = 'buffer-full' | 'write-timeout';

/**
 * Wraps a sink so every write is measured. `onOverrun` is called once, after the sink was
 * aborted; writes after that are ignored.
 */
export function budgetedSink(sink: ClientSink, limits: WriteLimits, onOverrun: (reason: OverrunReason) => void): ClientSink {
  let written = 0;
  let overrun = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let takenWhenArmed = 0;

  const taken = (): number => written - sink.bufferedBytes();
  const giveUp = (reason: OverrunReason): void => {
    if (overrun) return;
    overrun = true;
    disarm();
    sink.abort();
    onOverrun(reason);
  };
  const disarm = (): void => {
    clearTimeout(watchdog);
    watchdog = undefined;
  };
  const arm = (): void => {
    takenWhenArmed = taken();
    watchdog = setTimeout(check, limits.writeTimeoutMs);
    // The socket keeps the process alive while it needs to be; this timer need not.
    watchdog.unref?.();
  };
  // Progress, not an empty queue, is what a live client shows: one that reads slowly behind
  // a steady stream may never catch up completely, and the cap bounds what it costs.
  function check(): void {
    watchdog = undefined;
    if (overrun || sink.bufferedBytes() === 0) return;
    if (taken() > takenWhenArmed) arm();
    else giveUp('write-timeout');
  }

  return {
    write(chunk) {
      if (overrun) return;
      sink.write(chunk);
      written += Buffer.byteLength(chunk);
      const buffered = sink.bufferedBytes();
      if (buffered > limits.maxBufferedBytes) giveUp('buffer-full');
      else if (buffered > 0 && watchdog === undefined) arm();
    },
    drained: () => sink.drained(),
    end() {
      disarm();
      sink.end();
    },
    bufferedBytes: () => sink.bufferedBytes(),
    abort() {
      disarm();
      sink.abort();
    },
  };
}
