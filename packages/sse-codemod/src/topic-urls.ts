/**
 * Per-topic URLs: streams opened per item on one URL whose only varying part is a query
 * parameter's value (`/.well-known/mercure?topic=${topic}`), the shape of a Mercure hub. Such a
 * server takes several topics on one connection (`?topic=a&topic=b`), which the shared hub's
 * dedupe mode does not do; what the server needs is said apart from the multiplexer's advice,
 * which a non-Node server (the PHP app of issue 13's trial) cannot follow.
 */
import type { MergeTopicsSetup } from './merge-topics-setup.js';
import { SAME_ORIGIN } from './report/types.js';

/**
 * The query parameters whose values are the only part of a URL key (`describeUrl`'s text, every
 * value known at run time as `{}`) that varies: `['topic']` for `/hub?topic={}`, null when the
 * path, a parameter's name, or nothing varies.
 */
export function varyingQueryParameters(key: string | null): string[] | null {
  if (key === null) return null;
  const query = key.indexOf('?');
  if (query === -1 || key.slice(0, query).includes('{}')) return null;
  const names: string[] = [];
  for (const pair of key.slice(query + 1).split('&')) {
    const equals = pair.indexOf('=');
    const name = equals === -1 ? pair : pair.slice(0, equals);
    if (name.includes('{}')) return null;
    if (equals !== -1 && pair.slice(equals + 1).includes('{}') && !names.includes(name)) names.push(name);
  }
  return names.length > 0 ? names : null;
}

/** A base that only stands for "the page's origin" while paths are compared. */
const PAGE = 'https://page.invalid';

/** A URL's origin (as the report names origins) and path, or null when it does not parse. */
function originAndPath(url: string): { origin: string; path: string } | null {
  try {
    const absolute = /^[a-z][a-z\d+.-]*:/i.test(url);
    const parsed = new URL(url, PAGE);
    return { origin: absolute ? parsed.origin : SAME_ORIGIN, path: parsed.pathname };
  } catch {
    return null;
  }
}

/**
 * The app's merge rule (`configureHub({ mergeTopics })`) that a URL key opened per item falls
 * under: the rule's path and origin (both relative, so on the page's origin, or both absolute on
 * the same one) and a query whose only varying parameter is the rule's. Undefined otherwise: a
 * URL only known at run time may be another server's, so it is never taken for the rule's.
 */
export function mergeRuleFor(rules: readonly MergeTopicsSetup[], key: string | null): MergeTopicsSetup | undefined {
  const parameters = varyingQueryParameters(key);
  if (key === null || parameters?.length !== 1) return undefined;
  const site = originAndPath(key.slice(0, key.indexOf('?')));
  if (site === null) return undefined;
  return rules.find((rule) => {
    const target = originAndPath(rule.url);
    return target !== null && rule.param === parameters[0] && target.origin === site.origin && target.path === site.path;
  });
}
