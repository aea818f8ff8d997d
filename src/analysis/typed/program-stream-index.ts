/**
 * The stream openings of a whole typed program by URL: what `streamOpeningsByUrl` finds in each
 * file, for every file of the project's own source that may open a stream (the text test of
 * `stream-mentions.ts` first; tests, stories and mocks left out). Built once per `ts.Program`
 * (and `wrappers` list), which typescript-eslint keeps for a whole lint run: the first file
 * that asks pays for the program, every later file reads the index.
 *
 * Entries are plain data (file, line, URL, consumer), not syntax nodes: a report in another file
 * only names them.
 */
import type * as ts from 'typescript';
import { mentionsStream } from '../stream-mentions.js';
import { streamOpeningsByUrl } from '../stream-openings-by-url.js';
import type { StreamWrapper } from '../stream-sources.js';
import type { StreamUrl } from '../stream-urls.js';
import { isTestFile } from '../test-files.js';
import { PerWrappersCache } from '../wrappers-cache.js';
import { isProjectSourceFile } from './declarations.js';
import { resolveImportThroughProgram } from './imported-values.js';
import { programSourceCode } from './program-source-code.js';

export interface ProgramOpening {
  /** The file, as the program names it (absolute). */
  fileName: string;
  /** Where the stream opens, 1-based. */
  line: number;
  column: number;
  url: StreamUrl;
  /** How messages name the stream (Markdown): "`EventSource`". */
  stream: string;
  /** How messages name what keeps it open (Markdown): "hook `useEvents`". */
  consumer: string;
}

interface ProgramIndex {
  byUrl: ReadonlyMap<string, readonly ProgramOpening[]>;
  /** The files that were read, in the program's order. */
  files: readonly string[];
}

const indexes = new PerWrappersCache<ts.Program, ProgramIndex>();
const builds = new WeakMap<ts.Program, number>();

function buildIndex(program: ts.Program, wrappers: readonly StreamWrapper[]): ProgramIndex {
  builds.set(program, (builds.get(program) ?? 0) + 1);
  const byUrl = new Map<string, ProgramOpening[]>();
  const files: string[] = [];
  for (const file of program.getSourceFiles()) {
    if (!isProjectSourceFile(program, file) || isTestFile(file.fileName) || !mentionsStream(file.text, wrappers)) continue;
    const sourceCode = programSourceCode(program, file, { keep: false });
    if (!sourceCode) continue;
    files.push(file.fileName);
    const openings = streamOpeningsByUrl(sourceCode, { wrappers, fileName: file.fileName, resolveImport: resolveImportThroughProgram });
    for (const [key, found] of openings) {
      for (const { opening, url, consumer } of found) {
        if (!consumer) continue;
        const entries = byUrl.get(key) ?? [];
        const start = opening.node.loc.start;
        entries.push({
          fileName: file.fileName,
          line: start.line,
          column: start.column + 1,
          url,
          stream: opening.source.label,
          consumer: consumer.label,
        });
        byUrl.set(key, entries);
      }
    }
  }
  return { byUrl, files };
}

/** Every opening of the program that a consumer keeps open, by URL key. */
export function programStreamOpeningsByUrl(
  program: ts.Program,
  wrappers: readonly StreamWrapper[],
): ReadonlyMap<string, readonly ProgramOpening[]> {
  return indexes.get(program, wrappers, () => buildIndex(program, wrappers)).byUrl;
}

export interface ProgramIndexStatistics {
  /** How many times the program's index was built (once, however many files were linted). */
  builds: number;
  /** The files it read. */
  files: readonly string[];
}

/** What the index of one program cost: for tests and the benchmark. */
export function programIndexStatistics(program: ts.Program, wrappers: readonly StreamWrapper[] = []): ProgramIndexStatistics {
  return { builds: builds.get(program) ?? 0, files: indexes.peek(program, wrappers)?.files ?? [] };
}
