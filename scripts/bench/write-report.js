#!/usr/bin/env node
/**
 * Writes `docs/benchmarks.md` and its charts (`docs/benchmarks/*.svg`) from the results of
 * `npm run bench` (`node scripts/bench.js --json`), so that the page always shows one run's
 * figures together with the machine and the versions that produced them.
 *
 *   node scripts/bench/write-report.js docs/benchmarks/results.json
 *
 * `npm run bench -- --write-docs` measures every part and then does this itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineChart } from './svg-chart.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DOC = path.join(root, 'docs/benchmarks.md');
const CHART_DIR = path.join(root, 'docs/benchmarks');

// Rounds to `digits` and never prints "-0".
const number = (value, digits = 0) =>
  (Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** A median with its range; a single run has no range to show. */
const range = ({ median, min, max }, digits = 0, unit = '') =>
  min === max ? `${number(median, digits)}${unit}` : `${number(median, digits)}${unit} (${number(min, digits)}–${number(max, digits)})`;
/** `topicEventDecodeNanoseconds` → `topic event decode`, with its unit. */
function floorEntry(name, value) {
  const unit = name.endsWith('Nanoseconds') ? ' ns' : name.endsWith('EventsPerSecond') ? ' events/s' : '';
  const label = name.replace(/Nanoseconds$|EventsPerSecond$/, '').replace(/([A-Z])/g, ' $1').toLowerCase();
  return `${label} ${range(value, 0, unit)}`;
}
/** What a stream per subscriber, the naive page's shape, gets and costs beside the hub at 1,000 topics. */
function plainStreamsNote(routing) {
  const hub = routing.find((row) => row.transport === 'hub' && row.subscribersPerTopic === 1);
  const plain = routing.find((row) => row.transport === 'per-subscriber' && row.subscribersPerTopic === 1);
  const cost = `it holds ${number(plain.physicalStreams)} connections, where a browser gives a page 6 per origin`;
  return plain.eventsPerSecond.median > hub.eventsPerSecond.median
    ? `A stream per subscriber routes nothing, so it moves more events per second in Node, but ${cost}.`
    : `A stream per subscriber routes nothing, and still moves fewer events per second in Node here than the hub; ${cost}.`;
}
const verdict = (met) => (met ? '**met**' : '**not met**');

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function machineSection(results) {
  const m = results.machine;
  return [
    '## Machine and versions',
    '',
    table(
      ['', ''],
      [
        ['measured', m.date],
        ['CPU', `${m.cpus} × ${m.cpuModel}`],
        ['memory', `${number(m.memoryGiB, 1)} GiB`],
        ['load average at start / end', `${m.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} / ${m.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')}`],
        ['OS', m.platform],
        ...Object.entries(m.versions).map(([name, version]) => [name, version]),
      ],
    ).replace('| --- | ---: |', '| --- | --- |'),
    '',
    provenance(m),
    '',
    'A shared 2-core machine: figures move by tens of percent from run to run, so every figure is a median of several runs with its range, and ratios measured in the same run mean more than absolute times.',
  ].join('\n');
}

/** Which run the page's sections come from: one whole run, or one whole run with parts measured again later. */
function provenance(machine) {
  if (!machine.command) return 'The sections below come from several runs; each gives its own date and load.';
  const later = machine.remeasured ?? [];
  return later.length === 0
    ? `Every section below comes from this one run (\`${machine.command}\`), its parts measured one after another with nothing else running; each section gives the date and load of its own part.`
    : `Every section below comes from this one run (\`${machine.command}\`), except ${later.map((part) => `\`${part}\``).join(', ')}, measured again later with \`--update-docs\` (dated in its section).`;
}

function targetsSection(results) {
  const rows = [];
  if (results.lint) {
    const { lint } = results;
    rows.push([
      `the \`recommended\` rules together ≤ \`${lint.reference.rule}\` per file, on the same real code in the same run`,
      `${lint.recommendedToReference.toFixed(2)}× (${number(lint.recommended.microsecondsPerFile, 1)} µs against ${number(lint.reference.microsecondsPerFile, 1)} µs per file)`,
      verdict(lint.met),
    ]);
  }
  if (results.sfcCost) {
    const frameworks = Object.entries(results.sfcCost.frameworks);
    rows.push([
      'a component without a stream name costs the rules no more than a `.ts` file of the same script',
      frameworks.map(([framework, f]) => `.${framework} ${f.ruleRatio.toFixed(2)}× (${number(f.sfc.plugin.ruleMs.median, 1)} ms against ${number(f.ts.plugin.ruleMs.median, 1)} ms)`).join('; '),
      verdict(frameworks.every(([, f]) => f.ruleRatio <= 1)),
    ]);
  }
  if (results.typeAware?.targets) {
    const { targets, limits } = results.typeAware;
    const percent = (ratio) => `${ratio >= 1 ? '+' : '−'}${number(Math.abs(ratio - 1) * 100, 1)}%`;
    rows.push([
      `type-aware mode ≤ +${number((limits.cpuOverBaseline - 1) * 100)}% CPU, ≤ +${number((limits.memoryOverBaseline - 1) * 100)}% peak memory over a typed lint without rules; ≤ +${number((limits.overTseslint - 1) * 100)}% beside typescript-eslint's \`recommended-type-checked\``,
      `CPU ${percent(targets.cpuOverBaseline)}, memory ${percent(targets.memoryOverBaseline)}; beside: CPU ${percent(targets.cpuOverTseslint)}, memory ${percent(targets.memoryOverTseslint)}`,
      verdict(targets.met),
    ]);
  }
  if (results.lintScaling) rows.push([`dense input: ${results.lintScaling.growth.size}× the size in ≤ ${results.lintScaling.limit}× the time`, `${results.lintScaling.growth.plugin.toFixed(1)}×`, verdict(results.lintScaling.met)]);
  if (results.codemod) {
    const plain = results.codemod.nonCandidate;
    rows.push(['codemod ≥ 1,000 files/s of non-candidate code, < 1 GiB', `${number(plain.filesPerSecond.median)} files/s, ${number(plain.maxRssMiB.median)} MiB`, verdict(plain.filesPerSecond.median >= 1000 && plain.maxRssMiB.median < 1024)]);
  }
  if (results.hubBrowser) {
    const { target } = results.hubBrowser;
    rows.push([`hub in Chromium with 100 topics ≥ ${target.hubToNative}× one native \`EventSource\``, `${target.measured.toFixed(2)}×`, verdict(target.met)]);
  }
  if (results.hub) {
    const { target } = results.hub;
    rows.push([
      `hub ≥ 1,000,000 events per CPU-second in Node and ≥ 0.9× a stream per subscriber (${target.scenario})`,
      `${number(target.measured)} events per CPU-second, ${target.measuredToPlain.toFixed(2)}×`,
      verdict(target.met),
    ]);
  }
  if (results.installSize) {
    const { plugin } = results.installSize;
    rows.push([`the plugin adds ≤ ${megabytes(plugin.limitBytes)} to a JavaScript project with ESLint`, `+${megabytes(plugin.addedBytes)}`, verdict(plugin.addedBytes <= plugin.limitBytes)]);
  }
  return ['## Targets', '', table(['target', 'measured', 'verdict'], rows)].join('\n');
}

