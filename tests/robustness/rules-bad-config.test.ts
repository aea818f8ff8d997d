/**
 * Bad configuration of the rules that take options, as a user would write it in `eslint.config.js` or an
 * inline `/* eslint … *\/` comment: unknown options, wrong types, incomplete or malformed
 * `wrappers`/`sharedHelper` entries, module names that no import can match. ESLint must
 * refuse each with its own schema error, and that error must say which rule and which value.
 *
 * ESLint 10's flat config words it `Key "rules": Key "<rule>":` followed by the offending
 * value and what is wrong with it (ESLint 8's eslintrc said `Configuration for rule "<rule>"
 * is invalid`); it prints the value, not a JSON path. For an unknown key it also names the
 * key and lists the valid ones, so each test asserts the whole message.
 */
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { findings, lintWith } from './support/lint-with-plugin.js';

const DUPLICATE = 'sse/no-duplicate-stream';
const IN_LOOP = 'sse/no-eventsource-in-loop';
const PER_ITEM = 'sse/no-eventsource-per-item';
const RECONNECT = 'sse/no-unbounded-reconnect';
const CLOSE = 'sse/require-eventsource-close';
const ALL = [DUPLICATE, IN_LOOP, PER_ITEM, RECONNECT, CLOSE] as const;
type RuleId = (typeof ALL)[number];

const DEFAULT_ITERATION_METHODS =
  '["map","forEach","flatMap","filter","reduce","reduceRight","some","every","find","findIndex","findLast","findLastIndex","each"]';

/** ESLint's message for options that fail `rule`'s schema, one line per problem. */
function schemaError(rule: RuleId, ...problems: string[]): string {
  return `Key "rules": Key "${rule}":\n${problems.map((problem) => `\t${problem}\n`).join('')}`;
}

/** The message of the error ESLint throws for this rule entry; fails the test if ESLint accepts it. */
function configError(rule: RuleId, ...options: unknown[]): string {
  try {
    lintWith(plugin, 'new EventSource(url);', { filename: 'file.js', ruleEntries: { [rule]: ['error', ...options] } });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`ESLint accepted ${JSON.stringify(options)} for ${rule}`);
}

const wrapper = (module: unknown, exportName: unknown = 'openStream') => ({ wrappers: [{ module, export: exportName }] });

describe('the options object itself', () => {
  it.each(ALL)('%s: a string instead of an options object', (rule) => {
    expect(configError(rule, 'strict')).toBe(schemaError(rule, 'Value "strict" should be object.'));
  });

  it('no-eventsource-in-loop: a second options object', () => {
    expect(configError(IN_LOOP, {}, {})).toBe(
      schemaError(IN_LOOP, `Value [{"wrappers":[],"iterationMethods":${DEFAULT_ITERATION_METHODS},"typeAware":true},{}] should NOT have more than 1 items.`),
    );
  });

  it('no-unbounded-reconnect: a second options object', () => {
    expect(configError(RECONNECT, {}, { minRetryMs: 500 })).toBe(
      schemaError(
        RECONNECT,
        'Value [{"wrappers":[],"requireAttemptLimit":true,"requireBackoff":true,"requireJitter":true,"minRetryMs":1000},{"minRetryMs":500}] should NOT have more than 1 items.',
      ),
    );
  });
});

describe('unknown options (typos)', () => {
  // ESLint fills in the defaults before validating, so the value it prints includes them.
  it('no-eventsource-in-loop: `iterationMethod`', () => {
    expect(configError(IN_LOOP, { iterationMethod: ['map'] })).toBe(
      schemaError(
        IN_LOOP,
        `Value {"wrappers":[],"iterationMethods":${DEFAULT_ITERATION_METHODS},"typeAware":true,"iterationMethod":["map"]} should NOT have additional properties.\n\t\tUnexpected property "iterationMethod". Expected properties: "wrappers", "iterationMethods", "sharedHelper", "typeAware".`,
      ),
    );
  });

  it('no-eventsource-per-item: `sharedHelpers`', () => {
    expect(configError(PER_ITEM, { sharedHelpers: { module: 'sse-hub', export: 'sharedEventSource' } })).toBe(
      schemaError(
        PER_ITEM,
        `Value {"wrappers":[],"iterationMethods":${DEFAULT_ITERATION_METHODS},"typeAware":true,"reportUrlFromProps":false,"reportHookWithoutCallers":false,"sharedHelpers":{"module":"sse-hub","export":"sharedEventSource"}} should NOT have additional properties.\n\t\tUnexpected property "sharedHelpers". Expected properties: "wrappers", "iterationMethods", "sharedHelper", "typeAware", "reportUrlFromProps", "reportHookWithoutCallers".`,
      ),
    );
  });

  it('no-unbounded-reconnect: `minRetry`', () => {
    expect(configError(RECONNECT, { minRetry: 1000 })).toBe(
      schemaError(
        RECONNECT,
        'Value {"wrappers":[],"requireAttemptLimit":true,"requireBackoff":true,"requireJitter":true,"minRetryMs":1000,"minRetry":1000} should NOT have additional properties.\n\t\tUnexpected property "minRetry". Expected properties: "wrappers", "requireAttemptLimit", "requireBackoff", "requireJitter", "minRetryMs".',
      ),
    );
  });

  it.each(ALL)('%s: an unknown key in a wrapper', (rule) => {
    expect(configError(rule, { wrappers: [{ module: '@acme/live', export: 'openStream', kind: 'call' }] })).toBe(
      schemaError(
        rule,
        'Value {"module":"@acme/live","export":"openStream","kind":"call"} should NOT have additional properties.\n\t\tUnexpected property "kind". Expected properties: "module", "export".',
      ),
    );
  });

  it.each([DUPLICATE, IN_LOOP, PER_ITEM] as const)('%s: an unknown key in `sharedHelper`', (rule) => {
    expect(configError(rule, { sharedHelper: { module: 'sse-hub', export: 'sharedEventSource', default: true } })).toBe(
      schemaError(
        rule,
        'Value {"module":"sse-hub","export":"sharedEventSource","default":true} should NOT have additional properties.\n\t\tUnexpected property "default". Expected properties: "module", "export".',
      ),
    );
  });
});

