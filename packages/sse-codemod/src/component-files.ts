/**
 * Vue and Svelte single-file components: which parser reads them, where their `<script>` blocks
 * are, and each block seen alone as a TypeScript or JavaScript file.
 *
 * The framework parsers are not dependencies of sse-codemod: a project with `.vue` files has
 * vue-eslint-parser (eslint-plugin-vue brings it), one with `.svelte` files svelte-eslint-parser,
 * and both are loaded from the project or beside the codemod. Without one, the file fails with a
 * message saying what to install, and the rest of the run goes on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter, SourceCode } from 'eslint';

export const COMPONENT_EXTENSIONS = ['.vue', '.svelte'] as const;

const PARSER_MODULES: Record<string, string> = { '.vue': 'vue-eslint-parser', '.svelte': 'svelte-eslint-parser' };

export function isComponentFile(file: string): boolean {
  return (COMPONENT_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

const loadedParsers = new Map<string, Linter.Parser | null>();

function loadParser(moduleName: string): Linter.Parser | null {
  // The project's own copy first (the one its lint uses), then one beside the codemod.
  for (const from of [path.join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      const loaded = createRequire(from)(moduleName) as { parseForESLint?: unknown; default?: { parseForESLint?: unknown } };
      const parser = typeof loaded.parseForESLint === 'function' ? loaded : loaded.default;
      if (typeof parser?.parseForESLint === 'function') return parser as Linter.Parser;
    } catch {
      // Not installed there.
    }
  }
  return null;
}

/** The parser for a `.vue` or `.svelte` file, or a message saying which package to install. */
export function componentParser(extension: string): { ok: true; parser: Linter.Parser } | { ok: false; error: string } {
  const moduleName = PARSER_MODULES[extension]!;
  if (!loadedParsers.has(moduleName)) loadedParsers.set(moduleName, loadParser(moduleName));
  const parser = loadedParsers.get(moduleName);
  return parser ? { ok: true, parser } : { ok: false, error: `${extension} files need ${moduleName}, which is not installed in this project` };
}

/** One `<script>` block: where its code is in the file, and its language. */
export interface ScriptBlock {
  /** Offset of the first character after `<script …>`. */
  start: number;
  /** Offset of `</script>`. */
  end: number;
  /** `lang="ts"` (or `tsx`). */
  typeScript: boolean;
  /** `lang="tsx"` or `lang="jsx"`. */
  jsx: boolean;
  /** A Vue `<script setup>` or a Svelte instance script: its top-level names belong to one instance, not to the module. */
  perInstance: boolean;
  /**
   * Whether this block's code can use what `other` imports: a `<script setup>` sees the plain
   * `<script>`'s, a Svelte instance script the module script's (`context="module"`, `module`).
   */
  seesImportsOf: (other: ScriptBlock) => boolean;
  /** A Svelte module script. */
  moduleScript: boolean;
}

/** The few fields of the parsers' tag nodes read here (vue-eslint-parser's `VElement`, svelte-eslint-parser's `SvelteScriptElement`). */
interface TagNode {
  type: string;
  name?: unknown;
  startTag: { range: [number, number]; attributes: { key: { name?: unknown }; value?: unknown }[] };
  endTag: { range: [number, number] } | null;
}

function attributeValue(node: TagNode, name: string): string | null {
  for (const attribute of node.startTag.attributes) {
    const key = attribute.key.name;
    const keyName = typeof key === 'string' ? key : (key as { name?: unknown } | undefined)?.name;
    if (keyName !== name) continue;
    // Vue: `{ value: 'ts' }`; Svelte: `[{ value: 'ts' }]`.
    const value = Array.isArray(attribute.value) ? attribute.value[0] : attribute.value;
    const text = (value as { value?: unknown } | null | undefined)?.value;
    return typeof text === 'string' ? text : null;
  }
  return null;
}

function hasAttribute(node: TagNode, name: string): boolean {
  return node.startTag.attributes.some((attribute) => attribute.key.name === name);
}

function blockOf(node: TagNode, extension: string): ScriptBlock | null {
  if (!node.endTag) return null;
  const lang = attributeValue(node, 'lang')?.toLowerCase() ?? 'js';
  const moduleScript = extension === '.svelte' && (hasAttribute(node, 'module') || attributeValue(node, 'context') === 'module');
  const perInstance = extension === '.vue' ? hasAttribute(node, 'setup') : !moduleScript;
  return {
    start: node.startTag.range[1],
    end: node.endTag.range[0],
    typeScript: lang === 'ts' || lang === 'tsx' || lang === 'typescript',
    jsx: lang === 'tsx' || lang === 'jsx',
    perInstance,
    moduleScript,
    seesImportsOf: (other) => (extension === '.vue' ? perInstance && !other.perInstance : !moduleScript && other.moduleScript),
  };
}

/**
 * The `<script>` blocks of a component as its parser found them (never a `<script>` written in
 * a template string or a comment), in file order: Vue's `<script>` and `<script setup>`, Svelte's
 * instance and module scripts.
 */
export function scriptBlocks(sourceCode: SourceCode, extension: string): ScriptBlock[] {
  let tags: TagNode[];
  if (extension === '.vue') {
    const services = sourceCode.parserServices as { getDocumentFragment?: () => { children: TagNode[] } | null };
    tags = (services.getDocumentFragment?.()?.children ?? []).filter((node) => node.type === 'VElement' && node.name === 'script');
  } else {
    tags = (sourceCode.ast.body as unknown as TagNode[]).filter((node) => node.type === 'SvelteScriptElement');
  }
  return tags.flatMap((tag) => blockOf(tag, extension) ?? []).sort((a, b) => a.start - b.start);
}

/**
 * The file with everything outside `block` blanked (newlines kept): a TypeScript file whose
 * offsets, lines and columns are the component's, so that an edit planned on it applies to the
 * component as it stands and the template, styles and other blocks cannot be touched.
 */
export function blockAsScript(text: string, block: ScriptBlock): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return blank(text.slice(0, block.start)) + text.slice(block.start, block.end) + blank(text.slice(block.end));
}

const TYPESCRIPT_SCRIPT = /<script\b[^>]*\blang\s*=\s*["']?(?:ts|tsx|typescript)\b/i;

/** Whether a component has a TypeScript block (`<script lang="ts">`): it then imports the helper as TypeScript does. */
export function hasTypeScriptBlock(text: string): boolean {
  return TYPESCRIPT_SCRIPT.test(text);
}
