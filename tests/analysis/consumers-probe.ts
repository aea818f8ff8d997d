/**
 * Shared by the tests of `standingConsumerOf` (src/analysis/stream-consumers.ts): who keeps the
 * streams of a piece of code open, as the tests compare it.
 */
import { standingConsumerOf } from '../../src/analysis/stream-consumers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { type ProbeFile, analyse } from './probe.js';

/** The consumer of each opening of `code`, in source order, as `<kind>: <label>`, or `none`. */
export function consumersOf(parser: unknown, code: string, file?: ProbeFile): string[] {
  return analyse(
    parser,
    code,
    (sourceCode) =>
      getStreamOpenings(sourceCode).map((opening) => {
        const consumer = standingConsumerOf(sourceCode, opening);
        return consumer ? `${consumer.kind}: ${consumer.label}` : 'none';
      }),
    file,
  );
}

/** The consumer of the only opening of `code`, as `<kind> | <label> | <node type>`, or `none`. */
export function onlyConsumerOf(parser: unknown, code: string, file: ProbeFile = {}): string {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const [opening, ...others] = getStreamOpenings(sourceCode);
      if (!opening || others.length > 0) throw new Error('the code must open exactly one stream');
      const found = standingConsumerOf(sourceCode, opening);
      return found ? `${found.kind} | ${found.label} | ${found.node.type}` : 'none';
    },
    file,
  );
}
