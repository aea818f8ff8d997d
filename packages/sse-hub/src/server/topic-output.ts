/** The contract between a topic's source (proxy or `resolve`) and the client connection it feeds. */

export interface TopicOutput {
  /** The source is connected (sent once per (re)connection). */
  open(): void;
  /** `lastEventId` is the id in force, as `EventSource#lastEventId` would report it. */
  event(type: string, data: string, lastEventId: string): void;
  /** The source failed and is being retried. */
  error(status?: number): void;
  /** See `ClientSink#drained`. */
  drained(): Promise<void>;
}

/** Why a topic is over for good; sent to the client as a `closed` frame. */
export interface TopicEnd {
  status: number;
  reason: string;
}