describe('wrong types and values', () => {
  it.each([IN_LOOP, PER_ITEM] as const)('%s: `iterationMethods` as a string, not a list', (rule) => {
    expect(configError(rule, { iterationMethods: 'map' })).toBe(schemaError(rule, 'Value "map" should be array.'));
  });

  it.each([IN_LOOP, PER_ITEM] as const)('%s: `iterationMethods` with a number, an empty name, a duplicate', (rule) => {
    expect(configError(rule, { iterationMethods: ['map', 42] })).toBe(schemaError(rule, 'Value 42 should be string.'));
    expect(configError(rule, { iterationMethods: [''] })).toBe(schemaError(rule, 'Value "" should NOT be shorter than 1 characters.'));
    expect(configError(rule, { iterationMethods: ['map', 'map'] })).toBe(
      schemaError(rule, 'Value ["map","map"] should NOT have duplicate items (items ## 1 and 0 are identical).'),
    );
  });

  it.each([DUPLICATE, IN_LOOP, PER_ITEM] as const)('%s: `sharedHelper` as a module name instead of `{ module, export }`', (rule) => {
    expect(configError(rule, { sharedHelper: 'sse-hub' })).toBe(
      schemaError(rule, 'Value "sse-hub" should be object.'),
    );
  });

  it.each(ALL)('%s: `wrappers` as one object instead of a list', (rule) => {
    expect(configError(rule, { wrappers: { module: '@acme/live', export: 'openStream' } })).toBe(
      schemaError(rule, 'Value {"module":"@acme/live","export":"openStream"} should be array.'),
    );
  });

  it.each(ALL)('%s: the same wrapper twice', (rule) => {
    const entry = { module: '@acme/live', export: 'openStream' };
    expect(configError(rule, { wrappers: [entry, entry] })).toBe(
      schemaError(
        rule,
        'Value [{"module":"@acme/live","export":"openStream"},{"module":"@acme/live","export":"openStream"}] should NOT have duplicate items (items ## 0 and 1 are identical).',
      ),
    );
  });

  it.each(ALL)('%s: a wrapper export that is a number or empty', (rule) => {
    expect(configError(rule, wrapper('@acme/live', 42))).toBe(schemaError(rule, 'Value 42 should be string.'));
    expect(configError(rule, wrapper('@acme/live', ''))).toBe(
      schemaError(rule, 'Value "" should NOT be shorter than 1 characters.'),
    );
  });

  it('no-unbounded-reconnect: requirements that are not booleans', () => {
    expect(configError(RECONNECT, { requireBackoff: 1 })).toBe(schemaError(RECONNECT, 'Value 1 should be boolean.'));
    expect(configError(RECONNECT, { requireJitter: 'yes' })).toBe(schemaError(RECONNECT, 'Value "yes" should be boolean.'));
  });

  it('no-unbounded-reconnect: `minRetryMs` negative, fractional, a string, null', () => {
    expect(configError(RECONNECT, { minRetryMs: -1 })).toBe(schemaError(RECONNECT, 'Value -1 should be >= 0.'));
    expect(configError(RECONNECT, { minRetryMs: 1.5 })).toBe(schemaError(RECONNECT, 'Value 1.5 should be integer.'));
    expect(configError(RECONNECT, { minRetryMs: '1000' })).toBe(schemaError(RECONNECT, 'Value "1000" should be integer.'));
    expect(configError(RECONNECT, { minRetryMs: null })).toBe(schemaError(RECONNECT, 'Value null should be integer.'));
  });
});

