/**
 * Pins which `setInterval` calls `findIntervalReopens` (`src/analysis/reconnect/interval-reopens.ts`)
 * takes for reconnect loops, case by case, so that the mutants StrykerJS left alive there fail
 * a test (issue 17): a callback that re-opens under a condition reading a state name
 * (`readyState`, `CLOSED`, …) of any object, or the very variable or `this` property the stream
 * is stored in; not under a condition about something else, nor one that reads the stream
 * only inside a callback; and no result for an interval without a callback it can resolve or
 * without a re-open.
 *
 * Each result is the line of the `setInterval` call and how many re-opens its callback has.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { findIntervalReopens } from '../../src/analysis/reconnect/interval-reopens.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse } from './probe.js';

function intervalsOf(code: string): { line: number; points: number }[] {
  return analyse(tsParser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    const openers = getStreamOpeners(sourceCode, openings);
    return findIntervalReopens(sourceCode, openings, openers).map((found) => ({
      line: found.call.loc.start.line,
      points: found.points.length,
    }));
  });
}

/** A stream stored in `es` (line 1) and an interval (line 2) that re-opens it when `condition` holds. */
function stored(condition: string): string {
  return `let es = new EventSource('/events');
setInterval(() => {
  if (${condition}) es = new EventSource('/events');
}, 5000);`;
}

describe('conditions that look at the stream state', () => {
  it("takes a state name read from any object, not only the stream's holder", () => {
    // kills interval-reopens.ts:37 the whole condition -> 'false', "'MemberExpression'" -> '""',
    // "staticPropertyName(node) ?? ''" -> "staticPropertyName(node) && ''", 'found = true' -> 'found = false'
    expect(intervalsOf(stored('other.readyState === 2'))).toEqual([{ line: 2, points: 1 }]);
  });

  it('takes the `this` property the stream is stored in', () => {
    // kills interval-reopens.ts:38 "node.type === 'MemberExpression'" -> 'false' and '!==', "'MemberExpression'" -> '""'
    const code = `class Feed {
  start() { setInterval(() => { if (!this.es) this.connect(); }, 1000); }
  connect() { this.es = new EventSource('/events'); }
}`;
    expect(intervalsOf(code)).toEqual([{ line: 2, points: 1 }]);
  });

  it('leaves a re-open under a condition about something else alone', () => {
    // kills interval-reopens.ts:34 'let found = false' -> 'true', :37 the whole condition -> 'true',
    // :40 'path !== null && samePath(path, holder)' -> 'true' and '||', 'path !== null' -> 'true'
    expect(intervalsOf(stored('online'))).toEqual([]);
    expect(intervalsOf(`let paused = false;\n${stored('!paused')}`)).toEqual([]);
  });

  it('does not look into a callback in the condition', () => {
    // kills interval-reopens.ts:36 'found || isFunctionNode(node)' -> 'false' and '&&', 'return false' -> 'return true'
    expect(intervalsOf(stored('check(() => es)'))).toEqual([]);
  });

  it('leaves a re-open of a stream stored nowhere alone when the condition reads a variable', () => {
    // kills interval-reopens.ts:38 "holder && (node.type === 'Identifier' || …)" -> 'true' and
    // "holder || node.type === 'Identifier' || …" (there is no holder to compare with)
    const code = `let connected = false;
setInterval(() => {
  if (!connected) new EventSource('/events');
}, 5000);`;
    expect(intervalsOf(code)).toEqual([]);
  });
});

describe('intervals without a reconnect', () => {
  it('skips an interval without arguments, with a callback from elsewhere, or without a re-open', () => {
    // kills interval-reopens.ts:69 "!argument || argument.type === 'SpreadElement'" -> 'false' and '&&',
    // :71 '!callback' -> 'false', :75 'points.length > 0' -> 'true' and '>='
    expect(intervalsOf("import { tick } from './tick';\nsetInterval();\nsetInterval(tick, 1000);\nsetInterval(() => log(), 1000);")).toEqual(
      [],
    );
  });
});
