/**
 * Answers computed once per file (or per TypeScript program) and per `wrappers` option: every
 * rule of a lint run that is configured alike asks the same question of the same file, and
 * rules configured with other wrappers get answers of their own.
 */
import type { StreamWrapper } from './stream-sources.js';

/** Equal for equal wrapper lists; '' for none, the usual case. */
export function wrappersKey(wrappers: readonly StreamWrapper[]): string {
  return wrappers.length === 0 ? '' : JSON.stringify(wrappers);
}

/** One value per owner and wrapper list; the owner (a SourceCode, a Program) keeps its values alive. */
export class PerWrappersCache<Owner extends object, Value> {
  readonly #byOwner = new WeakMap<Owner, Map<string, Value>>();

  /** The value for `owner` and `wrappers`, computed on first use. */
  get(owner: Owner, wrappers: readonly StreamWrapper[], compute: () => Value): Value {
    const key = wrappersKey(wrappers);
    let byWrappers = this.#byOwner.get(owner);
    if (!byWrappers) {
      byWrappers = new Map();
      this.#byOwner.set(owner, byWrappers);
    }
    let value = byWrappers.get(key);
    if (value === undefined) {
      value = compute();
      byWrappers.set(key, value);
    }
    return value;
  }

  /** The value if it was computed already. */
  peek(owner: Owner, wrappers: readonly StreamWrapper[]): Value | undefined {
    return this.#byOwner.get(owner)?.get(wrappersKey(wrappers));
  }
}
