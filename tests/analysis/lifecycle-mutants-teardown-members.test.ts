/**
 * A teardown member that is not a function (`lifecycle-hooks.ts`'s `boundFunction`): only
 * `ngOnDestroy = this.teardown.bind(this)` runs a method of the class at teardown. A member
 * set to the result of calling the method (`.call(this)` runs it at construction and stores
 * `undefined`), to a function the file does not define, or to a plain value closes nothing
 * (issue 17: the mutants of the code that 4920c61 added).
 */
import rule from '../../rules/require-eventsource-close.js';
import { ruleTester } from '../rule-tester.js';

/** An Angular component whose `ngOnDestroy` member is `teardown` (line 10); `this.es` opens on line 4. */
function component(teardown: string): string {
  return `export class FeedComponent implements OnInit, OnDestroy {
  private es?: EventSource;
  ngOnInit(): void {
    this.es = new EventSource('/events');
  }
  private close(): void {
    this.es?.close();
  }
  // teardown member:
  ngOnDestroy = ${teardown};
}`;
}

const NOT_CLOSED = {
  messageId: 'notClosedOnUnmount',
  line: 4,
  column: 15,
  data: { stream: '`EventSource`', lifecycle: '`ngOnInit`', where: 'in `ngOnDestroy`', example: '' },
} as const;

ruleTester.run('require-eventsource-close (teardown members that are not functions)', rule, {
  valid: [
    // The bound method closes the stream.
    component('this.close.bind(this)'),
  ],
  invalid: [
    // Called, not bound: the method ran once at construction; the member holds its result.
    // kills lifecycle-hooks.ts:477 `callee.type !== 'MemberExpression' || staticPropertyName(callee) !== 'bind'` -> false,
    // `staticPropertyName(callee) !== 'bind'` -> false, and `||` -> `&&`
    { code: component('this.close.call(this)'), errors: [NOT_CLOSED] },
    // A function of another module, bound: nothing this file shows closes the stream.
    // kills lifecycle-hooks.ts:494 `bound` -> true (a null region)
    { code: component('imported.bind(this)'), errors: [NOT_CLOSED] },
    // The result of a call of a plain function: whatever it returns, this file does not show it.
    // kills lifecycle-hooks.ts:477 `callee.type !== 'MemberExpression'` -> false (a member test on an identifier)
    { code: component('makeTeardown()'), errors: [NOT_CLOSED] },
    // A value that is no call at all.
    // kills lifecycle-hooks.ts:475 `value.type !== 'CallExpression'` -> false
    { code: component('null as unknown as () => void'), errors: [NOT_CLOSED] },
  ],
});
