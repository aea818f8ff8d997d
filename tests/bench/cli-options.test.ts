/**
 * `npm run bench`'s command line: what each word asks for, and the words it refuses. Before
 * it was read by hand, `--help` and a misspelt part both meant "every part", a 38-minute run.
 */
import { describe, expect, it } from 'vitest';
import { BENCH_PARTS, parseBenchArguments } from '../../scripts/bench/cli-options.js';

function parsed(args: string[]): Exclude<ReturnType<typeof parseBenchArguments>, Error> {
  const result = parseBenchArguments(args);
  if (result instanceof Error) throw result;
  return result;
}

function refusal(args: string[]): string {
  const result = parseBenchArguments(args);
  return result instanceof Error ? result.message : 'accepted';
}

describe('parseBenchArguments', () => {
  it('runs every part but fanout when none is named, five runs each', () => {
    const options = parsed([]);
    expect(BENCH_PARTS.filter(options.wanted)).toEqual(BENCH_PARTS.filter((part) => part !== 'fanout'));
    expect(options).toMatchObject({ parts: [], runs: 5, typeAwareRuns: 5, json: false, skipEslint: false, writeDocs: false, updateDocs: false, help: false });
  });

  it('runs only the parts named, fanout included, with the numbers given in either spelling', () => {
    const options = parsed(['hub', 'fanout', '--runs', '3', '--type-aware-runs=15', '--json']);
    expect(BENCH_PARTS.filter(options.wanted)).toEqual(['hub', 'fanout']);
    expect(options).toMatchObject({ parts: ['hub', 'fanout'], runs: 3, typeAwareRuns: 15, json: true });
  });

  it('gives the type-aware part the run count of the others unless told otherwise', () => {
    expect(parsed(['type-aware', '--runs', '7']).typeAwareRuns).toBe(7);
  });

  it('says when help is asked for', () => {
    expect(parsed(['--help']).help).toBe(true);
    expect(parsed(['-h']).help).toBe(true);
  });

  it.each([
    [['--hepl'], "Unknown option '--hepl'"],
    [['hubb'], 'unknown part: hubb'],
    [['lint', 'hubb', 'codemd'], 'unknown parts: hubb, codemd'],
    [['--runs', '0'], '--runs takes a whole number of runs, at least 1, not "0"'],
    [['--runs', '2.5'], '--runs takes a whole number of runs, at least 1, not "2.5"'],
    [['--type-aware-runs', 'many'], '--type-aware-runs takes a whole number of runs, at least 1, not "many"'],
    [['--runs'], "Option '--runs <value>' argument missing"],
    [['--write-docs', 'lint'], '--write-docs measures every part: name no part and do not pass --skip-eslint.'],
    [['--write-docs', '--skip-eslint'], '--write-docs measures every part: name no part and do not pass --skip-eslint.'],
    [['--update-docs'], '--update-docs replaces the entries of the parts named: name at least one part (or use --write-docs for all).'],
    [['--update-docs', '--write-docs', 'hub'], '--write-docs measures every part: name no part and do not pass --skip-eslint.'],
  ])('refuses %j', (args, message) => {
    expect(refusal(args)).toContain(message);
  });
});
