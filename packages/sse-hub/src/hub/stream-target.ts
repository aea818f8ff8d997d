import type { Topic } from '../sse/multiplex-protocol.js';
import type { ResolvedHubOptions } from './options.js';

/** One physical stream per distinct URL and credentials mode, shared by its subscribers. */
export interface DedupeTarget {
  kind: 'dedupe';
  /** Absolute, without fragment: `/a#x` and `/a#y` fetch the same stream. */
  url: string;
  withCredentials: boolean;
  sameOrigin: boolean;
}

/** One topic on the multiplexed stream of `endpoint` for this credentials mode. */
export interface MultiplexTarget {
  kind: 'multiplex';
  /** Absolute URL of the server multiplexer. */
  endpoint: string;
  topic: Topic;
  withCredentials: boolean;
  sameOrigin: boolean;
}

/** What a subscriber asked for, resolved against the hub's configuration. Plain data: it crosses tabs. */
export type StreamTarget = DedupeTarget | MultiplexTarget;

/**
 * A topic is the caller's URL as a same-origin path and query, because the multiplexer
 * opens it on its own origin. A URL on another origin therefore cannot be multiplexed and
 * is deduplicated instead.
 */
export function resolveTarget(url: URL, withCredentials: boolean, options: ResolvedHubOptions, baseUrl: string | undefined): StreamTarget {
  const pageOrigin = baseUrl === undefined ? undefined : new URL(baseUrl).origin;
  if (options.mode === 'multiplex') {
    const endpoint = parseUrl(options.endpoint, baseUrl);
    if (endpoint?.origin === url.origin) {
      return {
        kind: 'multiplex',
        endpoint: endpoint.href,
        topic: url.pathname + url.search,
        withCredentials,
        sameOrigin: endpoint.origin === pageOrigin,
      };
    }
  }
  const withoutFragment = new URL(url.href);
  withoutFragment.hash = '';
  return { kind: 'dedupe', url: withoutFragment.href, withCredentials, sameOrigin: url.origin === pageOrigin };
}

/** `URL.canParse` is too recent for the browsers this runs in. */
export function parseUrl(input: string, base: string | undefined): URL | undefined {
  try {
    return new URL(input, base);
  } catch {
    return undefined;
  }
}

/** Targets with equal keys share one feed; the key is also how tabs name a feed to each other. */
export function targetKey(target: StreamTarget): string {
  const credentials = target.withCredentials ? 'include' : 'same-origin';
  return target.kind === 'dedupe'
    ? `dedupe ${credentials} ${target.url}`
    : `multiplex ${credentials} ${target.endpoint} ${target.topic}`;
}

/** Targets with equal keys share one physical connection. */
export function connectionKey(target: StreamTarget): string {
  const credentials = target.withCredentials ? 'include' : 'same-origin';
  return target.kind === 'dedupe' ? `dedupe ${credentials} ${target.url}` : `multiplex ${credentials} ${target.endpoint}`;
}