const loadAverages = (measured) =>
  `load average ${measured.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${measured.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end`;

/** The lint part (`lint-cost.js`): the peer table, the first-rule probes and the whole lint. */
function realCodeLines(lint) {
  const µs = (value) => number(value, 1);
  const sseRow = (label, set) => [`**${label}**`, '', `**${µs(set.microsecondsPerFile)}**`, `**${number(set.ms, 1)}**`];
  const way = (name) => lint.firstRule.find((row) => row.way === name);
  const [none, nothing, context, text] = ['none', 'touches-nothing', 'reads-context', 'reads-text'].map(way);
  const { realistic } = lint;
  const seconds = (spread) => range({ median: spread.median / 1000, min: spread.min / 1000, max: spread.max / 1000 }, 2);
  const signed = (ratio) => `${ratio >= 0 ? '+' : '−'}${number(Math.abs(ratio) * 100, 1)}%`;
  const share = (spread) => `${signed(spread.median)} (${signed(spread.min)} to ${signed(spread.max)})`;
  const crossesZero = (spread) => spread.min < 0 && spread.max > 0;
  const runSums = (sums) => `${number(Math.min(...sums), 1)}–${number(Math.max(...sums), 1)} ms`;
  return [
    `### Real code beside peer rules: ${number(lint.files)} files (${Object.entries(lint.byExtension)
      .map(([extension, count]) => `${number(count)} \`.${extension}\``)
      .join(', ')})`,
    '',
    `ESLint's, typescript-eslint's and Vitest's sources from \`node_modules\`, and react-admin's core (\`ra-core\` ${lint.versions['ra-core']}, ${number(lint.reactFiles)} of the files: TypeScript with JSX and hooks), all parsed by typescript-eslint's parser with JSX on. Every rule below is on in the same lint of each file, so each sees the same moments of the machine; ESLint's own per-rule times (\`stats: true\`, the API behind \`eslint --stats\`: a rule's \`create()\` and its listeners). Per-file minimum of ${lint.runs} runs: each rule keeps, per file, its lowest time of any run, and those are summed, so that a busy moment of this shared machine lands on no rule's total (the plain sums per run moved ${runSums(lint.runSums.recommendedMs)} for the \`recommended\` rules and ${runSums(lint.runSums.referenceMs)} for \`${lint.reference.rule}\`). Measured alone on ${lint.measured.date}, ${loadAverages(lint.measured)}; eslint-plugin-react ${lint.versions['eslint-plugin-react']}, eslint-plugin-react-hooks ${lint.versions['eslint-plugin-react-hooks']}: \`npm run bench -- lint\`. Parsing took ${number((lint.parseMs * 1000) / lint.files)} µs per file.`,
    '',
    table(
      ['rule', 'rank', 'µs per file', 'ms in all'],
      [
        ...lint.ranked.map((row, index) => [`\`${row.rule}\``, String(index + 1), µs(row.microsecondsPerFile), number(row.ms, 1)]),
        sseRow('`sse` `recommended`, together', lint.recommended),
        ...(lint.all ? [sseRow('`sse` `all`, together', lint.all)] : []),
      ],
    ),
    '',
    `The \`recommended\` rules together cost ${lint.recommendedToReference.toFixed(2)}× what \`${lint.reference.rule}\` costs per file here: ${verdict(lint.met)}. Findings on this corpus: ${
      Object.keys(lint.findings).length === 0
        ? 'none'
        : Object.entries(lint.findings)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([rule, count]) => `\`${rule}\` ${number(count)}`)
            .join(', ')
    }.`,
    '',
    `**The first rule on a file.** The first rule ESLint runs on a file costs more than it would later in the list. Each file was therefore linted four ways, taking turns, with a probe rule put first that returns no listener: one that touches nothing, one that reads \`context.sourceCode\` and \`context.filename\`, one that reads \`context.sourceCode.text\`, and none. A second probe, which reads what \`reads-context\` reads, comes next in every way, then the rules above. The table's figures are those of the way whose first probe reads the context, so that no compared rule pays for being first.`,
    '',
    table(
      ['rule put first', 'first probe µs per file', 'second probe µs per file', 'compared rules µs per file'],
      lint.firstRule.map((row) => [
        row.way === 'none' ? 'none (the second probe is first)' : `\`${row.way}\``,
        row.firstMicroseconds === null ? '—' : µs(row.firstMicroseconds),
        µs(row.secondMicroseconds),
        µs(row.comparedMicroseconds),
      ]),
    ),
    '',
    `The second probe costs ${µs(none.secondMicroseconds)} µs per file when it is first and ${µs(context.secondMicroseconds)} µs after a rule that read the context: being the first rule to touch the context costs about ${µs(none.secondMicroseconds - context.secondMicroseconds)} µs per file, ${number(((none.secondMicroseconds - context.secondMicroseconds) * lint.files) / 1000, 1)} ms over these ${number(lint.files)} files. After a first rule that touches nothing, that rule costs ${µs(nothing.firstMicroseconds)} µs and the second probe ${µs(nothing.secondMicroseconds)} µs. Reading the text is no extra cost (a plain property): the probe that reads it costs ${µs(text.firstMicroseconds)} µs, the one that reads only the context ${µs(context.firstMicroseconds)} µs.`,
    '',
    `**Added to a whole lint.** The same files linted as a React and TypeScript project lints them (${realistic.configs.join(', ')}), with and without \`sse.configs.recommended\`, each lint a fresh Node process (loading the plugin included), the two taking turns; median of ${realistic.runs} rounds (range), the added share taken round by round.`,
    '',
    table(
      ['whole lint', 'wall s', 'CPU s', 'findings'],
      [
        ['without the plugin', seconds(realistic.without.wallMs), seconds(realistic.without.cpuMs), number(realistic.findings.total)],
        ['with `sse.configs.recommended`', seconds(realistic.with.wallMs), seconds(realistic.with.cpuMs), `${number(realistic.findings.total)} + ${number(realistic.findings.sse)} \`sse/\``],
      ],
    ),
    '',
    `The plugin adds ${share(realistic.addedWall)} wall time (${realistic.addedWallMs >= 0 ? '+' : '−'}${number(Math.abs(realistic.addedWallMs))} ms) and ${share(realistic.addedCpu)} CPU time to the whole lint${realistic.problems.length === 0 ? ", and changes no other rule's findings" : ''}.${
      crossesZero(realistic.addedWall) || crossesZero(realistic.addedCpu) ? " A range that crosses zero is this shared machine's noise between processes, not a saving." : ''
    } ${wholeLintNoise(lint)}${lint.problems.length === 0 ? '' : ` Problems: ${lint.problems.join('; ')}.`}`,
  ];
}

