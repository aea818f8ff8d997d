/**
 * Several multiplexer instances of one app, each on its own loopback port and each with its
 * own Redis backplane, as a fleet behind a balancer without stickiness would run them.
 */
import { createMultiplexer } from '../../../src/server/index.js';
import type { Multiplexer, MultiplexerOptions } from '../../../src/server/index.js';
import { redisBackplane } from '../../../src/server/redis.js';
import type { RedisBackplane } from '../../../src/server/redis.js';
import { listen, openHubClient } from './loopback.js';
import type { HubClient, Listening } from './loopback.js';

export interface Instance {
  name: string;
  multiplexer: Multiplexer;
  backplane: RedisBackplane;
  endpointUrl: string;
  open(headers?: Record<string, string>): Promise<HubClient>;
  /** Graceful: ends its streams and closes its Redis connections. */
  close(): Promise<void>;
  /** As a crash: its sockets and Redis connections are dropped at once, nothing is said to anyone. */
  kill(): Promise<void>;
}

export async function startInstance(
  name: string,
  redisUrl: string,
  keyPrefix: string,
  options: Partial<MultiplexerOptions> = {},
  changeTimeoutMs?: number,
): Promise<Instance> {
  const backplane = redisBackplane({ url: redisUrl, keyPrefix, changeTimeoutMs, onError: () => undefined });
  const multiplexer = createMultiplexer({ allow: [], publish: ['/rooms/:id'], backplane, ...options });
  const listening: Listening = await listen((req, res) =>
    multiplexer.node(req, res, () => {
      res.writeHead(404).end();
    }),
  );
  const endpointUrl = `${listening.origin}/__sse_hub`;
  const clients: HubClient[] = [];
  let stopped = false;
  return {
    name,
    multiplexer,
    backplane,
    endpointUrl,
    async open(headers) {
      const client = await openHubClient(endpointUrl, headers);
      clients.push(client);
      return client;
    },
    async close() {
      if (stopped) return;
      stopped = true;
      for (const client of clients) client.disconnect();
      await multiplexer.close();
      await listening.close();
    },
    async kill() {
      if (stopped) return;
      stopped = true;
      backplane.destroy();
      await listening.close();
    },
  };
}
