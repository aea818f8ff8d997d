/**
 * What `npm run mutation` makes of a Stryker report: the counts per folder, the survivors, which
 * of them an equivalent-mutant entry explains, and the scores on docs/mutation.md.
 */
import { describe, expect, it } from 'vitest';
import { codeDigest, equivalentFor, summariseReport, writeMutationPage } from './summary.js';

const SOURCE = ["let data = '';", "if (cr !== -1 && cr < start) cr = 0;", "data = '';"].join('\n');

type Status = 'Killed' | 'Timeout' | 'Survived' | 'NoCoverage' | 'Ignored' | 'CompileError';

function mutant(status: Status, line: number, column: number, endColumn: number, mutatorName: string, replacement: string) {
  return { status, mutatorName, replacement, location: { start: { line, column }, end: { line, column: endColumn } } };
}

const REPORT = {
  files: {
    '/project/src/a/parser.ts': {
      source: SOURCE,
      mutants: [
        mutant('Killed', 2, 5, 28, 'ConditionalExpression', 'false'),
        mutant('Timeout', 2, 5, 28, 'LogicalOperator', 'cr !== -1 || cr < start'),
        mutant('Survived', 1, 12, 14, 'StringLiteral', '"Stryker was here!"'),
        mutant('Survived', 3, 8, 10, 'StringLiteral', '"Stryker was here!"'),
        mutant('NoCoverage', 2, 18, 28, 'EqualityOperator', 'cr <= start'),
        mutant('Ignored', 1, 1, 4, 'VariableDeclaration', 'const'),
      ],
    },
    '/project/src/b/other.ts': { source: 'x', mutants: [mutant('Killed', 1, 1, 2, 'StringLiteral', '""'), mutant('CompileError', 1, 1, 2, 'StringLiteral', '"a"')] },
  },
};

const SCOPE = { name: 'demo', describe: 'a demonstration', target: 75 };