/**
 * What the rules' own time is beside the whole lint, and how far the lint without them moved
 * between its own runs: two fresh processes differ by more on this machine than the rules cost.
 */
function wholeLintNoise({ recommended, realistic }) {
  const { median, min, max } = realistic.without.cpuMs;
  return `ESLint's per-rule times above put the \`recommended\` rules at ${number(recommended.ms, 1)} ms over these files, ${number((recommended.ms / median) * 100, 2)}% of the whole lint's CPU time (a per-file minimum, which leaves out what a rule pays once per process). The lint without the plugin alone took ${number(min / 1000, 1)}–${number(max / 1000, 1)} s of CPU over its ${realistic.runs} runs (${percentChange(min / median)} to ${percentChange(max / median)} of its median), so the share between two processes measures this machine's drift as much as the plugin.`;
}

function lintSection(results, charts) {
  const out = ['## 1. Lint cost'];
  const { lint, lintScaling, lintConcurrency, typeAware } = results;
  if (lint) out.push('', ...realCodeLines(lint));
  if (lintScaling) {
    out.push(
      '',
      '### Dense generated files at 1×, 4× and 16×',
      '',
      `Files made of loops, \`.map()\` callbacks, per-item components, effects, reconnecting error handlers and \`retry:\` fields (\`scripts/bench/dense-code.js\`), linted ${lintScaling.runs} times each; medians.`,
      '',
      table(
        ['scale', 'lines', 'parse ms', 'all `sse/` rules ms', ...Object.keys(lintScaling.rows[0].ruleMs).map((rule) => `\`${rule.replace('sse/', '')}\` ms`)],
        lintScaling.rows.map((row) => [`${row.scale}×`, number(row.lines), number(row.parseMs, 1), number(row.pluginMs, 1), ...Object.values(row.ruleMs).map((ms) => number(ms, 1))]),
      ),
      '',
      `${lintScaling.growth.size}× the size took ${lintScaling.growth.plugin.toFixed(1)}× the time for the whole plugin (target ≤ ${lintScaling.limit}×). Per rule: ${Object.entries(lintScaling.growth.byRule).map(([rule, ratio]) => `\`${rule}\` ${ratio.toFixed(1)}×`).join(', ')}. The 1× figures carry each rule's fixed cost per file, so growth below 16× is not a sign of a faster rule.`,
      '',
      `![Lint time against file size](${charts.scaling})`,
    );
  }
  if (lintConcurrency) {
    out.push(
      '',
      '### The whole run with `--concurrency`',
      '',
      `The ESLint CLI over the real code plus ${lintConcurrency.denseFiles ?? 'some'} dense files, wall time from spawn to exit, median of ${lintConcurrency.runs} runs (range):`,
      '',
      table(['mode', 'wall s', 'messages'], lintConcurrency.modes.map((mode) => [`\`--concurrency ${mode.mode}\``, range(mode.seconds, 2), number(mode.findings)])),
      '',
      lintConcurrency.problems.length === 0
        ? 'Every mode reported exactly the same messages: the rules keep their per-file state in WeakMaps keyed by the file, so worker threads change nothing.'
        : `Modes disagreed: ${lintConcurrency.problems.join('; ')}.`,
      lintConcurrency.autoWorkers === 0
        ? `On this ${lintConcurrency.cpus}-CPU machine ESLint's \`auto\` starts no worker thread (it uses at most half the cores, and never just one), so \`auto\` is \`off\`; \`2\` starts two threads, which here compete with each other and with the main thread for two cores, so it is slower. The point of the row is that the rules run unchanged in workers.`
        : '',
    );
  }
  if (typeAware) out.push('', typeAwareSubsection(typeAware));
  if (results.sfcCost) out.push('', sfcCostSubsection(results.sfcCost));
  return out.join('\n');
}

