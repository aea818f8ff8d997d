/**
 * What the plugin's type-aware mode adds to a typed lint. A seeded TypeScript project of 401
 * files is generated, whose helpers, hooks and components call and render each other across
 * files (some of them opening streams, some calling each other in cycles), and ESLint lints it
 * with type information (typescript-eslint's `projectService`) five ways:
 *
 * - `baseline`: the typed lint with none of the plugin's rules (what the program costs);
 * - `syntactic`: `no-eventsource-in-loop` and `no-eventsource-per-item` with `typeAware: false`;
 * - `type-aware`: the plugin's `recommended-type-checked` rules, as that config runs them;
 * - `tseslint`: typescript-eslint's `recommended-type-checked` rules, which build the type checker anyway;
 * - `tseslint+sse`: both, as a project that already lints with types would add the plugin.
 *
 * Issue 16's targets: `type-aware` within +10% CPU and +15% peak memory of `baseline`, and
 * `tseslint+sse` within +5% of `tseslint`. Peak memory is the child's maximum resident set size
 * (`process.resourceUsage().maxRSS`), Node and the loaded modules included, alike in every variant.
 *
 * Each lint runs in a fresh Node process, as a CLI run would: typescript-eslint keeps its project
 * service (and this plugin its summaries) for the life of a process, so a second lint in the same
 * process would be warm and flatter the mode. The figure is the wall time of `lintFiles()` inside
 * the child (the ESLint instance included, Node's start-up and module loading not), median and
 * range over `runs`, the five variants interleaved (`runOrder`); beside it the CPU time the child spent in
 * that span (user + system), which moves less than wall time when other processes share the
 * machine. ESLint's `TIMING` is not used: the checker
 * computes types lazily, so whichever rule asks first is charged for work the others then reuse.
 *
 *   node scripts/bench/type-aware-cost.js [--runs N] [--files N] [--seed S] [--json]
 *
 * `npm run bench -- type-aware --update-docs` measures it and regenerates its part of docs/benchmarks.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRandom } from './generate-repository.js';
import { median, spread } from './statistics.js';
import { runTimedChild } from './timed-child.js';

const PLUGIN = new URL('../../dist/src/index.js', import.meta.url).href;
const SUMMARIES = new URL('../../dist/src/analysis/typed/summaries.js', import.meta.url).href;
const PROGRAM_INDEX = new URL('../../dist/src/analysis/typed/program-stream-index.js', import.meta.url).href;
const SELF = fileURLToPath(import.meta.url);

/** The lints compared. */
export const VARIANTS = ['baseline', 'syntactic', 'type-aware', 'tseslint', 'tseslint+sse'];

/**
 * The lints of one run, as blocks: each target's two lints (a ratio's numerator and denominator)
 * form one block and always run one right after the other.
 */
const RUN_BLOCKS = [['baseline', 'type-aware'], ['syntactic'], ['tseslint', 'tseslint+sse']];

/**
 * The order of the lints in run `run`. On 2 shared cores the CPU time of one lint moves by
 * ±15% with the load of other processes, and that load changes within a minute; a run takes
 * about 40 s. So the two lints of a ratio run back to back, which one goes first alternating
 * from run to run (so that whatever the first lint leaves behind, such as a warmer page cache,
 * favours each side equally), and the blocks rotate, so that no block always runs first.
 */
export function runOrder(run) {
  const rotation = run % RUN_BLOCKS.length;
  const blocks = [...RUN_BLOCKS.slice(rotation), ...RUN_BLOCKS.slice(0, rotation)];
  return blocks.flatMap((block) => (run % 2 === 0 ? block : [...block].reverse()));
}

/** Issue 16's limits, as ratios: type-aware over the typed lint without rules (CPU, peak memory), and over typescript-eslint's own typed rules (both). */
export const LIMITS = { cpuOverBaseline: 1.1, memoryOverBaseline: 1.15, overTseslint: 1.05 };

/** The project size the targets are stated for (at least 400 files). */
export const DEFAULT_FILES = 401;

const NOUNS = ['order', 'invoice', 'customer', 'product', 'shipment', 'report', 'metric', 'ticket', 'session', 'payment', 'review', 'alert', 'task', 'comment', 'budget', 'quote', 'device', 'region', 'channel', 'booking'];
const VERBS = ['load', 'format', 'build', 'sort', 'group', 'merge', 'resolve', 'validate', 'summarize', 'sync', 'watch', 'follow'];

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);

