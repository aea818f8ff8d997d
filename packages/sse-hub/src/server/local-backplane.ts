/**
 * The backplane of a single instance: `publish()` reaches this process's subscribers,
 * and resumes replay from a bounded in-memory buffer. There are no siblings, so a change
 * for a connection this instance does not hold is unknown.
 */
import type { Backplane, PublishedEntry } from './backplane.js';
import { ReplayBuffer } from './replay-buffer.js';
import type { ReplayBounds } from './replay-buffer.js';

export function createLocalBackplane(bounds: ReplayBounds): Backplane {
  const buffer = new ReplayBuffer(bounds);
  const listeners = new Map<string, Set<(entry: PublishedEntry) => void>>();
  let published = 0;

  return {
    publish(topic, event) {
      published += 1;
      const entry: PublishedEntry = { seq: `${published}-0`, event };
      buffer.append(topic, entry);
      for (const listener of listeners.get(topic) ?? []) listener(entry);
      return Promise.resolve();
    },
    listen(topic, listener) {
      let set = listeners.get(topic);
      if (set === undefined) listeners.set(topic, (set = new Set()));
      set.add(listener);
      const stop = (): void => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(topic) === set) listeners.delete(topic);
      };
      return Promise.resolve(stop);
    },
    replay: (topic, lastEventId) => Promise.resolve(buffer.after(topic, lastEventId)),
    forwardChange: () => Promise.resolve({ kind: 'unknown' }),
    serveChanges: () => undefined,
    close() {
      listeners.clear();
      return Promise.resolve();
    },
  };
}
