/**
 * The shapes `sse-codemod` passes between its stages and prints with `--json`. Kept in one
 * module so that the planner, the runner, the worker pool and the report agree on them.
 */

/** What happened at one stream opening that a rule flagged. */
import type { MergeTopicsSetup } from './merge-topics-setup.js';

export interface SiteResult {
  /** 1-based line of the opening in the file as it was read. */
  line: number;
  /** 1-based column of the opening in the file as it was read. */
  column: number;
  /** The rule that flagged it, e.g. `sse/no-eventsource-in-loop`. */
  rule: string;
  action: 'rewritten' | 'skipped';
  /** Why the site was skipped (also written into the file as a `TODO(sse-codemod)` comment, unless the user opted out). */
  reason?: string;
  /** A stream per item rewritten because the app's `configureHub({ mergeTopics })` carries its server's topics on one connection. */
  via?: 'mergeTopics';
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

/** One file of the `--json` report. */
export interface FileResult {
  /** Path relative to the current directory, with `/` separators. */
  path: string;
  status: FileStatus;
  sites: SiteResult[];
  /** For `skipped` and `failed`: why, in one line. */
  reason?: string;
}

/** What the planner needs to plan one file. */
export interface PlanRequest {
  /** The file's path; its extension picks the parser (`.ts`, `.tsx`, `.js`, `.jsx`, `.mjs`, `.cjs`, `.mts`, `.cts`). */
  path: string;
  /** The file's text, without a byte-order mark. */
  text: string;
  /** The specifier this file imports `sharedEventSource` from: `./sse-hub.js`, `../lib/sse-hub.js`, `sse-hub`… */
  helperSpecifier: string;
  /**
   * Whether the app will run the hub in multiplex mode (`--endpoint`, or a `configureHub({
   * endpoint })` in the project). Without it, a stream opened per item with a URL of its own is
   * left alone: the dedupe mode would rewrite it without saving a connection.
   */
  multiplex: boolean;
  /**
   * The origin the multiplexer serves, as the report names origins (`(same origin)` for a
   * relative endpoint, the default). A stream per item on another origin cannot ride it.
   */
  multiplexOrigin?: string;
  /**
   * The app's `configureHub({ mergeTopics })` rules with literal `url` and `param`: a stream
   * per item on such a URL, with its topic in `param`, is rewritten, since the hub merges them.
   */
  mergeTopics?: readonly MergeTopicsSetup[];
  /**
   * Openings (1-based line and column of the `new` or the call, in `text`) of a URL that other
   * files of the package open too: the report's merge candidates across files, which no rule sees
   * one file at a time. Converted as `sse/no-duplicate-stream` converts two in one file.
   */
  sharedUrlOpenings?: readonly SourcePosition[];
}

export interface SourcePosition {
  line: number;
  column: number;
}

/** The planner's answer for one file; it never throws. */
export interface FilePlan {
  status: 'changed' | 'unchanged' | 'failed';
  /** The new text (without a byte-order mark) when `status` is `changed`, else null. */
  output: string | null;
  sites: SiteResult[];
  /** For `failed`: a syntax error with its line and column, or what went wrong. */
  error?: string;
}