const REACT_TYPES = `// Just enough of React's types for the generated project.
declare module 'react' {
  export function memo<T>(component: T): T;
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
  export function useState<T>(initial: T | (() => T)): [T, (value: T) => void];
}
declare module 'react/jsx-runtime' {
  export function jsx(type: unknown, props: unknown, key?: unknown): JSX.Element;
  export function jsxs(type: unknown, props: unknown, key?: unknown): JSX.Element;
}
declare namespace JSX {
  interface Element { readonly element: true }
  interface IntrinsicElements { [name: string]: Record<string, unknown> }
  interface IntrinsicAttributes { key?: string | number }
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM'],
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['src'],
};

/**
 * Writes the project: helpers (`src/lib/`) that open streams (one in ten functions; one in twenty
 * keeps a lazy singleton), call helpers of other files, or compute; hooks (`src/hooks/`) that call
 * helpers in effects; components (`src/components/`, re-exported by a barrel) that call hooks,
 * render other components in `.map()` and call helpers in loops; and pages (`src/pages/`) that
 * render components from the barrel per item. Returns what was written.
 */
export function generateTypeAwareProject(root, { files = 300, seed = 6 } = {}) {
  if (!Number.isInteger(files) || files < 20) throw new RangeError(`files must be an integer of at least 20, got ${files}`);
  const random = createRandom(seed);
  const counts = { helpers: Math.round(files * 0.35), hooks: Math.round(files * 0.2), components: Math.round(files * 0.3) };
  counts.pages = files - counts.helpers - counts.hooks - counts.components - 1; // the barrel is a file too
  let lines = 0;
  const write = (relative, text) => {
    const absolute = path.join(root, relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    lines += text.split('\n').length - 1;
  };

  // Names first, so that any file may import any other (cycles included).
  const helpers = Array.from({ length: counts.helpers }, (_, index) => {
    const noun = random.pick(NOUNS);
    return {
      file: `lib/${noun}-${index}`,
      functions: Array.from({ length: random.int(2, 4) }, (_, position) => ({
        name: `${random.pick(VERBS)}${capitalize(noun)}${index}x${position}`,
        kind: random.weighted({ opens: 10, singleton: 5, calls: 45, computes: 40 }),
      })),
    };
  });
  const allHelperFunctions = helpers.flatMap((helper) => helper.functions.map((fn) => ({ ...fn, file: helper.file })));
  const hooks = Array.from({ length: counts.hooks }, (_, index) => {
    const noun = random.pick(NOUNS);
    return { file: `hooks/use-${noun}-${index}`, name: `use${capitalize(noun)}${index}` };
  });
  const components = Array.from({ length: counts.components }, (_, index) => {
    const noun = capitalize(random.pick(NOUNS));
    return { file: `components/${noun}${index}`, name: `${noun}${index}`, memo: random.chance(0.2) };
  });

  /** Import lines for `{ name, file }` entries, from a file at `from` (a path below `src/`). */
  const importLines = (from, entries) => {
    const byFile = new Map();
    for (const { name, file } of entries) {
      if (file === from) continue;
      const names = byFile.get(file) ?? new Set();
      names.add(name);
      byFile.set(file, names);
    }
    return [...byFile].map(([file, names]) => {
      let specifier = path.posix.relative(path.posix.dirname(from), file);
      if (!specifier.startsWith('.')) specifier = `./${specifier}`;
      return `import { ${[...names].sort().join(', ')} } from '${specifier}';`;
    });
  };

  for (const helper of helpers) {
    const called = [];
    const bodies = helper.functions.map((fn) => {
      switch (fn.kind) {
        case 'opens':
          return `export function ${fn.name}(id: string) {\n  const source = new EventSource(\`/${fn.name}/\${id}\`);\n  return source;\n}\n`;
        case 'singleton':
          return `let ${fn.name}Shared: EventSource | undefined;\nexport function ${fn.name}(_id: string) {\n  ${fn.name}Shared ??= new EventSource('/${fn.name}');\n  return ${fn.name}Shared;\n}\n`;
        case 'calls': {
          const targets = Array.from({ length: random.int(1, 2) }, () => random.pick(allHelperFunctions)).filter((target) => target.name !== fn.name);
          called.push(...targets);
          const calls = targets.map((target) => `  ${target.name}(id.trim());`).join('\n');
          return `export function ${fn.name}(id: string): unknown {\n  if (!id) return null;\n${calls}\n  return id;\n}\n`;
        }
        default:
          return `export function ${fn.name}(values: string[]) {\n  const seen = new Map<string, number>();\n  for (const value of values) seen.set(value, (seen.get(value) ?? 0) + value.length);\n  return [...seen].sort((a, b) => b[1] - a[1]).map(([key]) => key.toUpperCase());\n}\n`;
      }
    });
    write(`src/${helper.file}.ts`, [...importLines(helper.file, called), '', ...bodies].join('\n'));
  }

  for (const hook of hooks) {
    const used = Array.from({ length: random.int(1, 2) }, () => random.pick(allHelperFunctions));
    const other = random.chance(0.3) ? random.pick(hooks) : null;
    const uses = used.map((fn) => `    ${fn.name}(${fn.kind === 'computes' ? '[id]' : 'id'});`).join('\n');
    write(
      `src/${hook.file}.ts`,
      [
        `import { useEffect, useState } from 'react';`,
        ...importLines(hook.file, [...used, ...(other && other !== hook ? [other] : [])]),
        '',
        `export function ${hook.name}(id: string) {`,
        `  const [value, setValue] = useState('');`,
        ...(other && other !== hook ? [`  ${other.name}(id);`] : []),
        `  useEffect(() => {`,
        uses,
        `    setValue(id);`,
        `  }, [id]);`,
        `  return value;`,
        `}`,
        '',
      ].join('\n'),
    );
  }

  for (const component of components) {
    const usedHooks = Array.from({ length: random.int(0, 2) }, () => random.pick(hooks));
    const child = random.chance(0.5) ? random.pick(components) : null;
    const looped = random.chance(0.3) ? random.pick(allHelperFunctions) : null;
    const body = [
      ...usedHooks.map((hook, index) => `  const value${index} = ${hook.name}(id);`),
      ...(looped ? [`  for (const item of items) ${looped.name}(${looped.kind === 'computes' ? '[item]' : 'item'});`] : []),
      child && child !== component
        ? `  return <ul title={id}>{items.map((item) => <${child.name} key={item} id={item} items={[]} />)}</ul>;`
        : `  return <li>{id}</li>;`,
    ];
    const signature = `({ id, items }: { id: string; items: string[] })`;
    const declaration = component.memo
      ? [`export const ${component.name} = memo(function ${component.name}${signature} {`, ...body, `});`]
      : [`export function ${component.name}${signature} {`, ...body, `}`];
    write(
      `src/${component.file}.tsx`,
      [
        ...(component.memo ? [`import { memo } from 'react';`] : []),
        ...importLines(component.file, [...usedHooks, ...(child && child !== component ? [child] : []), ...(looped ? [looped] : [])]),
        '',
        ...declaration,
        '',
      ].join('\n'),
    );
  }
  write('src/components/index.ts', `${components.map((component) => `export { ${component.name} } from './${path.posix.basename(component.file)}';`).join('\n')}\n`);

  for (let index = 0; index < counts.pages; index += 1) {
    const rendered = random.shuffle(components).slice(0, random.int(2, 3));
    const looped = random.pick(allHelperFunctions);
    const name = `${capitalize(random.pick(NOUNS))}Page${index}`;
    write(
      `src/pages/${name}.tsx`,
      [
        `import { ${rendered.map((component) => component.name).sort().join(', ')} } from '../components';`,
        ...importLines(`pages/${name}`, [looped]),
        '',
        `export function ${name}({ ids }: { ids: string[] }) {`,
        `  ids.forEach((id) => ${looped.name}(${looped.kind === 'computes' ? '[id]' : 'id'}));`,
        `  return (`,
        `    <main>`,
        ...rendered.map((component) => `      {ids.map((id) => <${component.name} key={id} id={id} items={ids} />)}`),
        `    </main>`,
        `  );`,
        `}`,
        '',
      ].join('\n'),
    );
  }

  write('src/react.d.ts', REACT_TYPES);
  write('tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  return { root, seed, files, lines, ...counts };
}