/** What type-aware mode adds to a typed lint, beside the two baselines of issue 16. */
function typeAwareSubsection(typeAware) {
  const { project, variants, targets, limits, measured } = typeAware;
  const findings = (variant) =>
    Object.entries(variant.findings)
      .map(([id, count]) => `${count} \`${id}\``)
      .join(', ') || 'none';
  const percent = (ratio) => `${ratio >= 1 ? '+' : '−'}${number(Math.abs(ratio - 1) * 100, 1)}%`;
  const limit = (ratio) => `+${number((ratio - 1) * 100)}%`;
  return [
    '### Type-aware mode',
    '',
    `A generated TypeScript project (\`scripts/bench/type-aware-cost.js\`, seed ${project.seed}): ${number(project.files)} files, ${number(project.lines)} lines — ${project.helpers} helper modules, ${project.hooks} hooks, ${project.components} components behind a barrel, ${project.pages} pages — where streams open in helpers and are reached through hooks and components in other files. Each variant is one typed lint (\`projectService\`) in a fresh process, the variants interleaved; median of ${typeAware.runs} runs (range), measured on ${measured.date} (load average ${measured.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${measured.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end, on 2 shared cores: CPU time moves less than wall time): \`npm run bench -- type-aware\`. Peak memory is the process's maximum resident set, Node and its modules included. Wall and CPU time rather than ESLint's per-rule times, which charge lazy type-checker work to whichever rule asks first.${targets.pairedRunByRun ? ` Each percentage below is the median of the ratios run by run: the two lints of a ratio run ${pairingOf(typeAware).lints}, so that a burst of load from another process lifts both rather than one median.` : ''}${targets.cpuOverBaselineRuns ? ` Run by run, the CPU ratio over the typed lint without rules ranged ${percent(targets.cpuOverBaselineRuns.min)} to ${percent(targets.cpuOverBaselineRuns.max)}, beside typescript-eslint's ${percent(targets.cpuOverTseslintRuns.min)} to ${percent(targets.cpuOverTseslintRuns.max)}: a verdict near a limit can change from one measurement to the next.` : ''}`,
    '',
    table(
      ['variant', 'lint wall ms', 'CPU ms', 'peak MiB', 'findings'],
      [
        ['typed lint, no rules', variants.baseline],
        ['`no-eventsource-in-loop` and `no-eventsource-per-item` with `typeAware: false`', variants.syntactic],
        ["the plugin's `recommended-type-checked`", variants['type-aware']],
        ["typescript-eslint's `recommended-type-checked`", variants.tseslint],
        ['both', variants['tseslint+sse']],
      ].map(([label, variant]) => [label, range(variant.lintMs), range(variant.cpuMs), range(variant.peakMiB), findings(variant)]),
    ),
    '',
    `The plugin's type-aware rules add ${percent(targets.cpuOverBaseline)} CPU and ${percent(targets.memoryOverBaseline)} peak memory to the typed lint without rules (targets ${limit(limits.cpuOverBaseline)} and ${limit(limits.memoryOverBaseline)}), and ${percent(targets.cpuOverTseslint)} CPU and ${percent(targets.memoryOverTseslint)} peak memory beside typescript-eslint's \`recommended-type-checked\` (target ${limit(limits.overTseslint)}): ${verdict(targets.met)}. Over the syntactic rules, type-aware mode adds ${number(typeAware.typeAwareAddedCpuMs)} ms of CPU (${typeAware.typeAwareOverSyntacticCpu.toFixed(2)}×) and ${number(typeAware.typeAwareAddedMs)} ms of wall time. It summarised ${number(typeAware.declarationsSummarised)} declarations and read each body once (${number(typeAware.declarationWalks)} reads). The syntactic rules find nothing in this project: every stream is in another file. The type checker is not what type-aware mode adds: typescript-eslint builds it for every file it parses with a program, binding every file of the project (\`lib.dom.d.ts\` included) in the typed lint without rules too. The plugin's rules ask it only in a file with a candidate for type-aware mode (a call of an imported function in a loop, a component rendered per item, an imported opener in an error handler, a stream URL to compare across files), never in a file without one; what they add is their own reading of the files their candidates lead to.`,
  ].join('\n');
}

/** Vue and Svelte components without a stream name against `.ts` files of the same script (issue 12). */
function sfcCostSubsection(sfcCost) {
  const { measured } = sfcCost;
  const label = { vue: 'Vue', svelte: 'Svelte' };
  const rows = Object.entries(sfcCost.frameworks).flatMap(([framework, f]) => [
    [`\`.${framework}\` (${label[framework]} components)`, f.sfc.plugin, f.sfc.off, f.addedWallMs.sfc],
    [`\`.ts\`, the same scripts`, f.ts.plugin, f.ts.off, f.addedWallMs.ts],
  ]);
  return [
    '### Single-file components without a stream name',
    '',
    `${number(sfcCost.files)} generated components per framework (\`scripts/bench/sfc-corpus.js\`, seed ${sfcCost.seed}: cards that format their item through helpers and a composable, lists that fetch and render an imported card per item under \`v-for\` / \`{#each}\`, forms with a loop over options, detail views), none naming a stream, each beside a \`.ts\` file holding exactly its script's code. Linted in-process through their framework's parser (typescript-eslint's for \`lang="ts"\`) with \`sse.configs.vue\` / \`sse.configs.svelte\`, the \`.ts\` files with \`sse.configs.recommended\`, and each without the plugin; a fresh copy of the files per run, so that imported components are read from disk as in one CLI run. Median of ${sfcCost.runs} runs (range), measured on ${measured.date} (load average ${measured.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start; ${Object.entries(measured.versions).map(([name, version]) => `${name} ${version}`).join(', ')}): \`npm run bench -- sfc\`.`,
    '',
    table(
      ['files', '`sse/` rules ms', 'parse ms', 'wall ms, plugin', 'wall ms, no plugin', 'wall added ms'],
      rows.map(([name, plugin, off, added]) => [name, range(plugin.ruleMs, 1), range(plugin.parseMs), range(plugin.wallMs), range(off.wallMs), range(added)]),
    ),
    '',
    ...Object.entries(sfcCost.frameworks).flatMap(([framework, f]) => {
      const perItem = f.sfc.plugin.byRule['sse/no-eventsource-per-item'];
      return [
        `${label[framework]}: the rules took ${f.ruleRatio.toFixed(2)}× on the components what they took on the same scripts as \`.ts\`. \`no-eventsource-per-item\` took ${number(perItem, 1)} ms of the ${number(f.sfc.plugin.ruleMs.median, 1)}, the other rules ${number(f.sfc.plugin.ruleMs.median - perItem, 1)} ms, against ${number(f.ts.plugin.ruleMs.median, 1)} ms for all of them on the \`.ts\` files. Parsing a component took ${(f.sfc.plugin.parseMs.median / f.ts.plugin.parseMs.median).toFixed(1)}× parsing its script alone.`,
        '',
      ];
    }),
    'By kind of component, the `sse/` rules\' ms on the components and on the same scripts as `.ts` (medians of the runs, ratio):',
    '',
    table(
      ['framework', ...Object.keys(Object.values(sfcCost.frameworks)[0]?.byKind ?? {}).map((kind) => `${kind}s`)],
      Object.entries(sfcCost.frameworks).map(([framework, f]) => [
        label[framework],
        ...Object.values(f.byKind ?? {}).map((k) => `${number(k.sfcMs, 1)} / ${number(k.tsMs, 1)} (${k.ratio.toFixed(2)}×)`),
      ]),
    ),
    '',
    'No template is walked and no component parsed on these files: every rule stops at the text prefilter, and `no-eventsource-per-item` walks a list\'s template only when a component file it imports, or that file\'s relative composables, names a stream. What it does before deciding is read those files: a list that imports `.vue` / `.svelte` files reads each (and each composable they import) from disk once per process, a `stat` per file per lint after that, to learn whether it can open a stream. The `.ts` files import no component and read nothing. That reading is what finds a row that opens a stream in its own file, the commonest per-item shape of Vue and Svelte code; the lists are where the difference is. Wall times include parsing and move by tens of percent from run to run on this shared machine; the rule times come from ESLint\'s own `stats`.',
  ].join('\n');
}

