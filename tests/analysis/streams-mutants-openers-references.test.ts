/**
 * Pins which references to a stream opener `src/analysis/stream-openers.ts` counts as its call
 * sites, so that the mutants StrykerJS left alive in its last run fail a test (issue 17): a
 * method named through `this`, or an object literal's method named through its `const`, is
 * called where the code calls it or hands it on as an argument, not where the code only reads
 * it (to bind it, to test it); an object literal's getter is not a method callers call, nor is a
 * method whose name the code does not write.
 */
import { describe, expect, it } from 'vitest';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

/** The text of every call site of an opener the code holds. */
function callSites(parser: unknown, code: string): string[] {
  return analyse(parser, code, (sourceCode) =>
    getStreamOpeners(sourceCode, getStreamOpenings(sourceCode)).callSites.map((site) => sourceCode.getText(site.node)),
  );
}

describe.each(parsers)('the call sites of an opener (%s)', (_name, parser) => {
  it('counts `this.connect` where it is called or handed on, not where it is only read', () => {
    // kills stream-openers.ts:245 `isPassedAsArgument(node)` -> true: `this.connect` bound, assigned and tested were call sites
    const code = `class Feed {
      constructor() {
        this.connect = this.connect.bind(this);
        if (this.connect) setTimeout(this.connect, 100);
      }
      connect() {
        this.source = new EventSource('/api/feed');
      }
      restart() {
        this.connect();
      }
    }`;
    expect(callSites(parser, code)).toEqual(['this.connect', 'this.connect()']);
  });

  it("counts an object literal's method where it is called or handed on, not where it is only read", () => {
    // kills stream-openers.ts:323 `isPassedAsArgument(occurrence)` -> true: `typeof api.open` was a call site
    const code = `const api = {
      open() {
        return new EventSource('/api/feed');
      },
    };
    export const canOpen = typeof api.open === 'function';
    export function start(ids) {
      ids.forEach(api.open);
      return api.open();
    }`;
    expect(callSites(parser, code)).toEqual(['api.open', 'api.open()']);
  });

  it("does not follow an object literal's method whose name the code does not write", () => {
    // `api[name]()` may call any member; the method's name is known only when the code runs.
    // kills stream-openers.ts:200 `name === null` -> false, and the whole test -> false
    const code = `const api = {
      [pickName()]() {
        return new EventSource('/api/feed');
      },
    };
    export function start(name) {
      return api[name]();
    }`;
    expect(callSites(parser, code)).toEqual([]);
  });

  it("does not take an object literal's getter for a method callers call", () => {
    // Reading `api.feed` runs the getter once: handing the stream it returns to `forEach` opens nothing per item.
    // kills stream-openers.ts:197 `property.kind !== 'init'` -> false
    const code = `const api = {
      get feed() {
        return new EventSource('/api/feed');
      },
    };
    export function start(ids) {
      ids.forEach(api.feed);
    }`;
    expect(callSites(parser, code)).toEqual([]);
  });
});
