/**
 * `accessor` fields (TC39 decorators; TypeScript 4.9+) keep a value like a plain field: `this.es`
 * reads and writes the same slot through the generated getter and setter. A stream or an
 * observable kept in one is followed like one kept in a field (a false negative the reconnect
 * helpers found in issue 17's mutation work). TypeScript's parser only: espree does not take
 * `accessor` yet. The rule-level cases are in tests/rules/no-unbounded-reconnect.test.ts.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { streamHolder } from '../../src/analysis/reconnect/error-handlers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse } from './probe.js';

function holderOf(code: string): { root: string; properties: readonly string[] } | null {
  return analyse(tsParser, code, (sourceCode) => {
    const [opening] = getStreamOpenings(sourceCode);
    if (!opening) throw new Error('no opening');
    const holder = streamHolder(sourceCode, opening);
    if (!holder) return null;
    return { root: 'type' in holder.root ? holder.root.type : holder.root.name, properties: holder.properties as string[] };
  });
}

describe('accessor fields', () => {
  it('takes an instance accessor field as the holder of the stream it is initialised with, not a static one', () => {
    expect(holderOf("class Feed { accessor es = new EventSource('/a'); }")).toEqual({ root: 'ClassBody', properties: ['es'] });
    expect(holderOf("class Feed { accessor #es = new EventSource('/a'); }")).toEqual({ root: 'ClassBody', properties: ['#es'] });
    expect(holderOf("class Feed { static accessor es = new EventSource('/a'); }")).toBeNull();
  });
});