function codemodSection(results) {
  const c = results.codemod;
  if (!c) return '';
  const rows = [
    ['dry run `--json` (default jobs)', c.dryRun.defaultJobs],
    ['dry run `--json --jobs 1`', c.dryRun.jobs1],
    ['`--write`', c.write],
    ['non-candidate tree, dry run', c.nonCandidate],
    ['stream-heavy tree, default jobs', c.streamHeavy.defaultJobs],
    ['stream-heavy tree, `--jobs 1`', c.streamHeavy.jobs1],
    ...Object.entries(c.eslint ?? {}).map(([mode, figures]) => [`ESLint with the plugin, \`--concurrency ${mode}\``, figures]),
  ];
  const tree = (r) => `${number(r.files)} files (${number(r.streamFiles)} open streams), ${number(r.lines)} lines, ${number(r.bytes / 2 ** 20, 1)} MiB`;
  return [
    '## 2. Codemod throughput',
    '',
    `Generated repositories (\`scripts/bench/generate-repository.js\`, seeded): the main tree has ${tree(c.repository)}; the non-candidate tree ${tree(c.nonCandidate.repository)}; the stream-heavy tree ${tree(c.streamHeavy.repository)}. Each command is a child process timed from spawn to exit; peak RSS covers worker threads. Median of ${c.runs} runs (range).`,
    '',
    table(
      ['scenario', 'wall s', 'files/s', 'peak RSS MiB', 'threads'],
      rows.map(([label, f]) => [
        label,
        range({ median: f.wallMs.median / 1000, min: f.wallMs.min / 1000, max: f.wallMs.max / 1000 }, 2),
        f.filesPerSecond ? range(f.filesPerSecond) : '',
        f.maxRssMiB ? range(f.maxRssMiB) : '',
        String(f.workerThreads ?? ''),
      ]),
    ),
    '',
    `ESLint ran once per mode (two to three minutes a pass here). The second \`--check\` run after \`--write\` took ${number(c.write.secondRun.wallMs.median / 1000, 2)} s and found ${c.write.secondRun.counts.changed} files to change. ESLint parses every file of the tree; the codemod parses only the files whose text mentions a stream.`,
  ].join('\n');
}

/** The hub in Chromium (`npm run bench -- hub-browser`), as a subsection's lines; none before it was measured. */
function hubBrowserLines(hubBrowser) {
  if (!hubBrowser) return [];
  const load = (averages) => averages.map((v) => v.toFixed(2)).join(' ');
  return [
    '### In Chromium',
    '',
    `Events delivered to a page's handlers per second in Chromium ${hubBrowser.chromium} (the proof's browser), ${number(hubBrowser.events)} per shape over HTTP/1.1 from 127.0.0.1. The server is scripted: each stream's bytes are formatted before the page subscribes and written as fast as the socket takes them, and the hub's endpoint speaks the multiplex protocol without the server multiplexer's own work per event (\`npm run bench -- fanout\` measures that), so these are the browser's side alone. Each run is a fresh browser context; the shapes take turns, run by run, and each ratio is taken within a round. Median of ${hubBrowser.runs} runs after a warm-up (range), measured on ${hubBrowser.machine.date} (load average ${load(hubBrowser.machine.loadAverageAtStart)} at start, ${load(hubBrowser.machine.loadAverageAtEnd)} at end): \`npm run bench -- hub-browser\`.`,
    '',
    table(
      ['shape', 'connections', 'events/s delivered', '× one native `EventSource`'],
      hubBrowser.shapes.map((shape) => [
        shape.label.replace('EventSource', '`EventSource`'),
        number(shape.streams),
        range(shape.eventsPerSecond),
        shape.key === 'native1' ? '1' : range(hubBrowser.toNative[shape.key], 2, '×'),
      ]),
    ),
    '',
    `The 100 native streams are closed one by one as each gets its share; on HTTP/1.1 only six are open at a time, the rest wait for a free connection, as a page's would.`,
    '',
  ];
}

function hubSection(results, charts) {
  const { hub, hubSize } = results;
  const out = ['## 3. Hub'];
  if (hubSize) {
    out.push('', `The browser module as a bundler ships it (esbuild, minified ESM): **${number(hubSize.minifiedBytes)} B**, **${number(hubSize.gzipBytes)} B gzip**.`);
  }
  if (!hub) return out.join('\n');
  const count = (value) => number(value);
  out.push(
    '',
    `In Node, against a scripted \`fetch\` whose body is the real wire format in 64 KiB reads: every figure covers the read, UTF-8 decoding, event-stream parsing, routing by topic number and a \`MessageEvent\` to each subscriber's \`onmessage\`. Median of ${hub.runs} runs after a warm-up (range); the hub and a stream per subscriber take turns, run by run${hub.machine.date ? `, measured on ${hub.machine.date} (load average ${hub.machine.loadAverageAtStart.map((v) => v.toFixed(2)).join(' ')} at start, ${hub.machine.loadAverageAtEnd.map((v) => v.toFixed(2)).join(' ')} at end): \`npm run bench -- hub\`` : ''}. Events per CPU-second count every thread of the process, the garbage collector's included.`,
    '',
    table(
      ['routing', 'events', 'events/s', 'events per CPU-second', 'deliveries/s', 'connections'],
      hub.routing.map((row) => [
        `${row.transport === 'hub' ? 'hub (multiplex)' : 'a stream per subscriber'}: ${count(row.topics)} topic${row.topics === 1 ? '' : 's'} × ${count(row.subscribersPerTopic)}`,
        count(row.events),
        range(row.eventsPerSecond),
        row.eventsPerCpuSecond ? range(row.eventsPerCpuSecond) : '—',
        range(row.deliveriesPerSecond),
        count(row.physicalStreams),
      ]),
    ),
    '',
    `The hub against a stream per subscriber, per CPU-second, run by run: ${hub.routing
      .filter((row) => row.toPlainPerCpu)
      .map((row) => `${range(row.toPlainPerCpu, 2, '×')} for ${count(row.topics)} topic${row.topics === 1 ? '' : 's'} × ${count(row.subscribersPerTopic)}`)
      .join('; ')}.`,
    '',
    `Per-event floor in this runtime, measured apart: ${Object.entries(hub.floor)
      .map(([name, value]) => floorEntry(name, value))
      .join('; ')}. ${plainStreamsNote(hub.routing)}`,
    '',
    ...hubBrowserLines(results.hubBrowser),
    table(['subscribe + unsubscribe', 'µs per pair', 'POSTs'], hub.churn.map((row) => [row.mode === 'multiplex' ? 'multiplex: a new topic each' : 'dedupe: joining one open stream', range(row.microsecondsPerPair, 1), count(row.posts)])),
    '',
    table(
      ['memory per subscription', 'bytes held', 'bytes left after unsubscribing'],
      hub.memory.map((row) => [`${row.mode}: ${count(row.subscriptions)} held`, range(row.bytesPerSubscription), range(row.bytesLeftPerSubscription)]),
    ),
    '',
    '### Connections against subscribers',
    '',
    table(
      ['subscribers', 'naive (one `EventSource` each)', 'hub, dedupe', 'hub, multiplex'],
      hub.connections.subscribers.map((subscribers, index) => [
        `${count(subscribers)} on distinct URLs`,
        count(hub.connections.distinctUrls.naive[index]),
        count(hub.connections.distinctUrls.dedupe[index]),
        count(hub.connections.distinctUrls.multiplex[index]),
      ]).concat(
        hub.connections.subscribers.map((subscribers, index) => [
          `${count(subscribers)} on one URL`,
          count(hub.connections.sameUrl.naive[index]),
          count(hub.connections.sameUrl.dedupe[index]),
          count(hub.connections.sameUrl.multiplex[index]),
        ]),
      ),
    ),
    '',
    `![Connections against subscribers](${charts.connections})`,
    '',
    'Naive connections are counted through a stand-in `EventSource` constructor (one per subscriber by construction), not in a browser; the browser proof (`npm run proof`) shows the same in Chromium: 6 stalled connections for the naive page, 1 for the hub.',
  );
  return out.join('\n');
}

