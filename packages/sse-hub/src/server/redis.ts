/**
 * `sse-hub/server/redis`: the Redis backplane, for running several multiplexer instances
 * without sticky routing (docs/server.md, "Scaling"). It is the only entry that imports
 * `redis` (node-redis, an optional peer dependency); `sse-hub/server` never loads it.
 */
import { createRedisBackplane } from './redis-backplane.js';
import type { RedisBackplane, RedisBackplaneOptions } from './redis-backplane.js';

export type { RedisBackplane, RedisBackplaneOptions } from './redis-backplane.js';

export function redisBackplane(options: RedisBackplaneOptions = {}): RedisBackplane {
  return createRedisBackplane(options);
}