describe('summariseReport', () => {
  const result = summariseReport(SCOPE, REPORT, '/project', { seconds: 12, incremental: true });

  it('counts each outcome per folder, named from the project root', () => {
    expect(result.folders).toEqual([
      { folder: 'src/a', killed: 1, timeout: 1, survived: 2, noCoverage: 1, ignored: 1, errors: 0 },
      { folder: 'src/b', killed: 1, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 1 },
    ]);
  });

  it('keeps each undetected mutant with the source it replaced and its line', () => {
    expect(result.survivors).toEqual([
      { file: 'src/a/parser.ts', line: 1, column: 12, mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', context: "let data = '';" },
      {
        file: 'src/a/parser.ts',
        line: 2,
        column: 18,
        mutator: 'EqualityOperator',
        original: 'cr < start',
        replacement: 'cr <= start',
        context: 'if (cr !== -1 && cr < start) cr = 0;',
      },
      { file: 'src/a/parser.ts', line: 3, column: 8, mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', context: "data = '';" },
    ]);
  });

  it('matches an equivalent-mutant entry on the replaced source, and on its line where the source is not unique', () => {
    const entry = { file: 'src/a/parser.ts', mutator: 'StringLiteral', original: "''", replacement: '"Stryker was here!"', context: 'let data', why: 'w' };
    const [first, , third] = result.survivors;
    expect(equivalentFor(first!, [entry])).toBe(entry);
    expect(equivalentFor(third!, [entry])).toBeUndefined();
    expect(equivalentFor(first!, [{ ...entry, replacement: '""' }])).toBeUndefined();
    expect(equivalentFor(first!, [{ ...entry, file: 'src/a/other.ts' }])).toBeUndefined();
  });

  it('writes the scores with and without the equivalent mutants, and lists the rest as known gaps', () => {
    const equivalents = [{ file: 'src/a/parser.ts', mutator: 'EqualityOperator', original: 'cr < start', replacement: 'cr <= start', why: 'The same position again.' }];
    const page = writeMutationPage([result], equivalents);
    // src/a: 2 detected of 5 that ran (one static mutant not run); one of the 3 undetected is equivalent, so 2 of 4.
    expect(page).toContain('| demo | `src/a/` | 6 | 1 | 2 | 3 | 40.0% | 50.0% | |');
    // All: 3 detected of 6 that ran (the compile error and the ignored mutant count as mutants, not in the score).
    expect(page).toContain('| **demo** | **all** | **8** | **1** | **3** | **3** | **50.0%** | **60.0%** | 75% (not met) |');
    expect(page).toContain('- `src/a/parser.ts:2` EqualityOperator: `cr < start` → `cr <= start` in `if (cr !== -1 && cr < start) cr = 0;`. The same position again.');
    const gaps = page.slice(page.indexOf('## Known gaps'));
    expect(gaps).toContain("- `src/a/parser.ts:1` StringLiteral: `''` → `\"Stryker was here!\"` in `let data = '';`");
    expect(gaps).toContain("- `src/a/parser.ts:3` StringLiteral");
    expect(gaps).not.toContain('EqualityOperator');
    expect(page).toContain('- `demo`: a demonstration. Last run incremental, 12 s.');
  });

  it('states the tests a scope leaves out, and names the scopes that have not run', () => {
    const scopes = [
      { name: 'demo', describe: 'a demonstration', leftOut: 'The slow tests are left out.' },
      { name: 'later', describe: 'code not measured yet' },
    ];
    const page = writeMutationPage([result], [], scopes);
    expect(page).toContain('- `demo`: a demonstration. Last run incremental, 12 s. The slow tests are left out.');
    expect(page).toContain('- `later`: code not measured yet. **Not run yet: no score.**');
    // A scope with no result has no row in the table: it has no figures to show.
    expect(page).not.toContain('| later |');
  });
});

describe('the code a run measured', () => {
  const files = [
    { file: 'src/a/parser.ts', text: SOURCE },
    { file: 'src/b/other.ts', text: 'x' },
  ];
  const digest = codeDigest(files);

  it('digests the files whatever order they are listed in, and changes with a path, a text or a file more', () => {
    expect(codeDigest([...files].reverse())).toBe(digest);
    expect(codeDigest([files[0]!, { file: 'src/b/renamed.ts', text: 'x' }])).not.toBe(digest);
    expect(codeDigest([files[0]!, { file: 'src/b/other.ts', text: 'y' }])).not.toBe(digest);
    expect(codeDigest([...files, { file: 'src/c/new.ts', text: '' }])).not.toBe(digest);
    // The separator keeps a path and a text from running into each other.
    expect(codeDigest([{ file: 'ab', text: 'c' }])).not.toBe(codeDigest([{ file: 'a', text: 'bc' }]));
  });

  it('keeps the digest the run was given with its result', () => {
    expect(summariseReport(SCOPE, REPORT, '/project', { seconds: 1, incremental: false, code: digest }).code).toBe(digest);
    expect(summariseReport(SCOPE, REPORT, '/project', { seconds: 1, incremental: false })).not.toHaveProperty('code');
  });

  it('marks a scope whose files have changed since its run, and says which ran on the code as it is', () => {
    const result = summariseReport(SCOPE, REPORT, '/project', { seconds: 12, incremental: true, code: digest });
    const current = writeMutationPage([result], [], [], { demo: digest });
    expect(current).toContain('- `demo`: a demonstration. Last run incremental, 12 s, on the code as it is now.');
    expect(current).toContain('| **demo** | **all** |');
    const changed = writeMutationPage([result], [], [], { demo: codeDigest([files[0]!]) });
    expect(changed).toContain('- `demo`: a demonstration. Last run incremental, 12 s, **on code that has changed since: run it again**.');
    expect(changed).toContain('| **demo** † | **all** |');
    const unrecorded = writeMutationPage([{ ...result, code: undefined }], [], [], { demo: digest });
    expect(unrecorded).toContain('- `demo`: a demonstration. Last run incremental, 12 s, on code it did not record.');
    expect(unrecorded).toContain('| **demo** | **all** |');
  });
});