function oxlintAndEditorSection(results) {
  const { oxlint, editor } = results;
  if (!oxlint && !editor) return '';
  const seconds = ({ median, min, max }) => range({ median: median / 1000, min: min / 1000, max: max / 1000 }, 2);
  const out = ['## 4. oxlint and the editor'];
  if (oxlint) {
    out.push(
      '',
      '### oxlint',
      '',
      `The \`recommended\` rules through oxlint's JavaScript plugins (\`jsPlugins\`, see [oxlint.md](oxlint.md)) against the ESLint CLI, on the same files, each with its config file beside them: wall time from spawn to exit, median of ${oxlint.runs} runs (range). oxlint ran on its default ${oxlint.threads} threads, ESLint on one (\`scripts/bench/oxlint.js\`).`,
      '',
      table(
        ['files', 'findings', 'oxlint s', 'ESLint s', 'ESLint / oxlint'],
        oxlint.corpora.map((corpus) => [
          `${corpus.label} (${number(corpus.files)} files)`,
          number(corpus.findings.eslint),
          seconds(corpus.oxlintMs),
          seconds(corpus.eslintMs),
          `${(corpus.eslintMs.median / corpus.oxlintMs.median).toFixed(1)}×`,
        ]),
      ),
      '',
      oxlint.problems.length === 0
        ? 'Both reported the same findings, to the rule, position and message.'
        : `The findings differed: ${oxlint.problems.join('; ')}.`,
    );
  }
  if (editor) {
    out.push(
      '',
      '### Editor',
      '',
      `VS Code's ESLint language server (\`vscode-eslint-language-server\` from npm \`vscode-langservers-extracted\`) on the example, driven over LSP (\`scripts/bench/editor.js\`). Cold: from spawning the server to the first diagnostics of the first file opened, a fresh server each of ${editor.runs} runs; warm: from an unsaved edit of that file to its diagnostics, ${editor.changes} edits per run. Median (range).`,
      '',
      table(
        ['config, file', 'cold ms', 'warm ms', 'diagnostics'],
        editor.configs.map((config) => [`\`${config.name}\`, \`${config.file}\``, range(config.coldMs), range(config.warmMs), config.diagnostics]),
      ),
      ...(editor.problems.length === 0 ? [] : ['', `Runs disagreed: ${editor.problems.join('; ')}.`]),
    );
  }
  return out.join('\n');
}

function megabytes(bytes) {
  return `${number(bytes / 1024 / 1024, 2)} MB`;
}

function installSizeSection(results) {
  const sizes = results.installSize;
  if (!sizes) return '';
  return [
    '## 5. Install size',
    '',
    "The packed tarballs installed into fresh projects with `npm install`, as a user installs them (`scripts/bench/install-size.js`, on the helpers of `npm run package-check`). Bytes are the files' apparent sizes in `node_modules`; npm's cache is not counted.",
    '',
    table(
      ['package', 'tarball', 'installed', 'packages'],
      [
        [
          '`eslint-plugin-sse`, added to a project with ESLint 10',
          megabytes(sizes.tarballBytes['eslint-plugin-sse']),
          `+${megabytes(sizes.plugin.addedBytes)} (the project with ESLint alone: ${megabytes(sizes.plugin.eslintProjectBytes)})`,
          `+${sizes.plugin.addedPackages.join(', ')}`,
        ],
        ['`sse-hub`, alone', megabytes(sizes.tarballBytes['sse-hub']), megabytes(sizes.runtime.bytes), sizes.runtime.packages.join(', ')],
        ['`sse-codemod` with its dependencies, what `npx` fetches once', megabytes(sizes.tarballBytes['sse-codemod']), megabytes(sizes.codemod.bytes), number(sizes.codemod.packages)],
      ],
    ),
  ].join('\n');
}

function scalingChart(lintScaling) {
  const rules = Object.keys(lintScaling.rows[0].ruleMs);
  return lineChart({
    title: 'Lint time against file size (dense files)',
    x: { label: 'lines in the file', scale: 'linear' },
    y: { label: 'rule time, ms (median)', scale: 'linear' },
    series: [
      { name: 'all sse/ rules', points: lintScaling.rows.map((row) => [row.lines, row.pluginMs]) },
      ...rules.map((rule) => ({ name: rule.replace('sse/', ''), points: lintScaling.rows.map((row) => [row.lines, row.ruleMs[rule]]) })),
    ],
  });
}