describe('incomplete wrappers and helpers', () => {
  it.each(ALL)('%s: a wrapper without `module`', (rule) => {
    expect(configError(rule, { wrappers: [{ export: 'openStream' }] })).toBe(
      schemaError(rule, `Value {"export":"openStream"} should have required property 'module'.`),
    );
  });

  it.each(ALL)('%s: a wrapper without `export`', (rule) => {
    expect(configError(rule, { wrappers: [{ module: '@acme/live' }] })).toBe(
      schemaError(rule, `Value {"module":"@acme/live"} should have required property 'export'.`),
    );
  });

  it.each([IN_LOOP, PER_ITEM] as const)('%s: `sharedHelper` without `module`', (rule) => {
    expect(configError(rule, { sharedHelper: { export: 'sharedEventSource' } })).toBe(
      schemaError(rule, `Value {"export":"sharedEventSource"} should have required property 'module'.`),
    );
  });
});

describe('module names that no import can match', () => {
  // ESLint prints the whole pattern after this; the value it quotes is what matters to a user.
  const patternError = (rule: RuleId, value: string): string =>
    `Key "rules": Key "${rule}":\n\tValue ${JSON.stringify(value)} should match pattern "`;

  it.each(ALL)('%s: an empty module name', (rule) => {
    expect(configError(rule, wrapper(''))).toBe(schemaError(rule, 'Value "" should NOT be shorter than 1 characters.'));
  });

  const malformed = [
    ['blank', '   '],
    ['a tab', '\t'],
    ['leading whitespace', ' @acme/live'],
    ['trailing whitespace', '@acme/live '],
    ['a trailing line break', './live\n'],
    ['a space in a package name', 'acme live'],
    ['a space after the scope', '@acme/ live'],
    ['a dot that is not a relative path', '.live'],
    ['three dots', '...'],
    ['a control character', 'acme\u0000live'],
  ] as const;

  for (const rule of ALL) {
    it.each(malformed)(`${rule}: a wrapper module with %s`, (_what, module) => {
      expect(configError(rule, wrapper(module)).startsWith(patternError(rule, module))).toBe(true);
    });
  }

  it.each(malformed)('no-eventsource-per-item: a `sharedHelper` module with %s', (_what, module) => {
    const message = configError(PER_ITEM, { sharedHelper: { module, export: 'sharedEventSource' } });
    expect(message.startsWith(patternError(PER_ITEM, module))).toBe(true);
  });

  it('says the same in an inline configuration comment, as a lint message on the comment', () => {
    const code = '/* eslint sse/no-eventsource-in-loop: ["error", { "wrappers": [{ "module": " ", "export": "open" }] }] */\nnew EventSource(url);';
    const messages = lintWith(plugin, code, { filename: 'file.ts', rules: 'none' });
    expect(findings(messages)).toEqual([{ ruleId: IN_LOOP, messageId: undefined, line: 1, column: 1 }]);
    expect(messages[0]!.message.startsWith(`Inline configuration for rule "${IN_LOOP}" is invalid:\n\tValue " " should match pattern "`)).toBe(true);
  });
});

describe('module names that are valid', () => {
  // Each is something an import can say: packages, subpaths, relative and absolute paths
  // (spaces are allowed there, as in file names), bundler and tsconfig aliases, Node subpath
  // imports, URLs. Bare names are not held to npm's lowercase rule: `baseUrl` imports such as
  // `Components/LiveFeed` and older packages such as `JSONStream` use capitals.
  const accepted = [
    'eventsource',
    '@acme/live',
    '@acme/live/client',
    'lodash.debounce',
    './live.js',
    '../',
    '.',
    '..',
    '/src/live.js',
    './my feeds/live.js',
    './worker.js?worker',
    '@/lib/live',
    '~/lib/live',
    '#live',
    '$lib/live',
    'Components/LiveFeed',
    'JSONStream',
    'virtual:live',
    'https://esm.sh/live@1',
  ];

  it.each(accepted)('%s: accepted, and the wrapper it names is recognised', (module) => {
    const code = `import { openStream } from ${JSON.stringify(module)};\nfor (const id of ids) openStream(id);\n`;
    const messages = lintWith(plugin, code, { filename: 'file.js', ruleEntries: { [IN_LOOP]: ['error', wrapper(module)] } });
    expect(findings(messages)).toEqual([{ ruleId: IN_LOOP, messageId: 'streamInLoop', line: 2, column: 23 }]);
  });

  it('an inline configuration comment with valid options is applied', () => {
    const code = `/* eslint sse/no-eventsource-in-loop: ["error", { "iterationMethods": ["eachRow"] }] */\ngrid.eachRow((row) => new EventSource(row.url));\nrows.map((row) => new EventSource(row.url));`;
    // `eachRow` replaces the default list, so `.map` no longer counts.
    expect(findings(lintWith(plugin, code, { filename: 'file.js', rules: 'none' }))).toEqual([
      { ruleId: IN_LOOP, messageId: 'streamInLoop', line: 2, column: 23 },
    ]);
  });
});
