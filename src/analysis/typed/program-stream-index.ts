/**
 * The stream openings of a whole typed program that a consumer keeps open, by URL: what
 * `streamOpeningsByUrl` finds in each file of the project's own source that may open a stream
 * (the text test of `stream-mentions.ts` first; tests, stories and mocks left out). Kept per
 * `ts.Program` (and `wrappers` list), which typescript-eslint keeps for a whole lint run.
 *
 * A linted file asks about the URLs its own consumers open, one key at a time, and a file is
 * converted to ESTree only when the key asked about may be among its own (`possible-url-keys.ts`
 * reads that from TypeScript's tree): most files open URLs that no other file opens, and
 * converting them all was most of what the index cost (issue 16). A file is converted at most
 * once; what it holds is kept as plain data for the next key.
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
import { possibleUrlKeys } from './possible-url-keys.js';
import { programSourceCode } from './program-source-code.js';
import { typescript } from './typescript-module.js';

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

interface Candidate {
  file: ts.SourceFile;
  /** The keys its openings may have (a superset); null when only converting the file tells. */
  keys: ReadonlySet<string> | null;
}

interface ProgramIndex {
  /** The files that may open a stream, in the program's order. */
  candidates: readonly Candidate[];
  /** The openings of each file read so far, by URL key. */
  read: Map<ts.SourceFile, ReadonlyMap<string, readonly ProgramOpening[]>>;
  /** The files converted, in the order they were read. */
  files: string[];
}

const NONE: ReadonlyMap<string, readonly ProgramOpening[]> = new Map();

const indexes = new PerWrappersCache<ts.Program, ProgramIndex>();
const builds = new WeakMap<ts.Program, number>();

function startIndex(program: ts.Program, wrappers: readonly StreamWrapper[]): ProgramIndex {
  builds.set(program, (builds.get(program) ?? 0) + 1);
  const candidates: Candidate[] = [];
  for (const file of program.getSourceFiles()) {
    if (!isProjectSourceFile(program, file) || isTestFile(file.fileName) || !mentionsStream(file.text, wrappers)) continue;
    candidates.push({ file, keys: possibleUrlKeys(typescript(), program.getTypeChecker(), file, wrappers) });
  }
  return { candidates, read: new Map(), files: [] };
}

/** Converts the file and records its openings that a consumer keeps open, by URL key; null for a file the converter refuses. */
function readFile(program: ts.Program, wrappers: readonly StreamWrapper[], file: ts.SourceFile): ReadonlyMap<string, readonly ProgramOpening[]> | null {
  const sourceCode = programSourceCode(program, file, { keep: false });
  if (!sourceCode) return null;
  const byUrl = new Map<string, ProgramOpening[]>();
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
  return byUrl;
}

/**
 * Every opening of the URL `key` that a consumer keeps open in the files of the program other
 * than `linted` (the file asking, which knows its own), in the program's order of files.
 */
export function programStreamOpenings(
  program: ts.Program,
  wrappers: readonly StreamWrapper[],
  key: string,
  linted: string,
): readonly ProgramOpening[] {
  const index = indexes.get(program, wrappers, () => startIndex(program, wrappers));
  const found: ProgramOpening[] = [];
  for (const { file, keys } of index.candidates) {
    if (file.fileName === linted || (keys && !keys.has(key))) continue;
    let byUrl = index.read.get(file);
    if (!byUrl) {
      const read = readFile(program, wrappers, file);
      if (read) index.files.push(file.fileName);
      byUrl = read ?? NONE;
      index.read.set(file, byUrl);
    }
    found.push(...(byUrl.get(key) ?? []));
  }
  return found;
}

export interface ProgramIndexStatistics {
  /** How many times the program's index was started (once, however many files were linted). */
  builds: number;
  /** The files it converted, in the order it read them. */
  files: readonly string[];
}

/** What the index of one program cost: for tests and the benchmark. */
export function programIndexStatistics(program: ts.Program, wrappers: readonly StreamWrapper[] = []): ProgramIndexStatistics {
  return { builds: builds.get(program) ?? 0, files: indexes.peek(program, wrappers)?.files ?? [] };
}
