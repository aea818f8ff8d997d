/**
 * Pinned by the mutation run (issue 17): the close statement suggested before a stream is
 * replaced or re-opened from its error handler (which name closes it, with `.` or `?.`), and
 * a scheduled re-open reported once, not again as a replacement.
 */
import rule from '../../rules/require-eventsource-close.js';
import { javascript, ruleTester } from '../rule-tester.js';
import { ES } from '../support/rule-messages.js';

ruleTester.run('require-eventsource-close (mutants: reopen)', rule, {
  valid: [],
  invalid: [
    // A replacement in a class's static block gets the close suggestion, as in any block.
    {
      code: `let es;
class Feed {
  static {
    es = new EventSource('/a');
    es = new EventSource('/b');
  }
}`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:112 type === 'StaticBlock' -> false
      // kills rules/require-eventsource-close.ts:112 'StaticBlock' -> ""
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 5,
          column: 5,
          data: { target: 'es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'es?.close();' },
              output: `let es;
class Feed {
  static {
    es = new EventSource('/a');
    es?.close();
    es = new EventSource('/b');
  }
}`,
            },
          ],
        },
      ],
    },
    // In a \`function\` handler \`this\` is the failed stream, not the class: \`this.close()\`, not \`this.es?.close()\`.
    {
      code: `export class Feed {
  start() {
    this.es = new EventSource('/events');
    this.es.onerror = function () {
      start2();
    };
  }
}
function start2() {
  return new EventSource('/events');
}`,
      languageOptions: javascript,
      errors: [
        {
          messageId: 'replacedWithoutClose',
          line: 3,
          column: 5,
          data: { target: 'this.es', stream: ES },
          suggestions: [
            {
              messageId: 'closeBeforeReplacing',
              data: { code: 'this.es?.close();' },
              output: `export class Feed {
  start() {
    this.es?.close();
    this.es = new EventSource('/events');
    this.es.onerror = function () {
      start2();
    };
  }
}
function start2() {
  return new EventSource('/events');
}`,
            },
          ],
        },
        // kills rules/require-eventsource-close.ts:318 region.type === 'ArrowFunctionExpression' -> true
        {
          messageId: 'reopenedWithoutClose',
          line: 5,
          column: 7,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'this.close();' },
              output: `export class Feed {
  start() {
    this.es = new EventSource('/events');
    this.es.onerror = function () {
      this.close();
      start2();
    };
  }
}
function start2() {
  return new EventSource('/events');
}`,
            },
          ],
        },
      ],
    },
    // A named handler elsewhere cannot see the local \`es\` of \`connect\`: it closes the stream as \`this\`.
    {
      code: `function connect() {
  const es = new EventSource('/events');
  es.onerror = handleError;
}
function handleError() {
  setTimeout(connect, 1000);
}
connect();`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:322 variable !== root || contains(…) -> false
      // kills rules/require-eventsource-close.ts:322 variable !== root -> false
      // kills rules/require-eventsource-close.ts:322 variable !== root || contains(…) -> variable !== root && contains(…)
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 6,
          column: 14,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'this.close();' },
              output: `function connect() {
  const es = new EventSource('/events');
  es.onerror = handleError;
}
function handleError() {
  this.close();
  setTimeout(connect, 1000);
}
connect();`,
            },
          ],
        },
      ],
    },
    // A stream held on a declared global (no declaration in the file) offers no close statement.
    {
      code: `/* global window */
window.es = new EventSource('/events');
window.es.onerror = () => {
  window.es = new EventSource('/events');
};`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:322 variable.defs[0]?.name -> variable.defs[0].name
      errors: [{ messageId: 'reopenedWithoutClose', line: 4, column: 15, data: { stream: ES }, suggestions: [] }],
    },
    // A variable with a type annotation may be emptied later: closed with \`?.\`.
    {
      code: `let es: EventSource | null = new EventSource('/events');
es.onerror = () => {
  es = new EventSource('/events');
};`,
      // kills rules/require-eventsource-close.ts:325 path.properties.length === 0 && … && !declarator.id.typeAnnotation -> true
      // kills rules/require-eventsource-close.ts:325 … && declarator.id.type === 'Identifier' && !declarator.id.typeAnnotation -> … && declarator.id.type === 'Identifier' || !declarator.id.typeAnnotation
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 3,
          column: 8,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `let es: EventSource | null = new EventSource('/events');
es.onerror = () => {
  es?.close();
  es = new EventSource('/events');
};`,
            },
          ],
        },
      ],
    },
    // A parameter reused as the holder was not declared with the stream: closed with \`?.\`.
    {
      code: `const watch = (es) => {
  es = new EventSource('/events');
  es.onerror = () => {
    es = new EventSource('/events');
  };
};
watch(null);`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:325 path.properties.length === 0 && declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' -> true
      // kills rules/require-eventsource-close.ts:325 path.properties.length === 0 && declarator?.type === 'VariableDeclarator' -> true
      // kills rules/require-eventsource-close.ts:325 … && declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier' -> … && declarator?.type === 'VariableDeclarator' || declarator.id.type === 'Identifier'
      // kills rules/require-eventsource-close.ts:325 path.properties.length === 0 && declarator?.type === 'VariableDeclarator' -> path.properties.length === 0 || declarator?.type === 'VariableDeclarator'
      // kills rules/require-eventsource-close.ts:326 declarator?.type === 'VariableDeclarator' -> true
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 4,
          column: 10,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `const watch = (es) => {
  es = new EventSource('/events');
  es.onerror = () => {
    es?.close();
    es = new EventSource('/events');
  };
};
watch(null);`,
            },
          ],
        },
      ],
    },
    // Re-opens scheduled in a loop of the error handler are reported there, once, and not
    // again as replacements in \`connect\`.
    {
      code: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = () => {
    for (const delay of [1000, 5000]) setTimeout(connect, delay);
  };
}
connect();`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:364 parent?.type === 'CallExpression' && parent.callee !== reopen.point.node -> false
      // kills rules/require-eventsource-close.ts:364 parent?.type === 'CallExpression' -> parent?.type !== 'CallExpression'
      // kills rules/require-eventsource-close.ts:364 'CallExpression' -> ""
      // kills rules/require-eventsource-close.ts:364 parent.callee !== reopen.point.node -> parent.callee === reopen.point.node
      errors: [
        {
          messageId: 'reopenedWithoutClose',
          line: 5,
          column: 50,
          data: { stream: ES },
          suggestions: [
            {
              messageId: 'closeFailedStream',
              data: { code: 'es?.close();' },
              output: `let es;
function connect() {
  es = new EventSource('/events');
  es.onerror = () => {
    es?.close();
    for (const delay of [1000, 5000]) setTimeout(connect, delay);
  };
}
connect();`,
            },
          ],
        },
      ],
    },
  ],
});
