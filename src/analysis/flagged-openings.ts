/**
 * Which stream openings each report of the repeated-stream rules is about.
 *
 * A report often sits where the repetition is (the call in the loop, the element rendered per
 * item) while the stream is opened elsewhere in the file. `sse-codemod` rewrites the opening,
 * and it must rewrite exactly what the rules flag (one detector, not two), so each rule notes
 * beside every report the openings it is about. The note costs one map entry per report and
 * nothing on files without findings; it lives as long as the file's `SourceCode`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { StreamOpening } from './stream-sources.js';

/** Where a report starts, as ESLint's lint messages give it: 1-based line and column. */
export interface ReportPosition {
  ruleId: string | null;
  messageId?: string;
  line: number;
  column: number;
}

const notesByFile = new WeakMap<object, Map<string, StreamOpening[]>>();

function key(ruleId: string | null, messageId: string | undefined, line: number, column: number): string {
  return `${ruleId ?? ''}\u0000${messageId ?? ''}\u0000${line}:${column}`;
}

/** Records that the report `messageId` of this rule at `node` is about `openings`. */
export function noteFlaggedOpenings(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  node: TSESTree.Node,
  messageId: string,
  openings: Iterable<StreamOpening>,
): void {
  let notes = notesByFile.get(context.sourceCode);
  if (!notes) {
    notes = new Map();
    notesByFile.set(context.sourceCode, notes);
  }
  const entry = key(context.id, messageId, node.loc.start.line, node.loc.start.column + 1);
  const known = notes.get(entry) ?? [];
  for (const opening of openings) if (!known.includes(opening)) known.push(opening);
  notes.set(entry, known);
}

/** The openings a lint message of `sourceCode` is about; empty for a message no rule noted. */
export function flaggedOpenings(sourceCode: object, message: ReportPosition): readonly StreamOpening[] {
  return notesByFile.get(sourceCode)?.get(key(message.ruleId, message.messageId, message.line, message.column)) ?? [];
}