/** The ESLint configuration of one variant. */
async function configFor(variant, root) {
  const [{ default: plugin }, { default: tseslint }] = await Promise.all([import(PLUGIN), import('typescript-eslint')]);
  const typed = plugin.configs['recommended-type-checked'];
  const sseRules = {
    baseline: {},
    syntactic: Object.fromEntries(['sse/no-eventsource-in-loop', 'sse/no-eventsource-per-item'].map((rule) => [rule, ['error', { typeAware: false }]])),
    'type-aware': typed.rules,
    tseslint: {},
    'tseslint+sse': typed.rules,
  }[variant];
  // typescript-eslint's `recommendedTypeChecked` is a list (parser, core rules it turns off, its rules): its rules, on the same parser.
  const tseslintRules = variant.startsWith('tseslint') ? Object.assign({}, ...tseslint.configs.recommendedTypeChecked.map((config) => config.rules ?? {})) : {};
  return [
    {
      ...typed,
      plugins: { ...typed.plugins, '@typescript-eslint': tseslint.plugin },
      languageOptions: { ...typed.languageOptions, parserOptions: { ...typed.languageOptions.parserOptions, tsconfigRootDir: root } },
      rules: { ...tseslintRules, ...sseRules },
    },
  ];
}

/** In the child process: one typed lint of the project, reported as JSON on stdout. */
async function lintOnce(root, variant) {
  const [{ ESLint }, { summaryStatistics }, { programIndexStatistics }] = await Promise.all([
    import('eslint'),
    import(SUMMARIES),
    import(PROGRAM_INDEX),
  ]);
  const programs = new Set();
  const probe = {
    rules: {
      program: {
        meta: { type: 'problem', schema: [] },
        create(context) {
          const program = context.sourceCode.parserServices?.program;
          if (program) programs.add(program);
          return {};
        },
      },
    },
  };
  const config = await configFor(variant, root);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...config, { files: ['**/*.ts', '**/*.tsx'], plugins: { probe }, rules: { 'probe/program': 'error' } }],
  });
  const results = await eslint.lintFiles(['src']);
  const lintMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const findings = {};
  let fatal = 0;
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) fatal += 1;
      else findings[message.messageId] = (findings[message.messageId] ?? 0) + 1;
    }
  }
  let summarised = 0;
  let walks = 0;
  let indexConversions = 0;
  for (const program of programs) {
    const statistics = summaryStatistics(program);
    summarised += statistics.summarised;
    walks += statistics.walks;
    indexConversions += programIndexStatistics(program).files.length;
  }
  // Peak resident set size of the whole child, in MiB (Node reports KiB).
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  return { lintMs, cpuMs, peakMiB, files: results.length, fatal, programs: programs.size, findings, summarised, walks, indexConversions };
}

