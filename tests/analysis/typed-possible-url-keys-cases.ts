/**
 * The harness of the `possibleUrlKeys` tests (src/analysis/typed/possible-url-keys.ts): each case
 * is a file of one scratch program, asked for its possible URL keys, and also converted to ESTree
 * and read the way the program index reads it (`streamOpeningsByUrl`). The answer must be the
 * expected one, and the keys found in the converted file must be among it unless it is null: an
 * answer that left a key out would hide a duplicate stream in that file.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { streamOpeningsByUrl } from '../../src/analysis/stream-openings-by-url.js';
import type { StreamWrapper } from '../../src/analysis/stream-sources.js';
import { resolveImportThroughProgram } from '../../src/analysis/typed/imported-values.js';
import { possibleUrlKeys } from '../../src/analysis/typed/possible-url-keys.js';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';
import { typescript } from '../../src/analysis/typed/typescript-module.js';
import { project } from './typed-scratch-project.js';

export interface UrlKeysCase {
  code: string;
  /** What `possibleUrlKeys` answers: the keys, or null (the file must be converted). */
  keys: string[] | null;
  /** The keys the converted file's openings have, the scratch project's folder written `<project>`. */
  found: string[];
  wrappers?: StreamWrapper[];
}

/** One test per case, over one scratch program holding every case and `extraFiles`. */
export function describePossibleUrlKeys(title: string, cases: Record<string, UrlKeysCase>, extraFiles: Record<string, string> = {}): void {
  const files = Object.fromEntries(Object.keys(cases).map((name, index) => [`case-${index}.tsx`, cases[name]!.code]));
  const scratch = project({ ...files, ...extraFiles });
  afterAll(scratch.dispose);

  /** The keys of every opening of the converted file, consumer or not, as the index reads them. */
  function foundKeys(fileName: string, wrappers: StreamWrapper[]): string[] {
    const file = scratch.program.getSourceFile(fileName)!;
    const sourceCode = programSourceCode(scratch.program, file)!;
    return [...streamOpeningsByUrl(sourceCode, { wrappers, fileName, resolveImport: resolveImportThroughProgram }).keys()].sort();
  }

  describe(title, () => {
    for (const [index, [name, { keys, found, wrappers = [] }]] of Object.entries(cases).entries()) {
      it(name, () => {
        const fileName = scratch.file(`case-${index}.tsx`);
        const answer = possibleUrlKeys(typescript(), scratch.program.getTypeChecker(), scratch.program.getSourceFile(fileName)!, wrappers);
        expect(answer && [...answer].sort()).toEqual(keys && [...keys].sort());
        const actual = foundKeys(fileName, wrappers);
        expect(actual.map((key) => key.replaceAll(path.dirname(fileName), '<project>'))).toEqual([...found].sort());
        if (answer) expect(actual.filter((key) => !answer.has(key))).toEqual([]);
      });
    }
  });
}
