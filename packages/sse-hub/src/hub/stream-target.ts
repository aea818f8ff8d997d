import type { Topic } from '../sse/multiplex-protocol.js';
import type { MergedTopicsRule, ResolvedHubOptions } from './options.js';

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

/**
 * Some topics of a server that takes topics as a repeated query parameter (`mergeTopics`):
 * one connection per `url` and credentials mode asks for every subscriber's topics.
 */
export interface MergedTarget {
  kind: 'merged';
  /** Absolute, without the topic parameter and fragment; its other parameters stay and part connections. */
  url: string;
  param: string;
  /** This subscriber's topics, as its URL lists them. */
  topics: string[];
  withCredentials: boolean;
  sameOrigin: boolean;
}

/** What a subscriber asked for, resolved against the hub's configuration. Plain data: it crosses tabs. */
export type StreamTarget = DedupeTarget | MultiplexTarget | MergedTarget;

/**
 * A topic is the caller's URL as a same-origin path and query, because the multiplexer
 * opens it on its own origin. A URL on another origin therefore cannot be multiplexed and
 * is deduplicated instead.
 */
export function resolveTarget(url: URL, withCredentials: boolean, options: ResolvedHubOptions, baseUrl: string | undefined): StreamTarget {
  const pageOrigin = baseUrl === undefined ? undefined : new URL(baseUrl).origin;
  const merged = mergedTarget(url, withCredentials, options, baseUrl);
  if (merged) return { ...merged, sameOrigin: url.origin === pageOrigin };
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

/** The rule whose URL is `url`'s origin and path, when `url` names at least one topic by its parameter. */
function mergedTarget(url: URL, withCredentials: boolean, options: ResolvedHubOptions, baseUrl: string | undefined): Omit<MergedTarget, 'sameOrigin'> | undefined {
  for (const rule of options.mergeTopics) {
    const ruleUrl = parseUrl(rule.url, baseUrl);
    if (ruleUrl?.origin !== url.origin || ruleUrl.pathname !== url.pathname) continue;
    const topics = url.searchParams.getAll(rule.param);
    if (topics.length === 0) continue;
    const base = new URL(url.href);
    base.hash = '';
    base.searchParams.delete(rule.param);
    return { kind: 'merged', url: base.href, param: rule.param, topics, withCredentials };
  }
  return undefined;
}

/** The rule a merged target was resolved by, looked up again where the stream opens (a function does not cross tabs). */
export function mergeRuleOf(target: MergedTarget, options: ResolvedHubOptions, baseUrl: string | undefined): MergedTopicsRule | undefined {
  const url = new URL(target.url);
  return options.mergeTopics.find((rule) => {
    const ruleUrl = parseUrl(rule.url, baseUrl);
    return ruleUrl?.origin === url.origin && ruleUrl.pathname === url.pathname && rule.param === target.param;
  });
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
  if (target.kind === 'merged') return `merged ${credentials} ${target.url} ${target.param} ${JSON.stringify(target.topics)}`;
  return target.kind === 'dedupe'
    ? `dedupe ${credentials} ${target.url}`
    : `multiplex ${credentials} ${target.endpoint} ${target.topic}`;
}

/** Targets with equal keys share one physical connection. */
export function connectionKey(target: StreamTarget): string {
  const credentials = target.withCredentials ? 'include' : 'same-origin';
  if (target.kind === 'merged') return `merged ${credentials} ${target.url} ${target.param}`;
  return target.kind === 'dedupe' ? `dedupe ${credentials} ${target.url}` : `multiplex ${credentials} ${target.endpoint}`;
}