async function runChild(root, variant) {
  const { result, elapsedMs } = await runTimedChild([SELF, '--child', root, variant], { label: `typed lint (${variant})` });
  return { ...result, processMs: elapsedMs };
}

/**
 * Issue 16's ratios, and whether all are within `LIMITS`. With the runs' samples, each ratio is
 * the median of the ratios run by run: the two lints of a ratio ran back to back (`runOrder`),
 * so a burst of load from another process lifts both, where it would lift the median of one
 * variant alone. Without them (a summary only), the ratio of the variants' medians.
 */
export function typeAwareTargets(variants, samples) {
  const ratio = (numerator, denominator, key) =>
    samples
      ? median(samples[numerator].map((sample, run) => sample[key] / samples[denominator][run][key]))
      : variants[numerator][key].median / variants[denominator][key].median;
  const targets = {
    cpuOverBaseline: ratio('type-aware', 'baseline', 'cpuMs'),
    memoryOverBaseline: ratio('type-aware', 'baseline', 'peakMiB'),
    cpuOverTseslint: ratio('tseslint+sse', 'tseslint', 'cpuMs'),
    memoryOverTseslint: ratio('tseslint+sse', 'tseslint', 'peakMiB'),
    pairedRunByRun: samples !== undefined,
    // How far the CPU ratio moved from run to run: on 2 shared cores one 9-run median has moved
    // by ten points from one measurement of the part to the next, so the page shows the spread.
    ...(samples
      ? {
          cpuOverBaselineRuns: spread(samples['type-aware'].map((sample, run) => sample.cpuMs / samples.baseline[run].cpuMs)),
          cpuOverTseslintRuns: spread(samples['tseslint+sse'].map((sample, run) => sample.cpuMs / samples.tseslint[run].cpuMs)),
        }
      : {}),
  };
  const met =
    targets.cpuOverBaseline <= LIMITS.cpuOverBaseline &&
    targets.memoryOverBaseline <= LIMITS.memoryOverBaseline &&
    targets.cpuOverTseslint <= LIMITS.overTseslint &&
    targets.memoryOverTseslint <= LIMITS.overTseslint;
  return { ...targets, met };
}

