/**
 * Pinned by the mutation run (issue 17): which streams opened at mount count as closed at
 * teardown (page-wide singletons, holders closed by a sibling hook), which count as opened
 * under a condition, how local factories are followed, and the data of `fetchNotAborted`.
 */
import rule from '../../rules/require-eventsource-close.js';
import { javascript, ruleTester } from '../rule-tester.js';
import { ES, IN_RETURNED_CLEANUP, USE_EFFECT, WITH_EXAMPLE } from '../support/rule-messages.js';

ruleTester.run('require-eventsource-close (mutants: teardown)', rule, {
  valid: [
    // A stream held in a local and also put in a guarded module-level variable is a page-wide singleton.
    // kills rules/require-eventsource-close.ts:165 holding.paths.some(isModuleLevelHolder) -> holding.paths.every(isModuleLevelHolder)
    {
      code: `let shared;
export function Live() {
  useEffect(() => {
    if (shared) return;
    const es = new EventSource('/live');
    shared = es;
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // The guard of a singleton may sit before other statements than the one that stores the stream.
    // kills rules/require-eventsource-close.ts:170 false -> true
    {
      code: `let es;
export function Live() {
  useEffect(() => {
    if (es) return;
    console.log('opening');
    es = new EventSource('/live');
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A stream also kept in a variable of the setup is closed by the setup's \`onBeforeUnmount\`.
    // kills rules/require-eventsource-close.ts:183 holding.paths.every(…) -> holding.paths.some(…)
    `import { onBeforeUnmount, onMounted } from 'vue';
export default {
  setup() {
    let current: EventSource | undefined;
    onMounted(() => {
      const es = new EventSource('/live');
      current = es;
    });
    onBeforeUnmount(() => current?.close());
  },
};`,
    // Opened in a branch of a conditional expression and closed on its terminal event: a one-shot answer.
    // kills rules/require-eventsource-close.ts:196 current.type === 'ConditionalExpression' -> false
    // kills rules/require-eventsource-close.ts:196 'ConditionalExpression' -> ""
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    let es;
    question ? (es = new EventSource('/answer?q=' + question)) : log();
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Opened on the right of \`&&\` and closed on its terminal event: a one-shot answer.
    // kills rules/require-eventsource-close.ts:197 current.type === 'LogicalExpression' && current.right === child -> false
    // kills rules/require-eventsource-close.ts:197 'LogicalExpression' -> ""
    // kills rules/require-eventsource-close.ts:197 current.right === child -> current.right !== child
    // kills rules/require-eventsource-close.ts:197 true -> false
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    let es;
    question && (es = new EventSource('/answer?q=' + question));
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A factory that calls itself hands the stream to its callers, and its caller closes the stream.
    {
      code: `function open(url, tries) {
  if (tries > 0) return open(url, tries - 1);
  return new EventSource(url);
}
export function Live({ url }) {
  useEffect(() => {
    const es = open(url, 3);
    return () => es.close();
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // Factories are followed two calls deep: a third (\`outer()\` calling \`open()\` calling
    // \`connect()\`) is not followed (a known limit in the rule's doc).
    // kills rules/require-eventsource-close.ts:222 depth < MAX_FACTORY_DEPTH -> true
    // kills rules/require-eventsource-close.ts:227 depth + 1 -> depth - 1
    {
      code: `function connect(url) {
  return new EventSource(url);
}
function open(url) {
  return connect(url);
}
function outer(url) {
  return open(url);
}
export function Live({ url }) {
  useEffect(() => {
    const es = outer(url);
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
    },
    // A factory handed to a timer hands its stream to no one: the timer call is no opening.
    // kills rules/require-eventsource-close.ts:226 resolveCallee(sourceCode, call.callee) !== factory -> false
    {
      code: `const later = (url) => new EventSource(url);
export function Live({ url }) {
  useEffect(() => {
    setTimeout(later, 10, url);
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
    },
  ],
  invalid: [
    // \`??=\` into a variable of the effect itself is no page-wide singleton: still opened per mount.
    {
      code: `export function Live() {
  useEffect(() => {
    let es;
    es ??= new EventSource('/live');
  }, []);
  return <p />;
}`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:165 !holding.paths.some(isModuleLevelHolder) -> false
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 12,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: WITH_EXAMPLE },
          suggestions: [],
        },
      ],
    },
    // A stream opened in the test of an \`if\` is opened whatever the test says: not a conditional one-shot.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    let es;
    if ((es = new EventSource('/answer?q=' + question))) {
      log();
    }
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:196 current.test !== child -> true
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 15,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: WITH_EXAMPLE },
          suggestions: [],
        },
      ],
    },
    // A stream opened on the left of \`&&\` is opened every time: not a conditional one-shot.
    {
      code: `export function Answer({ question }) {
  useEffect(() => {
    let es;
    (es = new EventSource('/answer?q=' + question)) && log();
    es.onmessage = (event) => {
      if (event.data === '[DONE]') es.close();
    };
  }, [question]);
  return <p />;
}`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:197 current.right === child -> true
      // kills rules/require-eventsource-close.ts:197 current.right === child -> current.right !== child
      errors: [
        {
          messageId: 'notClosedOnUnmount',
          line: 4,
          column: 11,
          data: { stream: ES, lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, example: WITH_EXAMPLE },
          suggestions: [],
        },
      ],
    },
    // A controller kept under a name that is no identifier is called \`controller\` in the message.
    {
      code: `import { fetchEventSource } from '@microsoft/fetch-event-source';
export function Live({ url }) {
  useEffect(() => {
    const box = {};
    box['a-b'] = new AbortController();
    fetchEventSource(url, { signal: box['a-b'].signal });
  }, [url]);
  return <p />;
}`,
      languageOptions: javascript,
      // kills rules/require-eventsource-close.ts:262 'controller' -> ""
      errors: [
        {
          messageId: 'fetchNotAborted',
          line: 6,
          column: 5,
          data: { lifecycle: USE_EFFECT, where: IN_RETURNED_CLEANUP, controller: 'controller' },
          suggestions: [],
        },
      ],
    },
  ],
});
