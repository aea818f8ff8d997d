import { describe, expect, it } from 'vitest';
import { detectFlaggedSites } from '../src/detect-sites.js';

function detect(text: string, file = 'input.js') {
  const detection = detectFlaggedSites(file, text);
  if (!detection.ok) throw new Error(detection.error);
  return detection;
}

/** The flagged openings as `rule line:column` of the opening, not of the report. */
function openings(text: string, file?: string): string[] {
  return detect(text, file).sites.map(
    ({ rule, opening }) => `${rule} ${opening.node.loc.start.line}:${opening.node.loc.start.column + 1}`,
  );
}

describe('detectFlaggedSites', () => {
  it('finds an opening reported where it is', () => {
    expect(openings('for (const id of ids) new EventSource(`/r/${id}`);')).toEqual(['sse/no-eventsource-in-loop 1:23']);
  });

  it('follows a report at a call in a loop to the opening inside the called function', () => {
    const text = ['function open(id) {', '  return new EventSource(`/r/${id}`);', '}', 'ids.forEach((id) => open(id));'].join('\n');
    expect(openings(text)).toEqual(['sse/no-eventsource-in-loop 2:10']);
  });

  it('follows a report at an element rendered per item to the opening in the component', () => {
    const text = [
      'function Row({ id }) {',
      '  useEffect(() => {',
      '    const es = new EventSource(`/r/${id}`);',
      '    return () => es.close();',
      '  }, [id]);',
      '  return <li />;',
      '}',
      'export const List = ({ ids }) => <ul>{ids.map((id) => <Row key={id} id={id} />)}</ul>;',
    ].join('\n');
    expect(openings(text, 'list.jsx')).toEqual(['sse/no-eventsource-per-item 3:16']);
  });

  it('lists an opening flagged twice once, under the first rule that flagged it', () => {
    const text = ['function open(id) {', '  return new EventSource(`/r/${id}`);', '}', 'for (const a of as) open(a);', 'for (const b of bs) open(b);'].join('\n');
    expect(openings(text)).toEqual(['sse/no-eventsource-in-loop 2:10']);
  });

  it('ignores streams the rules do not flag and honours eslint-disable comments', () => {
    expect(openings('export const es = new EventSource("/feed");')).toEqual([]);
    const disabled = '// eslint-disable-next-line sse/no-eventsource-in-loop\nfor (const id of ids) new EventSource(`/r/${id}`);';
    expect(openings(disabled)).toEqual([]);
  });

  it('tells ES modules, CommonJS and plain scripts apart', () => {
    expect(detect('import x from "y";').moduleKind).toBe('esm');
    expect(detect('const x = require("y");').moduleKind).toBe('commonjs');
    expect(detect('module.exports = 1;').moduleKind).toBe('commonjs');
    expect(detect('export {};', 'a.cjs').moduleKind).toBe('commonjs');
    expect(detect('import x = require("y");', 'a.ts').moduleKind).toBe('commonjs');
    expect(detect('const a = 1;').moduleKind).toBe('none');
  });

  it('reports a syntax error with its position instead of sites', () => {
    expect(detectFlaggedSites('a.ts', 'const = ;')).toEqual({ ok: false, error: expect.stringMatching(/^syntax error: Variable declaration expected\. \(1:\d+\)$/) });
  });

  it('parses TypeScript generics in .ts and JSX in .js', () => {
    expect(openings('for (const id of ids) new EventSource(f<string>(id));', 'a.ts')).toHaveLength(1);
    expect(openings('ids.map((id) => <A es={new EventSource(id)} />);', 'a.js')).toHaveLength(1);
  });
});