function connectionsChart(hub) {
  const { subscribers, distinctUrls, sameUrl } = hub.connections;
  return lineChart({
    title: 'Connections opened against subscribers',
    x: { label: 'subscribers', scale: 'log' },
    y: { label: 'physical connections', scale: 'log' },
    series: [
      { name: 'naive', points: subscribers.map((s, i) => [s, distinctUrls.naive[i]]) },
      { name: 'hub, dedupe, a URL each', points: subscribers.map((s, i) => [s, distinctUrls.dedupe[i]]) },
      { name: 'hub, dedupe, one URL', points: subscribers.map((s, i) => [s, sameUrl.dedupe[i]]) },
      { name: 'hub, multiplex', points: subscribers.map((s, i) => [s, distinctUrls.multiplex[i]]) },
    ],
  });
}

/** How the type-aware run paired the two lints of each ratio, as the page says it (results before back-to-back pairs: the same minute). */
function pairingOf(typeAware) {
  return typeAware.pairing === 'back-to-back'
    ? { lints: 'one right after the other, which of them first alternating from run to run', runs: 'one right after the other' }
    : { lints: 'within the same minute', runs: 'within the same minute' };
}

/** `1.9–2.4` for a list of ratios. */
const ratioRange = (ratios) => `${Math.min(...ratios).toFixed(1)}–${Math.max(...ratios).toFixed(1)}`;
/** `+10.2%` for a ratio of 1.102. */
const percentChange = (ratio) => `${ratio >= 1 ? '+' : '−'}${number(Math.abs(ratio - 1) * 100, 1)}%`;

/**
 * How far each CPU ratio the type-aware run missed moved from run to run, beside the ratio of
 * the table's medians: a median of paired ratios can sit far from it when the load changes
 * within a round, and a reader comparing the table's columns should see both.
 */
export function cpuSpread(typeAware) {
  const { targets, limits, variants, runs } = typeAware;
  const ratios = [
    { name: 'over the typed lint without rules', ratio: targets.cpuOverBaseline, runsOf: targets.cpuOverBaselineRuns, limit: limits.cpuOverBaseline, of: ['type-aware', 'baseline'] },
    { name: "beside typescript-eslint's `recommended-type-checked`", ratio: targets.cpuOverTseslint, runsOf: targets.cpuOverTseslintRuns, limit: limits.overTseslint, of: ['tseslint+sse', 'tseslint'] },
  ].filter(({ ratio, limit }) => ratio > limit);
  if (ratios.length === 0) return '';
  const described = ratios.map(({ name, ratio, runsOf, limit, of: [variant, base] }) => {
    const ofMedians = variants[variant].cpuMs.median / variants[base].cpuMs.median;
    const medians = `the ratio of the table's medians: ${percentChange(ofMedians)}`;
    if (!runsOf) return `the CPU ratio ${name} was ${percentChange(ratio)} (${medians})`;
    const verdict = runsOf.min <= limit ? 'so one measurement can land on either side of the limit' : 'above the limit in every run';
    return `the CPU ratio ${name} ranged ${percentChange(runsOf.min)} to ${percentChange(runsOf.max)} (${medians}), ${verdict}`;
  });
  const how = targets.pairedRunByRun ? `The percentages above are medians of the ratios of runs taken ${pairingOf(typeAware).runs}. Run by run over` : 'Over';
  return `${how} these ${runs} runs, ${described.join('; ')}.`;
}

