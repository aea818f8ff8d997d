/**
 * `npm start` (scripts/lint-example.js, run as a subprocess on the built plugin): every finding
 * it prints, as `file line:column rule`, the Vue page's included (its `v-for` over a component
 * that opens a stream, and a stream opened on mount and never closed), and the count per rule.
 * Needs `npm run build`.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DIR, REPOSITORY_ROOT, loadBuiltPlugin } from '../../scripts/integrations/example-workspace.js';

const run = promisify(execFile);

/** The findings of ESLint's stylish output, as `file line:column rule`, the file relative to the example. */
function findingsOf(stylish: string): string[] {
  const findings: string[] = [];
  let file = '';
  for (const line of stylish.split('\n')) {
    if (line.startsWith(EXAMPLE_DIR)) file = path.relative(EXAMPLE_DIR, line).split(path.sep).join('/');
    const finding = /^\s+(\d+):(\d+)\s+error\s.*\s(sse\/[\w-]+)$/.exec(line);
    if (finding) findings.push(`${file} ${finding[1]}:${finding[2]} ${finding[3]}`);
  }
  return findings;
}

let stdout: string;
let exitCode: number;

beforeAll(async () => {
  // Fails with the build's own message when dist/ is missing.
  await loadBuiltPlugin();
  const result = await run(process.execPath, [path.join(REPOSITORY_ROOT, 'scripts', 'lint-example.js')], { cwd: REPOSITORY_ROOT }).then(
    ({ stdout: out }) => ({ out, code: 0 }),
    (error: { stdout: string; code: number }) => ({ out: error.stdout, code: error.code }),
  );
  stdout = result.out;
  exitCode = result.code;
}, 60_000);

describe('npm start', () => {
  it('prints every finding of the example, the Vue page through vue-eslint-parser included', () => {
    expect(findingsOf(stdout)).toEqual([
      'public/rows-a.js 11:18 sse/no-eventsource-in-loop',
      'src/JobList.jsx 9:20 sse/no-eventsource-per-item',
      'src/JobList.jsx 25:9 sse/no-eventsource-per-item',
      'src/feed-route.js 4:18 sse/no-unbounded-reconnect',
      'src/notifications.ts 11:22 sse/no-unbounded-reconnect',
      'src/notifications.ts 17:10 sse/no-unbounded-reconnect',
      // The `<BuildRow v-for=…>` element in the template: the stream opens in BuildRow.vue.
      'src/vue/BuildList.vue 12:7 sse/no-eventsource-per-item',
      // `new EventSource` in `onMounted`, with no `onUnmounted`/`onBeforeUnmount` that closes it.
      'src/vue/DeployLog.vue 9:15 sse/require-eventsource-close',
    ]);
  });

  it('names the component and where its stream opens in the template finding', () => {
    expect(stdout).toContain(
      '`<BuildRow>` (src/vue/BuildRow.vue) opens `EventSource` (src/vue/BuildRow.vue:7) and is rendered inside a `v-for` over `builds`',
    );
  });

  it('counts the findings by rule, and no file fails to parse', () => {
    expect(stdout).toContain(
      [
        'Findings by rule:',
        '  sse/no-duplicate-stream: 0',
        '  sse/no-eventsource-in-loop: 1',
        '  sse/no-eventsource-per-item: 3',
        '  sse/no-unbounded-reconnect: 3',
        '  sse/require-eventsource-close: 1',
      ].join('\n'),
    );
    expect(stdout).not.toContain('Parsing error');
    expect(exitCode).toBe(0);
  });
});
