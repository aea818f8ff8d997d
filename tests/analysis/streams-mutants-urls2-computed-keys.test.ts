/**
 * Pins which computed keys of an object literal `src/analysis/stream-urls.ts` takes as naming a
 * key the code can read, so that the mutants StrykerJS left alive in its last run fail a test
 * (issue 17): a key whose value is an object or a function is left unnamed, so that it may hide
 * the member a URL reads, as a symbol does.
 *
 * Each case shows the URL of the first `new EventSource(…)` of the code (null when it may differ
 * between runs). The property values hold `BASE`, a module-level value of unknown content.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type StreamUrl, streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, parsers } from './probe.js';

const isNewEventSource = (node: TSESTree.Node): node is TSESTree.NewExpression =>
  node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'EventSource';

const BASE = 'const BASE = getBase();';

describe.each(parsers)('computed keys in a stream URL (%s)', (_name, parser) => {
  function url(code: string): StreamUrl | null {
    return analyse(parser, code, (sourceCode) =>
      streamUrlOf({ sourceCode, fileName: '/app/src/feed.js' }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    );
  }

  it('leaves a key whose value is an object unnamed, so that it may be the member read', () => {
    // kills stream-urls.ts:241 "typeof known === 'object' && known !== null" -> false, and "'object'" -> ""
    expect(url(`${BASE} const config = { url: BASE + '/e', [{}]: '/other' }; new EventSource(config.url);`)).toBeNull();
    expect(url(`${BASE} const config = { url: BASE + '/e', [[]]: '/other' }; new EventSource(config.url);`)).toBeNull();
  });

  it('leaves a key whose value is a function unnamed (a global the parser declares, such as `String`)', () => {
    // Under espree `String` is not declared and has no static value at all; the answer is the same.
    // kills stream-urls.ts:241 "typeof known === 'function'" -> false, and "'function'" -> ""
    expect(url(`${BASE} const config = { url: BASE + '/e', [String]: '/other' }; new EventSource(config.url);`)).toBeNull();
  });

  it('still reads the member when every computed key is named', () => {
    expect(url(`${BASE} const config = { url: BASE + '/e', [1]: '/other' }; new EventSource(config.url);`)).toEqual({
      text: '{BASE}/e',
      key: '{const /app/src/feed.js BASE}/e',
    });
  });
});
