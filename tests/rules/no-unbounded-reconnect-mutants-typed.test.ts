/**
 * Mutation tests of `no-unbounded-reconnect` (issue 17) in type-aware mode: which calls of an
 * error handler are followed into the function they call (typed-mutants-reconnect fixture).
 */
import rule from '../../rules/no-unbounded-reconnect.js';
import { ruleTester } from '../rule-tester.js';
import { fixtureProject } from './typed/fixture-projects.js';

const project = fixtureProject('typed-mutants-reconnect');
const LIVE = project.display('src/lib/live.ts');
const ALL_MISSING = 'no attempt limit, no growing delay, no jitter';
const across = (line: number, column: number, callee: string) => ({
  messageId: 'unboundedErrorReconnectAcrossFiles' as const,
  line,
  column,
  data: { callee, file: LIVE, stream: '`EventSource`', opening: `${LIVE}:3`, missing: ALL_MISSING },
});

ruleTester.run('no-unbounded-reconnect (mutants: type-aware)', rule, {
  valid: [project.typedCase('src/on-button.ts')],
  invalid: [
    { ...project.typedCase('src/namespace.ts'), errors: [across(6, 3, 'live.reopen')] },
    { ...project.typedCase('src/twice.ts'), errors: [across(6, 3, 'reopen')] },
    { ...project.typedCase('src/argument.ts'), errors: [across(7, 16, 'reopen')] },
    {
      ...project.typedCase('src/local.ts'),
      errors: [{ messageId: 'unboundedErrorReconnect', line: 9, column: 5, data: { stream: '`EventSource`', missing: ALL_MISSING } }],
    },
  ],
});