/** Why a target is not met, with the figures that say so; empty when every target is met. */
function shortfallSection(results) {
  const out = [];
  const { lint, hub } = results;
  if (lint && !lint.met) {
    const costliest = lint.ranked.find((row) => row.rule.startsWith('sse/'));
    out.push(
      `- **Lint cost on real code: the \`recommended\` rules together cost ${lint.recommendedToReference.toFixed(2)}× \`${lint.reference.rule}\` per file (${number(lint.recommended.microsecondsPerFile, 1)} µs against ${number(lint.reference.microsecondsPerFile, 1)} µs), not ≤ 1×.** None of these ${number(lint.files)} files opens a stream, so every \`sse/\` rule stops at its first check, paid on every file: the stream test (the name \`EventSource\` in the text, found by a search for its rare tail, and the file's imports and \`require\` calls, read from the syntax tree); \`no-unbounded-reconnect\` also looks for a \`retry:\` field. The costliest is \`${costliest.rule}\`, ${number(costliest.microsecondsPerFile, 1)} µs per file. \`${lint.reference.rule}\` listens only for JSX and array-method calls; the plugin's five rules each pay their own first check.`,
    );
  }
  const sfcOver = Object.entries(results.sfcCost?.frameworks ?? {}).filter(([, f]) => f.ruleRatio > 1);
  if (sfcOver.length > 0) {
    out.push(
      `- **Components without a stream name: ${sfcOver.map(([framework, f]) => `${f.ruleRatio.toFixed(1)}× on \`.${framework}\``).join(', ')} what the same scripts cost as \`.ts\`, not ≤ 1×.** No template is walked and no component parsed on these files; the difference is \`no-eventsource-per-item\`'s cross-file prefilter (${sfcOver.map(([framework, f]) => `${number(f.sfc.plugin.byRule['sse/no-eventsource-per-item'], 1)} ms of \`.${framework}\`'s ${number(f.sfc.plugin.ruleMs.median, 1)}`).join(', ')}), most of it on the lists (${sfcOver.map(([framework, f]) => `${f.byKind?.list ? f.byKind.list.ratio.toFixed(1) : '?'}× on \`.${framework}\` lists`).join(', ')}): a list that imports component files reads each of them, and their relative composables, from disk once per process to learn whether they can open a stream — the one thing the \`.ts\` files, which import no component, never do. It is what finds a row that opens a stream in its own file. Components of the other kinds cost ${sfcOver.map(([framework, f]) => `${ratioRange(Object.entries(f.byKind ?? {}).filter(([kind]) => kind !== 'list').map(([, k]) => k.ratio))}× on \`.${framework}\``).join(', ')}, tens of microseconds a file: the same first checks over a longer text.`,
    );
  }
  const typeAware = results.typeAware;
  if (typeAware && !typeAware.targets.met) {
    const { targets, limits } = typeAware;
    /** CPU a variant spends beyond its wall time: V8's helper threads, as one figure. */
    const offMainThreadMs = (variant) => typeAware.variants[variant].cpuMs.median - typeAware.variants[variant].lintMs.median;
    const limit = (ratio) => `+${number((ratio - 1) * 100)}%`;
    const missed = [
      targets.cpuOverBaseline > limits.cpuOverBaseline && `${percentChange(targets.cpuOverBaseline)} CPU over a typed lint without rules, not ≤ ${limit(limits.cpuOverBaseline)}`,
      targets.memoryOverBaseline > limits.memoryOverBaseline && `${percentChange(targets.memoryOverBaseline)} peak memory over it, not ≤ ${limit(limits.memoryOverBaseline)}`,
      targets.cpuOverTseslint > limits.overTseslint && `${percentChange(targets.cpuOverTseslint)} CPU beside typescript-eslint's \`recommended-type-checked\`, not ≤ ${limit(limits.overTseslint)}`,
      targets.memoryOverTseslint > limits.overTseslint && `${percentChange(targets.memoryOverTseslint)} peak memory beside it, not ≤ ${limit(limits.overTseslint)}`,
    ].filter(Boolean);
    const runToRun = cpuSpread(typeAware);
    out.push(
      `- **Type-aware mode: ${missed.join('; ')}.** The type checker is not the cost: typescript-eslint builds it in the baseline too. What the plugin adds is its own work, ${number(typeAware.typeAwareAddedCpuMs)} ms of CPU over the syntactic rules in this project, where every file leads to streams in other files: mostly the summaries of ${number(typeAware.declarationsSummarised)} declarations behind the per-item and in-loop findings. The program-wide index of stream URLs that \`no-duplicate-stream\` keeps converts a file to ESTree only when TypeScript's tree of the file says it may open the URL asked about${typeAware.indexConversions === undefined ? '' : `, ${number(typeAware.indexConversions)} files here`} (before 2026-12-07 it converted all 56 files that mention a stream, 70–126 ms of the lint in CPU profiles; now 9–13 ms). In CPU profiles of the lint beside typescript-eslint's rules (\`node --cpu-prof --cpu-prof-interval 250 scripts/bench/type-aware-cost.js --child <project> tseslint+sse\`, two runs on an otherwise idle machine, 2026-12-07) the plugin's own frames, with the checker work they call, came to 276–282 ms of an 8.2–8.6 s main thread, 3.2–3.4%: the summaries 75–81 ms (reading the bodies of the declarations a candidate leads to, and the checker resolving each callee: \`getSymbolAtLocation\` 37–41 ms, most of it resolving each import to its module's export the first time, which the summaries need however they ask), \`no-eventsource-in-loop\`'s look at every call for a loop around it 39–40 ms, the rules' \`create\` 38–42 ms (the stream test of each file), the URL index and \`no-duplicate-stream\`'s own reading of the file 29–31 ms, the rest the rules' other listeners. No one frame stands out: halving the plugin's share would take cuts in each.${runToRun ? ` ${runToRun}` : ''} CPU time also counts V8's helper threads (concurrent garbage collection, the optimising compilers): in this run the CPU beyond the lint's wall time grew by ${number(offMainThreadMs('type-aware') - offMainThreadMs('baseline'))} ms with the plugin's rules (medians), beside ${number(typeAware.variants['type-aware'].lintMs.median - typeAware.variants.baseline.lintMs.median)} ms more wall time: part of what the rules cost is the garbage and the code they give V8, not their own frames.`,
    );
  }
  if (hub && !hub.target.met) {
    const floor = Object.entries(hub.floor)
      .filter(([name]) => !/ceiling/i.test(name))
      .map(([name, value]) => floorEntry(name, { ...value, min: value.median, max: value.median }))
      .join(', ');
    const { target } = hub;
    const missed = [
      target.measured < target.eventsPerCpuSecond && `${number(target.measured)} events per CPU-second, not ≥ ${number(target.eventsPerCpuSecond)}`,
      target.measuredToPlain < target.toPlainPerCpu && `${target.measuredToPlain.toFixed(2)}× a stream per subscriber, not ≥ ${target.toPlainPerCpu}×`,
    ].filter(Boolean);
    // The floor is timed on the machine of the run, so the share of its ceiling travels between machines; the target's absolute figure does not.
    const ceiling = hub.floor.ceilingEventsPerSecond?.median;
    const ceilingShare = ceiling
      ? ` Those two steps alone allow at most ${number(ceiling)} events per second on this machine; the hub reaches ${number((target.measured / ceiling) * 100)}% of that, and a machine whose floor is faster moves the figure with it.`
      : '';
    out.push(
      `- **Hub throughput: ${missed.join('; ')}.** Per event this runtime spends, before reading, decoding or routing: ${floor}.${ceilingShare} Protocol 3 routes an event by its topic's number, and the parser reads that number in place; what is left per event is the parse (three lines), the \`MessageEvent\` Node builds, and garbage collection.`,
    );
  }
  return out.length === 0 ? '' : ['## Where a target is not met', '', ...out].join('\n');
}

/** Writes the page, its charts and the results it was made from; `docs` is the docs folder. */
export function writeReport(results, { docs = path.dirname(DOC) } = {}) {
  mkdirSync(path.join(docs, 'benchmarks'), { recursive: true });
  const charts = { scaling: 'benchmarks/lint-scaling.svg', connections: 'benchmarks/connections.svg' };
  if (results.lintScaling) writeFileSync(path.join(docs, charts.scaling), scalingChart(results.lintScaling));
  if (results.hub) writeFileSync(path.join(docs, charts.connections), connectionsChart(results.hub));
  writeFileSync(path.join(docs, 'benchmarks/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const doc = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench -- --write-docs` (scripts/bench/write-report.js) from docs/benchmarks/results.json; edit the script, not this page. -->',
    '',
    'What the plugin costs in ESLint, how fast the codemod gets through a large repository, what the hub routes, and how long oxlint and an editor take with the rules — measured side by side with what users already run. Timings are never asserted in tests (they are flaky on shared machines); they are measured here. Reproduce with `npm run bench` (every part) or `npm run bench -- <part>` (`lint`, `lint-scaling`, `lint-concurrency`, `type-aware`, `sfc`, `oxlint`, `editor`, `codemod`, `hub`, `hub-browser`, `hub-size`, `install-size`), `--json` for machine-readable results.',
    '',
    targetsSection(results),
    '',
    shortfallSection(results),
    '',
    machineSection(results),
    '',
    lintSection(results, charts),
    '',
    codemodSection(results),
    '',
    hubSection(results, charts),
    '',
    oxlintAndEditorSection(results),
    '',
    installSizeSection(results),
    '',
    ...(results.notes ?? []),
  ].join('\n');
  writeFileSync(path.join(docs, 'benchmarks.md'), `${doc.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeReport(JSON.parse(readFileSync(process.argv[2] ?? path.join(CHART_DIR, 'results.json'), 'utf8')));
}
