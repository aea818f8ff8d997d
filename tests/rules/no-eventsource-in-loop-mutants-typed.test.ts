/**
 * Pins two choices of `no-eventsource-in-loop`'s type-aware mode (issue 17): a function of
 * another file handed to an iteration by a local alias is named by that alias, and one handed
 * to a call that is not an iteration is not reported.
 */
import rule from '../../rules/no-eventsource-in-loop.js';
import { ruleTester } from '../rule-tester.js';
import { fixtureProject } from './typed/fixture-projects.js';

const loops = fixtureProject('loopdup-loops');

ruleTester.run('no-eventsource-in-loop (type-aware, functions handed on by name)', rule, {
  valid: [
    // kills no-eventsource-in-loop.ts:173 repetition && isResolvableCallee(sourceCode, argument) -> true,
    // -> repetition || isResolvableCallee(sourceCode, argument)
    // `register(openFeed)` hands the opener to something that is not an iteration.
    loops.typedCase('src/loops/handed.ts'),
  ],
  invalid: [
    {
      // kills no-eventsource-in-loop.ts:188 node.type === 'Identifier' -> false, 'Identifier' -> ""
      // `openFeed` imported as `join` and handed to `forEach()`: the message says `join()`.
      ...loops.typedCase('src/loops/alias.ts'),
      errors: [
        {
          messageId: 'openerCallInLoopAcrossFiles',
          line: 4,
          column: 15,
          data: {
            callee: 'join',
            file: loops.display('src/lib/open.ts'),
            stream: '`EventSource`',
            opening: `${loops.display('src/lib/open.ts')}:2`,
            route: '',
            repetition: 'a `forEach()` callback',
          },
        },
      ],
    },
  ],
});