/**
 * Generates the project, lints it `runs` times per variant, and returns the figures: wall time per
 * variant (median, min, max), what type-aware mode adds over the syntactic rules (ms and ratio),
 * the findings of each variant, and how many declarations the type-aware run summarised.
 */
export async function measureTypeAwareCost({ runs = 5, files = DEFAULT_FILES, seed = 6, keep = false } = {}) {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sse-type-aware-'));
  // The page quotes the part's own date and load: `--update-docs` re-measures it alone.
  const measured = { date: new Date().toISOString().slice(0, 10), loadAverageAtStart: os.loadavg() };
  try {
    const project = generateTypeAwareProject(root, { files, seed });
    const samples = Object.fromEntries(VARIANTS.map((variant) => [variant, []]));
    for (let run = 0; run < runs; run += 1) {
      for (const variant of runOrder(run)) samples[variant].push(await runChild(root, variant));
    }
    const variants = Object.fromEntries(
      Object.entries(samples).map(([variant, list]) => [
        variant,
        {
          lintMs: spread(list.map((sample) => sample.lintMs)),
          cpuMs: spread(list.map((sample) => sample.cpuMs)),
          processMs: spread(list.map((sample) => sample.processMs)),
          peakMiB: spread(list.map((sample) => sample.peakMiB)),
          files: list[0].files,
          fatal: list[0].fatal,
          programs: list[0].programs,
          findings: list[0].findings,
          summarised: list[0].summarised,
          walks: list[0].walks,
          indexConversions: list[0].indexConversions,
        },
      ]),
    );
    const syntactic = variants.syntactic.lintMs.median;
    const typeAware = variants['type-aware'].lintMs.median;
    const baseline = variants.baseline.lintMs.median;
    const problems = [];
    for (const [variant, figures] of Object.entries(variants)) {
      if (figures.fatal > 0) problems.push(`${variant}: ${figures.fatal} files failed to parse`);
      if (figures.programs !== 1) problems.push(`${variant}: linted with ${figures.programs} TypeScript programs, expected 1`);
    }
    const count = (findings) => Object.values(findings).reduce((sum, value) => sum + value, 0);
    if (count(variants['type-aware'].findings) <= count(variants.syntactic.findings)) {
      problems.push('type-aware mode found nothing the syntactic rules did not: the project does not exercise it');
    }
    // The plugin's findings must not depend on typescript-eslint's rules running beside it.
    const sseFindings = (findings) => Object.fromEntries(Object.entries(findings).filter(([id]) => id in variants['type-aware'].findings));
    if (JSON.stringify(sseFindings(variants['tseslint+sse'].findings)) !== JSON.stringify(variants['type-aware'].findings)) {
      problems.push('the plugin found other things beside typescript-eslint\'s rules than alone');
    }
    const cpu = (variant) => variants[variant].cpuMs.median;
    const targets = typeAwareTargets(variants, samples);
    return {
      node: process.version,
      cpus: os.cpus().length,
      runs,
      project: { files: project.files, lines: project.lines, helpers: project.helpers, hooks: project.hooks, components: project.components, pages: project.pages, seed },
      variants,
      typeAwareAddedMs: typeAware - syntactic,
      typeAwareOverSyntactic: typeAware / syntactic,
      typeAwareOverBaseline: typeAware / baseline,
      typeAwareAddedCpuMs: cpu('type-aware') - cpu('syntactic'),
      typeAwareOverSyntacticCpu: cpu('type-aware') / cpu('syntactic'),
      targets,
      limits: LIMITS,
      findingCount: count(variants['type-aware'].findings),
      loadAverage: os.loadavg(),
      measured: { ...measured, loadAverageAtEnd: os.loadavg() },
      declarationsSummarised: variants['type-aware'].summarised,
      declarationWalks: variants['type-aware'].walks,
      indexConversions: variants['type-aware'].indexConversions,
      // How the lints were ordered: the page describes the pairing of the ratios it quotes.
      pairing: 'back-to-back',
      // Each run's figures, for a reader who wants to see the spread behind the medians.
      samples: Object.fromEntries(
        Object.entries(samples).map(([variant, list]) => [
          variant,
          list.map((sample) => ({ cpuMs: Math.round(sample.cpuMs), lintMs: Math.round(sample.lintMs), peakMiB: Math.round(sample.peakMiB) })),
        ]),
      ),
      problems,
      ...(keep ? { root } : {}),
    };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
const range = ({ median, min, max }) => `${ms(median)} [${ms(min)}–${ms(max)}]`;
const describeFindings = (findings) =>
  Object.entries(findings)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([messageId, count]) => `${messageId} ${count}`)
    .join(', ') || 'none';

/** The part's lines for `npm run bench`. */
export function formatTypeAwareCost(result) {
  const { project, variants } = result;
  const labels = {
    baseline: 'typed lint, no sse rules',
    syntactic: 'typed lint, rules with typeAware: false',
    'type-aware': 'sse recommended-type-checked',
    tseslint: 'typescript-eslint recommended-type-checked',
    'tseslint+sse': 'both',
  };
  const mib = ({ median, min, max }) => `${Math.round(median)} MiB [${Math.round(min)}–${Math.round(max)}]`;
  const percent = (ratio) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)}%`;
  const { targets } = result;
  const paired = targets.pairedRunByRun ? ' (medians of the run-by-run ratios)' : '';
  const lines = [
    `Type-aware mode (median of ${result.runs} run${result.runs === 1 ? '' : 's'} per variant, min–max in brackets; lintFiles() in a fresh process; ${result.cpus} CPUs, Node ${result.node}):`,
    `  generated project: ${project.files} files (${project.helpers} helper modules, ${project.hooks} hooks, ${project.components} components + barrel, ${project.pages} pages), ${project.lines.toLocaleString('en-US')} lines, seed ${project.seed}`,
    `  ${'variant'.padEnd(44)} ${'wall'.padEnd(32)} ${'CPU (user + system)'.padEnd(32)} ${'peak RSS'.padEnd(24)} findings`,
    ...Object.entries(variants).map(
      ([variant, figures]) =>
        `  ${labels[variant].padEnd(44)} ${range(figures.lintMs).padEnd(32)} ${range(figures.cpuMs).padEnd(32)} ${mib(figures.peakMiB).padEnd(24)} ${describeFindings(figures.findings)}`,
    ),
    `  sse over the typed lint without rules${paired}: CPU ${percent(targets.cpuOverBaseline)} (target ≤ +${Math.round((LIMITS.cpuOverBaseline - 1) * 100)}%), peak memory ${percent(targets.memoryOverBaseline)} (target ≤ +${Math.round((LIMITS.memoryOverBaseline - 1) * 100)}%)`,
    `  sse beside typescript-eslint's recommended-type-checked: CPU ${percent(targets.cpuOverTseslint)}, peak memory ${percent(targets.memoryOverTseslint)} (target ≤ +${Math.round((LIMITS.overTseslint - 1) * 100)}%)`,
    `  type-aware mode adds ${ms(result.typeAwareAddedMs)} wall (${result.typeAwareOverSyntactic.toFixed(2)}× the syntactic rules' lint, ${result.typeAwareOverBaseline.toFixed(2)}× the typed lint without them), ${ms(result.typeAwareAddedCpuMs)} CPU (${result.typeAwareOverSyntacticCpu.toFixed(2)}×)`,
    `  declarations summarised: ${result.declarationsSummarised} (bodies read: ${result.declarationWalks}); files the URL index converted: ${result.indexConversions}; load average at the end ${result.loadAverage.map((load) => load.toFixed(1)).join(' / ')}`,
  ];
  if (result.problems.length > 0) lines.push('  PROBLEMS:', ...result.problems.map((problem) => `    ${problem}`));
  return lines;
}

function option(argv, name, fallback) {
  const index = argv.indexOf(name);
  return index === -1 ? fallback : Number(argv[index + 1]);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(await lintOnce(argv[1], argv[2])));
  } else {
    const result = await measureTypeAwareCost({ runs: option(argv, '--runs', 5), files: option(argv, '--files', DEFAULT_FILES), seed: option(argv, '--seed', 6) });
    console.log(argv.includes('--json') ? JSON.stringify(result, null, 2) : formatTypeAwareCost(result).join('\n'));
    if (result.problems.length > 0) process.exitCode = 1;
  }
}
