/**
 * Vue single-file components as vue-eslint-parser hands them to rules: the `<script>` and
 * `<script setup>` code is the Program, the template is reached through the parser's
 * services. Nothing here imports vue-eslint-parser; it reads what the user's parser produced.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The source offsets of a `<script setup>` block's code, or null when the file has none. */
const setupRanges = new WeakMap<object, readonly [number, number] | null>();

/** The few fields of vue-eslint-parser's document fragment (its `VElement`s) that are read here. */
interface SfcBlock {
  type: string;
  name?: string;
  range: [number, number];
  startTag?: { range: [number, number]; attributes: { directive: boolean; key: { name?: unknown } }[] };
  endTag?: { range: [number, number] } | null;
}

interface VueParserServices {
  defineTemplateBodyVisitor?: unknown;
  /** The whole file as HTML, whose top-level elements are the blocks (absent from older vue-eslint-parser releases). */
  getDocumentFragment?: () => { children: SfcBlock[] } | null;
}

function isSetupScript(block: SfcBlock): boolean {
  return (
    block.type === 'VElement' &&
    block.name === 'script' &&
    block.startTag?.attributes.some((attribute) => !attribute.directive && attribute.key.name === 'setup') === true
  );
}

/**
 * Where the code of the file's `<script setup>` is. Its top-level code runs once per component
 * instance (it is the body of `setup()`), unlike a plain `<script>`'s, which runs once per page.
 * Read from the parser's document fragment, which knows the blocks as the SFC compiler does: a
 * `<script setup>` written in a comment, in a template attribute or in the other script's code
 * is not a block. Without that service there is none: the code reads as module code.
 */
export function scriptSetupRange(sourceCode: Readonly<TSESLint.SourceCode>): readonly [number, number] | null {
  let range = setupRanges.get(sourceCode);
  if (range !== undefined) return range;
  range = null;
  // Only vue-eslint-parser puts a template visitor in the services; other files never pay for the search.
  if (isVueFile(sourceCode)) {
    const services = sourceCode.parserServices as VueParserServices;
    const fragment = typeof services.getDocumentFragment === 'function' ? services.getDocumentFragment() : null;
    const block = fragment?.children.find(isSetupScript);
    if (block?.startTag) range = [block.startTag.range[1], block.endTag ? block.endTag.range[0] : block.range[1]];
  }
  setupRanges.set(sourceCode, range);
  return range;
}

/** Whether the file was parsed by vue-eslint-parser (as a `.vue` component). */
export function isVueFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const services = sourceCode.parserServices as VueParserServices | undefined;
  return typeof services?.defineTemplateBodyVisitor === 'function' && sourceCode.text.trimStart().startsWith('<');
}

/** Whether `node` is top-level code of the file's `<script setup>`. */
export function isInScriptSetup(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const range = scriptSetupRange(sourceCode);
  return range !== null && range[0] <= node.range[0] && node.range[1] <= range[1];
}

/**
 * Whether an object is a Vue component's options: the default export of a `.vue` file's
 * `<script>`, or the argument of `defineComponent()`.
 */
export function isVueOptionsObject(sourceCode: Readonly<TSESLint.SourceCode>, object: TSESTree.ObjectExpression): boolean {
  const parent = object.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === object) {
    const callee = parent.callee;
    return callee.type === 'Identifier' && callee.name === 'defineComponent';
  }
  return parent?.type === 'ExportDefaultDeclaration' && isVueFile(sourceCode);
}

/** `my-row` → `MyRow`, `MyRow` → `MyRow`: how a template tag names a registered component. */
export function componentNameOfTag(tag: string): string {
  return tag
    .split(/[-_]/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
