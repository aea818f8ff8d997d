/**
 * Per-topic URLs: streams opened per item on one URL whose only varying part is a query
 * parameter's value (`/.well-known/mercure?topic=${topic}`), the shape of a Mercure hub. Such a
 * server takes several topics on one connection (`?topic=a&topic=b`), which the shared hub's
 * dedupe mode does not do; what the server needs is said apart from the multiplexer's advice,
 * which a non-Node server (the PHP app of issue 13's trial) cannot follow.
 */

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
