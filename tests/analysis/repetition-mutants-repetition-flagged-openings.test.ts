/**
 * Pins how `src/analysis/flagged-openings.ts` files the openings each report is about (issue 17),
 * so that the mutants StrykerJS left alive there fail a test: a note is found only under its own
 * rule, message and position; a message without a rule id or message id matches a note made with
 * empty ones; an opening noted twice for one report is listed once; and a file without notes
 * gives an empty list.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-eventsource-in-loop.js';
import { flaggedOpenings, noteFlaggedOpenings } from '../../src/analysis/flagged-openings.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { lintWithRule } from '../rule-tester.js';
import { analyse, parsers } from './probe.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

describe('flaggedOpenings', () => {
  /** Lints `code` with `no-eventsource-in-loop`; its messages and the file's SourceCode. */
  function lint(code: string) {
    return lintWithRule('no-eventsource-in-loop', rule, code, { filename: 'file.js' });
  }

  it('finds the openings of a report only under its own rule and message', () => {
    const { messages, sourceCode } = lint("const ids = [1, 2];\nfor (const id of ids) {\n  new EventSource('/feed/' + id);\n}");
    expect(messages.map((message) => `${message.ruleId} ${message.messageId} ${message.line}:${message.column}`)).toEqual([
      'sse/no-eventsource-in-loop streamInLoop 3:3',
    ]);
    const message = messages[0]!;
    const lines = (found: ReturnType<typeof flaggedOpenings>) => found.map((opening) => opening.node.loc.start.line);
    expect(lines(flaggedOpenings(sourceCode, message))).toEqual([3]);
    // kills flagged-openings.ts:24 "ruleId ?? ''" -> "ruleId && ''"
    expect(lines(flaggedOpenings(sourceCode, { ...message, ruleId: 'sse/no-duplicate-stream' }))).toEqual([]);
    // kills flagged-openings.ts:24 "messageId ?? ''" -> "messageId && ''"
    expect(lines(flaggedOpenings(sourceCode, { ...message, messageId: 'storedPerKey' }))).toEqual([]);
    expect(lines(flaggedOpenings(sourceCode, { ...message, column: 4 }))).toEqual([]);
  });

  it('gives an empty list for a file without notes', () => {
    // kills flagged-openings.ts:47 "notesByFile.get(sourceCode)?.get" -> "notesByFile.get(sourceCode).get",
    // the fallback "[]" -> '["Stryker was here"]'
    expect(flaggedOpenings({}, { ruleId: 'sse/no-eventsource-in-loop', messageId: 'streamInLoop', line: 1, column: 1 })).toEqual([]);
    const { sourceCode } = lint('new EventSource("/once");');
    expect(flaggedOpenings(sourceCode, { ruleId: 'sse/no-eventsource-in-loop', messageId: 'streamInLoop', line: 1, column: 1 })).toEqual([]);
  });
});

describe.each(parsers)('noteFlaggedOpenings (%s)', (_name, parser) => {
  /**
   * Notes the openings of `code` with `notes` (each a context id, message id and the indexes of
   * the openings, all at the first opening), then reads them back for `query`: the openings'
   * start columns.
   */
  function noteAndRead(
    code: string,
    notes: readonly [id: string, messageId: string, openings: readonly number[]][],
    query: { ruleId: string | null; messageId?: string },
  ): number[] {
    return analyse(parser, code, (sourceCode) => {
      const openings = getStreamOpenings(sourceCode);
      const at = openings[0]!.node;
      for (const [id, messageId, indexes] of notes) {
        const context = { id, sourceCode } as unknown as Context;
        noteFlaggedOpenings(
          context,
          at,
          messageId,
          indexes.map((index) => openings[index]!),
        );
      }
      const found = flaggedOpenings(sourceCode, { ...query, line: at.loc.start.line, column: at.loc.start.column + 1 });
      return found.map((opening) => opening.node.loc.start.column);
    });
  }

  const code = 'const a = new EventSource("/a"); const b = new EventSource("/b");';

  it('lists an opening noted twice for one report once, in the order first noted', () => {
    // kills flagged-openings.ts:41 "!known.includes(opening)" -> true
    expect(
      noteAndRead(
        code,
        [
          ['sse/r', 'm', [1, 0, 1]],
          ['sse/r', 'm', [0]],
        ],
        { ruleId: 'sse/r', messageId: 'm' },
      ),
    ).toEqual([43, 10]);
  });

  it('reads a message without a rule id or message id as one with empty ids', () => {
    // kills flagged-openings.ts:24 the rule id fallback "''" -> '"Stryker was here!"'
    expect(noteAndRead(code, [['', 'm', [0]]], { ruleId: null, messageId: 'm' })).toEqual([10]);
    // kills flagged-openings.ts:24 the message id fallback "''" -> '"Stryker was here!"'
    expect(noteAndRead(code, [['sse/r', '', [1]]], { ruleId: 'sse/r' })).toEqual([43]);
    expect(noteAndRead(code, [['sse/r', 'm', [1]]], { ruleId: 'sse/r' })).toEqual([]);
  });
});
