/**
 * What users see of the type-aware pre-filter and findings (issue 17): `no-eventsource-in-loop`
 * and `no-eventsource-per-item` over a small fixture project, linted with type information. Each
 * report pins a shape the filter must let through to the checker (`this.x()`, a member of an
 * import-equals in a namespace, a string-keyed member, `<this.X />`, nested JSX members) and how
 * the message names the callee and the route.
 */
import loopRule from '../../rules/no-eventsource-in-loop.js';
import perItemRule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { fixtureProject } from '../rules/typed/fixture-projects.js';
import { ES } from '../support/rule-messages.js';

const project = fixtureProject('typed-mutants-candidates');
const at = (file: string, line: number) => `${project.display(file)}:${line}`;

/** A call in a `for...of` loop of `src/loops/shapes.ts` whose callee, declared in `file`, opens at `opening`. */
function calledInLoop(callee: string, line: number, column: number, file: string, opening: string, route = '') {
  return {
    messageId: 'openerCallInLoopAcrossFiles' as const,
    line,
    column,
    data: { callee, file: project.display(file), stream: ES, opening, route, repetition: 'a `for...of` loop' },
  };
}

ruleTester.run('no-eventsource-in-loop (type-aware pre-filter)', loopRule, {
  valid: [],
  invalid: [
    {
      ...project.typedCase('src/loops/shapes.ts'),
      errors: [
        // A member of an import-equals declared in a namespace, whose scope is the namespace's, not the module's.
        // kills candidates.ts:49 `definition.type === ImportBinding` -> false and `ImportBinding || module` -> `&&`
        calledInLoop('Registry.open', 8, 27, 'src/lib/registry.ts', at('src/lib/registry.ts', 3)),
        // kills candidates.ts:42 `node.type === 'ThisExpression'` -> false / "", the whole `this` test -> false / `||` -> `&&`
        calledInLoop('this.connect', 19, 7, 'src/loops/shapes.ts', at('src/lib/registry.ts', 3), ' through `open`'),
        // kills cross-file-findings.ts:31 `via.slice(0, 4)` -> `via`, 32 `via.length > 4` -> false and `' → …'` -> ""
        calledInLoop('first', 20, 7, 'src/lib/chain.ts', at('src/lib/chain.ts', 10), ' through `second` → `third` → `fourth` → `fifth` → …'),
        // kills cross-file-findings.ts:32 `via.length > 4` -> `>= 4`
        calledInLoop('second', 21, 7, 'src/lib/chain.ts', at('src/lib/chain.ts', 10), ' through `third` → `fourth` → `fifth` → `sixth`'),
        // A string-keyed member of a member of an import.
        // kills candidates.ts:43 `node.type === 'MemberExpression'` -> false / "" (the object `lib.registry`)
        calledInLoop("lib.registry['open']", 22, 7, 'src/lib/registry.ts', at('src/lib/registry.ts', 3)),
        // The callee's text spans two lines, so the message names the declaration: an anonymous default export.
        // kills cross-file-findings.ts:38 `'default'` -> "" and `?? 'default'` -> `&& 'default'`; candidates.ts:99 `&&` -> `||` / -> true
        calledInLoop('default', 23, 7, 'src/lib/anonymous.ts', at('src/lib/anonymous.ts', 2)),
      ],
    },
  ],
});

/** A component of `src/lib/row.tsx`, rendered in a `map()` callback of `src/lists/shapes.tsx`, column 37. */
function renderedInMap(component: string, line: number) {
  return {
    messageId: 'renderedPerItemAcrossFiles' as const,
    line,
    column: 37,
    data: {
      component,
      file: project.display('src/lib/row.tsx'),
      stream: ES,
      opening: at('src/lib/row.tsx', 6),
      route: '',
      repetition: 'a `map()` callback',
    },
  };
}

ruleTester.run('no-eventsource-per-item (type-aware pre-filter)', perItemRule, {
  valid: [],
  invalid: [
    {
      ...project.typedCase('src/lists/shapes.tsx'),
      errors: [
        // kills candidates.ts:42 the JSX `this` test (`=== 'JSXIdentifier'` -> `!==` / "", `name === 'this'` -> `!==` / "", `return true` -> false)
        renderedInMap('this.Row', 10),
        // kills candidates.ts:44 `node.type === 'JSXMemberExpression'` -> false / ""
        renderedInMap('ui.Group.Row', 11),
        // kills candidates.ts:73 `first.type === 'MemberExpression'` -> false / `!==` / ""
        renderedInMap('ui.Row', 12),
      ],
    },
  ],
});
