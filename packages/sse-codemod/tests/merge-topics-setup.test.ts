/**
 * The app's `configureHub({ mergeTopics })` setup, read from the text as the endpoint is
 * (`multiplex-setup.ts`), and the per-topic streams it lets the codemod rewrite: a Mercure-style
 * server whose topics the hub merges onto one connection (issue 13, hub commit 042fac7).
 */
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS } from '../src/conversions.js';
import { mergeTopicsSetupIn } from '../src/merge-topics-setup.js';
import { TODO_MARKER, planFile } from '../src/plan-file.js';
import { mergeHubConfiguration } from '../src/report/hub-configuration.js';
import { mergeRuleFor } from '../src/topic-urls.js';

const MERCURE = { url: '/.well-known/mercure', param: 'topic' };

describe('mergeTopicsSetupIn', () => {
  it('reads every rule with a literal url and param, beside other options and a topicOf of any length', () => {
    const text =
      "import { configureHub } from './sse-hub.js';\n" +
      'configureHub({\n' +
      "  crossTab: new URLSearchParams(location.search).has('shared'),\n" +
      '  mergeTopics: [\n' +
      "    { url: '/.well-known/mercure', param: 'topic', topicOf: (event) => { const { board } = JSON.parse(event.data); return [board, `all`]; } },\n" +
      '    { topicOf: (event) => event.type, "param": "boards", url: "https://live.example/stream" },\n' +
      '  ],\n' +
      '});\n';
    expect(mergeTopicsSetupIn(text)).toEqual([MERCURE, { url: 'https://live.example/stream', param: 'boards' }]);
  });

  it('reads createHub as configureHub, and every call', () => {
    expect(mergeTopicsSetupIn("const a = createHub({ mergeTopics: [{ url: '/a', param: 't', topicOf }] });\nconfigureHub({ mergeTopics: [{ url: '/b', param: 'u', topicOf }] });\n")).toEqual([
      { url: '/a', param: 't' },
      { url: '/b', param: 'u' },
    ]);
  });

  it.each([
    ['a commented-out call', "// configureHub({ mergeTopics: [{ url: '/.well-known/mercure', param: 'topic', topicOf }] });\n"],
    ['a block comment', "/*\nconfigureHub({ mergeTopics: [{ url: '/.well-known/mercure', param: 'topic', topicOf }] });\n*/\n"],
    ["the codemod's own TODO", `  // ${TODO_MARKER}: ${SKIP_REASONS.topicPerItemWithoutMultiplexer}\n`],
    ['a url from a variable', "configureHub({ mergeTopics: [{ url: HUB_URL, param: 'topic', topicOf }] });\n"],
    ['a url from a template with a value', "configureHub({ mergeTopics: [{ url: `${origin}/.well-known/mercure`, param: 'topic', topicOf }] });\n"],
    ['a param from a variable', "configureHub({ mergeTopics: [{ url: '/.well-known/mercure', param: PARAM, topicOf }] });\n"],
    ['rules from a variable', 'configureHub({ mergeTopics: rules });\n'],
    ['a mergeTopics of a nested object', "configureHub({ extra: { mergeTopics: [{ url: '/.well-known/mercure', param: 'topic', topicOf }] } });\n"],
    ['another function', "setup({ mergeTopics: [{ url: '/.well-known/mercure', param: 'topic', topicOf }] });\n"],
  ])('finds none in %s', (_, text) => {
    expect(mergeTopicsSetupIn(text)).toEqual([]);
  });
});

describe('mergeRuleFor', () => {
  it.each([
    ['the rule path, its parameter varying', '/.well-known/mercure?topic={}', [MERCURE], MERCURE],
    ['a fixed parameter beside it', '/.well-known/mercure?topic={}&authorization=abc', [MERCURE], MERCURE],
    ['the same absolute origin and path', 'https://hub.example/.well-known/mercure?topic={}', [{ url: 'https://hub.example/.well-known/mercure', param: 'topic' }], { url: 'https://hub.example/.well-known/mercure', param: 'topic' }],
    ['another parameter name', '/.well-known/mercure?board={}', [MERCURE], undefined],
    ['another path', '/events?topic={}', [MERCURE], undefined],
    ['another origin', 'https://other.example/.well-known/mercure?topic={}', [{ url: 'https://hub.example/.well-known/mercure', param: 'topic' }], undefined],
    ['an absolute URL for a relative rule (the page may be elsewhere)', 'https://hub.example/.well-known/mercure?topic={}', [MERCURE], undefined],
    ['two varying parameters', '/.well-known/mercure?topic={}&since={}', [MERCURE], undefined],
    ['a varying path', '/boards/{}?topic={}', [{ url: '/boards', param: 'topic' }], undefined],
    ['a URL only known at run time', null, [MERCURE], undefined],
    ['no rules', '/.well-known/mercure?topic={}', [], undefined],
  ])('%s', (_, key, rules, expected) => {
    expect(mergeRuleFor(rules, key)).toEqual(expected);
  });
});

describe('planning a per-topic URL with a merge rule', () => {
  const TEXT = "const HUB = '/.well-known/mercure';\nexport const sources = ['a', 'b'].map((topic) => new EventSource(`${HUB}?topic=${topic}`));\n";
  const plan = (mergeTopics: { url: string; param: string }[]) =>
    planFile({ path: 'src/topics.js', text: TEXT, helperSpecifier: './sse-hub.js', multiplex: false, mergeTopics });

  it('rewrites it onto the shared hub when the rule is its server', () => {
    const result = plan([MERCURE]);
    expect(result.sites.map((site) => [site.action, site.reason])).toEqual([['rewritten', undefined]]);
    expect(result.output).toBe(
      "import { sharedEventSource } from './sse-hub.js';\n\nconst HUB = '/.well-known/mercure';\nexport const sources = ['a', 'b'].map((topic) => sharedEventSource(`${HUB}?topic=${topic}`));\n",
    );
  });

  it('keeps the TODO for a rule on another parameter or path', () => {
    for (const rule of [{ ...MERCURE, param: 'board' }, { ...MERCURE, url: '/hub' }]) {
      expect(plan([rule]).sites.map((site) => site.reason)).toEqual([SKIP_REASONS.topicPerItemWithoutMultiplexer]);
    }
  });
});

describe('the report reading mergeTopics', () => {
  it('takes the rules of the last call that names them, as configureHub replaces the option', () => {
    const calls = [
      { location: 'a.ts:1:1', mergeTopics: [{ url: '/old', param: 'topic' }] },
      { location: 'b.ts:1:1', crossTab: true },
      { location: 'c.ts:1:1', mergeTopics: [MERCURE] },
    ];
    expect(mergeHubConfiguration(calls)).toMatchObject({ mode: 'dedupe', mergeTopics: [MERCURE] });
    expect(mergeHubConfiguration(calls.slice(1, 2))).not.toHaveProperty('mergeTopics');
  });
});
