/**
 * Per-topic URLs (issue 13's Mercure-style shape): a stream per item whose URL differs only in a
 * query parameter's value is left with a reason of its own, which says what such a server needs
 * rather than pointing a PHP app at the Node multiplexer alone.
 */
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS } from '../src/conversions.js';
import { nextStepLines } from '../src/next-steps.js';
import { planFile } from '../src/plan-file.js';
import { varyingQueryParameters } from '../src/topic-urls.js';

describe('varyingQueryParameters', () => {
  it.each([
    ['/.well-known/mercure?topic={}', ['topic']],
    ['https://hub.example/.well-known/mercure?topic={}&topic={}&authorization=x', ['topic']],
    ['/events?board={}&since={}', ['board', 'since']],
    ['/events?boards={}', ['boards']],
  ])('%s varies in %j', (key, names) => {
    expect(varyingQueryParameters(key)).toEqual(names);
  });

  it.each([['/rows/{}/events'], ['/rows/{}/events?format={}'], ['/events?{}=1'], ['/events?topic=a'], ['/events'], [null]])('%s does not vary in the query alone', (key) => {
    expect(varyingQueryParameters(key)).toBeNull();
  });
});

describe('planning a per-topic URL in dedupe mode', () => {
  const plan = (url: string) =>
    planFile({ path: 'src/topics.js', text: `const HUB = '/.well-known/mercure';\nexport const sources = ['a', 'b'].map((topic) => new EventSource(${url}));\n`, helperSpecifier: './sse-hub.js', multiplex: false });

  it('leaves it with the topic reason; a per-row path keeps the multiplexer one', () => {
    expect(plan('`${HUB}?topic=${encodeURIComponent(topic)}`').sites.map((site) => site.reason)).toEqual([SKIP_REASONS.topicPerItemWithoutMultiplexer]);
    expect(plan('`/rows/${topic}/events`').sites.map((site) => site.reason)).toEqual([SKIP_REASONS.distinctUrlsWithoutMultiplexer]);
  });

  it('rewrites it for the multiplexer once the app has one, as any per-item URL', () => {
    const result = planFile({
      path: 'src/topics.js',
      text: "export const sources = ['a', 'b'].map((topic) => new EventSource(`/hub?topic=${topic}`));\n",
      helperSpecifier: './sse-hub.js',
      multiplex: true,
    });
    expect(result.sites.map((site) => site.action)).toEqual(['rewritten']);
  });
});

describe('nextStepLines for per-topic URLs', () => {
  it('lists them apart from the per-row URLs, each with what its server needs', () => {
    const lines = nextStepLines({ helperModule: './sse-hub.js', written: true, rewritten: false, distinctUrlSites: ['src/rows.js:2'], topicUrlSites: ['src/topics.js:2', 'src/board.js:9'], mockingTests: [] });
    expect(lines.filter((line) => line.startsWith('Left for'))).toEqual([
      'Left for the server multiplexer: 1 stream opened per item with a URL of its own (src/rows.js:2).',
      "Left for the server: 2 streams opened per item with a topic of their own in one URL's query, as a Mercure hub's ?topic= (src/topics.js:2, src/board.js:9).",
    ]);
    expect(lines).not.toContain('Next steps:');
  });
});
