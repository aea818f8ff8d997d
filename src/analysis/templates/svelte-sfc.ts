/**
 * Svelte components as svelte-eslint-parser hands them to rules: the Program holds the
 * `<script>` elements (their code inside them) and the markup. The instance script (not
 * `<script context="module">` / `<script module>`) runs once per component instance.
 * Nothing here imports svelte-eslint-parser; it reads what the user's parser produced.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The few fields of svelte-eslint-parser's nodes that are read here. */
interface SvelteScriptElement {
  type: 'SvelteScriptElement';
  body: TSESTree.ProgramStatement[];
  startTag: { attributes: { type: string; key?: { name?: unknown }; value?: { type: string; value?: string }[] }[] };
}

/** Whether the file was parsed by svelte-eslint-parser. */
export function isSvelteFile(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  return (sourceCode.parserServices as { isSvelte?: boolean } | undefined)?.isSvelte === true;
}

function attributeName(attribute: SvelteScriptElement['startTag']['attributes'][number]): string | null {
  const name = attribute.key?.name;
  if (typeof name === 'string') return name;
  return name && typeof name === 'object' && 'name' in name && typeof name.name === 'string' ? name.name : null;
}

/** `<script context="module">` (Svelte 4) or `<script module>` (Svelte 5): code run once per page. */
function isModuleScript(script: SvelteScriptElement): boolean {
  return script.startTag.attributes.some((attribute) => {
    const name = attributeName(attribute);
    if (name === 'module') return true;
    return name === 'context' && attribute.value?.some((part) => part.value === 'module') === true;
  });
}

/** The `<script>` elements of a Svelte file, each with whether it is the instance script. */
export function svelteScripts(sourceCode: Readonly<TSESLint.SourceCode>): { script: SvelteScriptElement; instance: boolean }[] {
  if (!isSvelteFile(sourceCode)) return [];
  return (sourceCode.ast.body as unknown as { type: string }[])
    .filter((node): node is SvelteScriptElement => node.type === 'SvelteScriptElement')
    .map((script) => ({ script, instance: !isModuleScript(script) }));
}

/** Whether `node` is top-level code of a Svelte component's instance script. */
export function isInSvelteInstanceScript(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (!isSvelteFile(sourceCode)) return false;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    if ((current.type as string) === 'SvelteScriptElement') return !isModuleScript(current as unknown as SvelteScriptElement);
  }
  return false;
}

/** The import declarations of a file: the Program's own, or those inside a Svelte file's scripts. */
export function importDeclarations(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.ImportDeclaration[] {
  const statements = isSvelteFile(sourceCode)
    ? svelteScripts(sourceCode).flatMap(({ script }) => script.body)
    : sourceCode.ast.body;
  return statements.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === 'ImportDeclaration');
}
