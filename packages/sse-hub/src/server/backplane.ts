/**
 * What a multiplexer shares with its sibling instances: published events (live, and
 * retained for resuming), and the subscription changes that land on an instance other
 * than the one holding the stream. Without the `backplane` option an in-process one
 * (local-backplane.ts) serves `publish()`; `sse-hub/server/redis` ships one over Redis.
 */
import type { SubscriptionResult } from '../sse/multiplex-protocol.js';
import type { NormalisedChange } from './subscription-change.js';
import type { MultiplexerEvent } from './types.js';

/** A published event with its place in the topic's history. */
export interface PublishedEntry {
  /** Orders entries within one topic: `"<major>-<minor>"`, as Redis Stream ids are (see `compareSeq`). */
  seq: string;
  event: MultiplexerEvent;
}

/** A subscription change that named a connection this instance does not hold. */
export interface ForwardedChange {
  change: NormalisedChange;
  /** The credential fingerprint of the POST (base64 SHA-256, see credential-binding.ts); never the credentials. */
  fingerprint: string;
}

export type ForwardedOutcome =
  | { kind: 'applied'; result: SubscriptionResult }
  | { kind: 'forbidden' }
  | { kind: 'unknown' };

export interface Backplane {
  /** Delivers `event` to every listener of `topic` on every instance, and retains it for `replay`. */
  publish(topic: string, event: MultiplexerEvent): Promise<void>;
  /** Calls `listener` with each entry published from now on (resolves once that is guaranteed); returns the way to stop. */
  listen(topic: string, listener: (entry: PublishedEntry) => void): Promise<() => void>;
  /**
   * The retained entries after the newest one whose event id is `lastEventId`, oldest first.
   * When no retained entry has that id (it fell out of the bound), every retained entry.
   */
  replay(topic: string, lastEventId: string): Promise<PublishedEntry[]>;
  /** Asks the other instances to apply a change; `unknown` when none holds the connection. */
  forwardChange(forwarded: ForwardedChange): Promise<ForwardedOutcome>;
  /** Registers how this instance answers changes forwarded by others. */
  serveChanges(holder: (forwarded: ForwardedChange) => ForwardedOutcome): void;
  /** Stops listening and lets go of its connections. */
  close(): Promise<void>;
}

/** Compares two `seq` values numerically, part by part; negative when `a` comes first. */
export function compareSeq(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('-').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('-').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
