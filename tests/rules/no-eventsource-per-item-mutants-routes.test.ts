/**
 * no-eventsource-per-item: how routes to a stream become findings — the unit a route starts in,
 * where it leaves that unit, which of several openings a report names, and what a finding
 * gathers over several routes (issue 17, surviving mutants of rules/no-eventsource-per-item.ts).
 */
import rule from '../../rules/no-eventsource-per-item.js';
import { ruleTester } from '../rule-tester.js';
import { ES } from '../support/rule-messages.js';

ruleTester.run('no-eventsource-per-item (routes)', rule, {
  valid: [
    // A component without a binding (`export default memo(function Row…)`) cannot be rendered
    // from this file: its URL from props is not reported, and nothing is rendered per item.
    // kills rules/no-eventsource-per-item.ts:271 !binding -> false
    // kills rules/no-eventsource-per-item.ts:271 false -> true
    // kills rules/no-eventsource-per-item.ts:455 !binding -> false
    {
      code: `export default memo(function Row({ id }) {
  useEffect(() => { const es = new EventSource('/r/' + id); return () => es.close(); }, [id]);
  return <li />;
});`,
      filename: 'file.tsx',
    },
    // A hook without a binding (an object's property) shows no calls here: not reported.
    // kills rules/no-eventsource-per-item.ts:287 bindingOf(sourceCode, hook)?.references -> bindingOf(sourceCode, hook).references
    // kills rules/no-eventsource-per-item.ts:287 [] -> ["Stryker was here"]
    {
      code: `export const api = {
  useFeed: function useFeed(id) {
    useEffect(() => { const es = new EventSource('/f/' + id); return () => es.close(); }, [id]);
  },
};`,
      filename: 'file.tsx',
    },
    // A helper handed over by reference (`setTimeout(connect, 10)`) receives no arguments the
    // rule can see: its parameter is not a prop of the component, so nothing is reported.
    // kills rules/no-eventsource-per-item.ts:141 call.type !== 'CallExpression' -> false
    // kills rules/no-eventsource-per-item.ts:141 [] -> ["Stryker was here"]
    {
      code: `function Row({ id }) {
  function connect(topic) { const es = new EventSource('/t/' + topic); return () => es.close(); }
  useEffect(() => { setTimeout(connect, 10); }, []);
  return <li />;
}`,
      filename: 'file.tsx',
      options: [{ reportUrlFromProps: true }],
    },
    // `createElement(Row, …)` inside `Page` renders `Row`, as `<Row />` would: `Page` opens no
    // stream of its own, so `<Page>` rendered per item is not reported (nor is the JSX twin).
    // kills rules/no-eventsource-per-item.ts:385 others.some((other) => other.kind !== 'hook') -> false
    // kills rules/no-eventsource-per-item.ts:385 (other) => other.kind !== 'hook' -> () => undefined
    // kills rules/no-eventsource-per-item.ts:385 other.kind !== 'hook' -> false
    {
      code: `function Row({ id }) {
  useEffect(() => { const es = new EventSource('/r/' + id); return () => es.close(); }, [id]);
  return <li />;
}
function Page({ id }) { return createElement(Row, { id }); }
export function List({ ids }) { return ids.map((id) => <Page key={id} id={id} />); }`,
      filename: 'file.tsx',
    },
    {
      code: `function Row({ id }) {
  useEffect(() => { const es = new EventSource('/r/' + id); return () => es.close(); }, [id]);
  return <li />;
}
function Page({ id }) { return <Row id={id} />; }
export function List({ ids }) { return ids.map((id) => <Page key={id} id={id} />); }`,
      filename: 'file.tsx',
    },
  ],
  invalid: [
    // A hook that calls itself from a nested function: the recursive call stays inside the hook,
    // so the one report is at the opening, not a second one at the call.
    // kills rules/no-eventsource-per-item.ts:84 outer.range[0] <= inner.range[0] -> outer.range[0] < inner.range[0]
    // kills rules/no-eventsource-per-item.ts:84 inner.range[1] <= outer.range[1] -> inner.range[1] < outer.range[1]
    {
      code: `function useFeed(id) {
  useEffect(() => { const es = new EventSource('/feed/' + id); return () => es.close(); }, [id]);
  function again() { return useFeed(id); }
  return again;
}`,
      filename: 'file.tsx',
      options: [{ reportHookWithoutCallers: true }],
      errors: [{ messageId: 'hookOpensStream', line: 2, column: 32, data: { hook: 'useFeed', stream: ES, route: '' } }],
    },
    // Two openings, the earlier one in a nested helper that the route map lists first: the
    // report names the earliest opening in the source (line 2), not the last route seen.
    // kills rules/no-eventsource-per-item.ts:388 !known || opening.node.range[0] < known.opening.node.range[0] -> true
    // kills rules/no-eventsource-per-item.ts:388 opening.node.range[0] < known.opening.node.range[0] -> opening.node.range[0] >= known.opening.node.range[0]
    {
      code: `function Row() {
  function connect() { const es = new EventSource('/b'); return es; }
  useEffect(() => { const es = new EventSource('/a'); const other = connect(); return () => { es.close(); other.close(); }; }, []);
  return <li />;
}
export function List({ ids }) { return ids.map((id) => <Row key={id} />); }`,
      filename: 'file.tsx',
      errors: [{ messageId: 'renderedPerItem', line: 6, column: 56, data: { component: 'Row', stream: ES, line: 2, repetition: 'a `map()` callback' } }],
    },
    // A class component whose field opens first (line 2) and whose method opens later: the field's
    // route is seen last, and still the report names line 2.
    // kills rules/no-eventsource-per-item.ts:388 opening.node.range[0] < known.opening.node.range[0] -> false
    // kills rules/no-eventsource-per-item.ts:388 opening.node.range[0] < known.opening.node.range[0] -> opening.node.range[0] >= known.opening.node.range[0]
    {
      code: `class Row extends Component {
  a = new EventSource('/a');
  componentDidMount() { this.b = new EventSource('/b'); }
  render() { return <li />; }
}
export function List({ ids }) { return ids.map((id) => <Row key={id} />); }`,
      filename: 'file.tsx',
      errors: [{ messageId: 'renderedPerItem', line: 6, column: 56, data: { component: 'Row', stream: ES, line: 2, repetition: 'a `map()` callback' } }],
    },
    // Props gathered over two routes (first `topic`, then `id` through the inner helper's
    // argument) are listed sorted.
    // kills rules/no-eventsource-per-item.ts:441 [...dependencies].sort() -> [...dependencies]
    {
      code: `function open(url) { return new EventSource(url); }
export function Row({ id, topic }) {
  function start(key) { return open('/t/' + topic + '/' + key); }
  useEffect(() => { const es = start(id); return () => es.close(); }, [id]);
  return <li />;
}`,
      filename: 'file.tsx',
      options: [{ reportUrlFromProps: true }],
      errors: [
        {
          messageId: 'urlFromProps',
          line: 3,
          column: 32,
          data: { component: 'Row', stream: ES, route: ' through `open()`', inputs: 'props `id`, `topic`' },
        },
      ],
    },
    // Two handlers call the same inner helper with different props: one report at the helper's
    // call of `open()`, naming the props of both routes.
    // kills rules/no-eventsource-per-item.ts:402 !finding -> true
    {
      code: `function open(url) { return new EventSource(url); }
export function Row({ id, topic }) {
  function start(key) { return open('/t/' + key); }
  const onA = () => start(id);
  const onB = () => start(topic);
  return <button onClick={onA} onDoubleClick={onB} />;
}`,
      filename: 'file.tsx',
      options: [{ reportUrlFromProps: true }],
      errors: [
        {
          messageId: 'urlFromProps',
          line: 3,
          column: 32,
          data: { component: 'Row', stream: ES, route: ' through `open()`', inputs: 'props `id`, `topic`' },
        },
      ],
    },
    // An anonymous default-exported class component is named `default`.
    // kills rules/no-eventsource-per-item.ts:446 'default' -> ""
    {
      code: `export default class extends Component {
  componentDidMount() { this.es = new EventSource('/r/' + this.props.id); }
  render() { return <li />; }
}`,
      filename: 'file.tsx',
      options: [{ reportUrlFromProps: true }],
      errors: [{ messageId: 'urlFromProps', line: 2, column: 35, data: { component: 'default', stream: ES, route: '', inputs: 'prop `id`' } }],
    },
  ],
});
