/**
 * What `isKeptForThePage` (shared-storage.ts) changes for a user, issue 17: `no-eventsource-in-loop`
 * in type-aware mode reports a function of another file called in a loop only when the stream it
 * opens is per call, not when it is kept for the page (held by a local and then stored in a module
 * variable, or stored on `window`). The unit cases are in typed-mutants-storage-shared.test.ts.
 */
import rule from '../../rules/no-eventsource-in-loop.js';
import { ruleTester } from '../rule-tester.js';
import { fixtureProject } from '../rules/typed/fixture-projects.js';

const project = fixtureProject('typed-mutants-storage');

ruleTester.run('no-eventsource-in-loop (type-aware, kept for the page)', rule, {
  valid: [],
  invalid: [
    {
      // Only `openLocal` opens a stream per call. kills shared-storage.ts:104 'use.kind !== 'held'' -> true,
      // :108 the scope loop -> false, :109 -> true, :113 -> false and :115 -> false (the held stream is
      // then reported too), and :75 'isPropertyAccessExpression(target)' -> false (so is `window.feed`'s).
      ...project.typedCase('src/loops.ts'),
      errors: [
        {
          messageId: 'openerCallInLoopAcrossFiles',
          line: 7,
          column: 5,
          data: {
            callee: 'openLocal',
            file: project.display('src/lib/openers.ts'),
            stream: '`EventSource`',
            opening: `${project.display('src/lib/openers.ts')}:18`,
            route: '',
            repetition: 'a `for...of` loop',
          },
        },
      ],
    },
  ],
});
