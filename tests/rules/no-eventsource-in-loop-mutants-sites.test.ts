/**
 * Pins what `no-eventsource-in-loop` says at the calls and `new` that run an opener in a loop
 * (issue 17): how a `new` names its class when the code names it otherwise than the class
 * (a renamed class expression, an anonymous one, a callee behind `as`), how a call names a
 * function that has no name of its own, which constructions are left alone (a lazy singleton,
 * one `new` outside any loop), and which openings each report is noted with for `sse-codemod`.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-eventsource-in-loop.js';
import { lintWithRule, reportsWithOpenings, ruleTester } from '../rule-tester.js';
import { ES } from '../support/rule-messages.js';

/** The report at a `new` of `className` in a `for...of` loop, for the opening at `line`. */
function construction(line: number, column: number, className: string, openingLine: number) {
  return {
    messageId: 'constructionInLoop' as const,
    line,
    column,
    data: { className, stream: ES, line: openingLine, repetition: 'a `for...of` loop' },
  };
}

ruleTester.run('no-eventsource-in-loop (construction and call sites)', rule, {
  valid: [
    // kills no-eventsource-in-loop.ts:148 isSingleton(site.target.opening) -> false
    // A class whose constructor fills one shared stream once (`??=`): one stream however many instances.
    `let shared: EventSource | undefined;
class Feed {
  constructor() {
    shared ??= new EventSource('/feed');
  }
}
for (const id of ids) new Feed();`,
    // kills no-eventsource-in-loop.ts:150 repetition -> true
    // A class that opens a stream, constructed once outside any loop.
    `class Feed {
  source = new EventSource('/feed');
}
export const feed = new Feed();`,
  ],
  invalid: [
    {
      // kills no-eventsource-in-loop.ts:37 site.node.callee.type === 'Identifier' -> false,
      // -> site.node.callee.type !== 'Identifier', 'Identifier' -> ""
      // A class expression named `Feed` held by `Row`: the code says `new Row()`.
      code: `const Row = class Feed {
  source = new EventSource('/rows');
};
for (const id of ids) new Row();`,
      errors: [construction(4, 23, 'Row', 2)],
    },
    {
      // kills no-eventsource-in-loop.ts:37 site.node.callee.type === 'Identifier' -> true,
      // no-eventsource-in-loop.ts:38 site.target.classNode.id?.name ?? 'this class' -> site.target.classNode.id?.name && 'this class'
      // The callee is `Feed as typeof Feed`, not a name: the message names the class.
      code: `class Feed {
  source = new EventSource('/rows');
}
for (const id of ids) new (Feed as typeof Feed)();`,
      errors: [construction(4, 23, 'Feed', 2)],
    },
    {
      // kills no-eventsource-in-loop.ts:38 site.target.classNode.id?.name -> site.target.classNode.id.name,
      // 'this class' -> ""
      // An anonymous class behind a callee that is not a name: "this class".
      code: `const Row = class {
  source = new EventSource('/rows');
};
for (const id of ids) new (Row as typeof Row)();`,
      errors: [construction(4, 23, 'this class', 2)],
    },
    {
      // kills no-eventsource-in-loop.ts:144 'this function' -> ""
      // A method whose key is a string literal has no name `functionName` reads: "this function".
      code: `const api = {
  'open'(id: string) {
    return new EventSource('/rows/' + id);
  },
};
for (const id of ids) api.open(id);`,
      errors: [
        {
          messageId: 'openerCallInLoop',
          line: 6,
          column: 23,
          data: { callee: 'this function', stream: ES, line: 3, repetition: 'a `for...of` loop' },
        },
      ],
    },
  ],
});

describe('the openings each report of no-eventsource-in-loop is noted with', () => {
  it('notes a stream opened in the loop, a call of an opener and a construction with their openings', () => {
    const code = `for (const id of ids) new EventSource('/a/' + id);
function open(id) { return new EventSource('/b/' + id); }
for (const id of ids) open(id);
class Feed { constructor() { this.source = new EventSource('/c'); } }
for (const id of ids) new Feed();`;
    // kills no-eventsource-in-loop.ts:89 'streamInLoop' -> "", [opening] -> []
    // kills no-eventsource-in-loop.ts:129 [opening] -> []
    expect(reportsWithOpenings(lintWithRule('no-eventsource-in-loop', rule, code, { filename: 'file.js' }))).toEqual([
      ['streamInLoop', 1, 23, [1]],
      ['openerCallInLoop', 3, 23, [2]],
      ['constructionInLoop', 5, 23, [4]],
    ]);
  });
});
