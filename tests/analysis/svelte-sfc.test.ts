/**
 * Which `<script>` of a Svelte component is its instance script, read from what
 * svelte-eslint-parser produced (and from attribute shapes other parser versions may give).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parseForESLint } from 'svelte-eslint-parser';
import { describe, expect, it } from 'vitest';
import { isInSvelteInstanceScript, svelteScripts } from '../../src/analysis/templates/svelte-sfc.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

function parse(text: string): SourceCode {
  const { ast, services } = parseForESLint(text, {});
  return { ast, parserServices: services, text } as unknown as SourceCode;
}

/** A Svelte file whose only script has the given start-tag attributes. */
function withAttributes(attributes: unknown[]): SourceCode {
  const script = { type: 'SvelteScriptElement', body: [], startTag: { attributes } };
  return { ast: { body: [script] }, parserServices: { isSvelte: true }, text: '' } as unknown as SourceCode;
}

const instanceFlags = (sourceCode: SourceCode) => svelteScripts(sourceCode).map(({ instance }) => instance);

describe('svelteScripts', () => {
  it('tells the module script from the instance script', () => {
    expect(instanceFlags(parse('<script context="module">\nexport const a = 1;\n</script>\n<script>\nlet b = 2;\n</script>'))).toEqual([false, true]);
    expect(instanceFlags(parse('<script module>\nexport const a = 1;\n</script>'))).toEqual([false]);
    // `type="module"` is not Svelte's module script: only `context` names it.
    expect(instanceFlags(parse('<script type="module">\nlet b = 2;\n</script>'))).toEqual([true]);
  });

  it('gives no scripts for a file not parsed by svelte-eslint-parser', () => {
    const plain = { ast: { body: [] }, parserServices: {}, text: '' } as unknown as SourceCode;
    expect(svelteScripts(plain)).toEqual([]);
  });

  it.each([
    ['a name object naming module', [{ type: 'SvelteAttribute', key: { name: { type: 'SvelteName', name: 'module' } }, value: [] }], false],
    ['a name object naming context, value module', [{ type: 'SvelteAttribute', key: { name: { name: 'context' } }, value: [{ type: 'SvelteLiteral', value: 'module' }] }], false],
    ['a name object with no name', [{ type: 'SvelteAttribute', key: { name: { type: 'SvelteName' } }, value: [] }], true],
    ['a null name', [{ type: 'SvelteAttribute', key: { name: null }, value: [] }], true],
    ['a numeric name', [{ type: 'SvelteAttribute', key: { name: 5 }, value: [] }], true],
    ['no key (a spread)', [{ type: 'SvelteSpreadAttribute' }], true],
    ['context with no value', [{ type: 'SvelteAttribute', key: { name: 'context' } }], true],
    ['context with an empty value', [{ type: 'SvelteAttribute', key: { name: 'context' }, value: [] }], true],
    ['context="client"', [{ type: 'SvelteAttribute', key: { name: 'context' }, value: [{ type: 'SvelteLiteral', value: 'client' }] }], true],
  ])('reads an attribute with %s', (_shape, attributes, instance) => {
    expect(instanceFlags(withAttributes(attributes))).toEqual([instance]);
  });
});

describe('isInSvelteInstanceScript', () => {
  it('is true in the instance script only, not in the module script or the markup', () => {
    const sourceCode = parse('<script context="module">\nexport const a = 1;\n</script>\n<script>\nlet b = 2;\n</script>\n<p>{b}</p>');
    const [moduleScript, instanceScript] = svelteScripts(sourceCode).map(({ script }) => script.body[0] as TSESTree.Node);
    const markup = (sourceCode.ast.body as unknown as TSESTree.Node[]).find((node) => (node.type as string) === 'SvelteElement') as TSESTree.Node;
    expect(isInSvelteInstanceScript(sourceCode, instanceScript!)).toBe(true);
    expect(isInSvelteInstanceScript(sourceCode, moduleScript!)).toBe(false);
    expect(isInSvelteInstanceScript(sourceCode, markup)).toBe(false);
  });
});
