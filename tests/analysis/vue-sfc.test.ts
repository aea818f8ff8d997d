/**
 * Vue single-file components as vue-eslint-parser hands them over: is this a `.vue` file, where
 * is its `<script setup>`, which object is a component's options, how a tag names a component.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { parseForESLint } from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import { componentNameOfTag, isInScriptSetup, isVueFile, isVueOptionsObject } from '../../src/analysis/templates/vue-sfc.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

function parse(text: string, filePath = 'Component.vue'): SourceCode {
  const { ast, services } = parseForESLint(text, { filePath, sourceType: 'module', ecmaVersion: 'latest' });
  return { ast, parserServices: services, text } as unknown as SourceCode;
}

const statements = (sourceCode: SourceCode) => sourceCode.ast.body as TSESTree.Node[];

/** Every object literal of the file, in source order. */
function objects(sourceCode: SourceCode): TSESTree.ObjectExpression[] {
  const found: TSESTree.ObjectExpression[] = [];
  const visit = (node: unknown, parent: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const typed = node as TSESTree.Node & Record<string, unknown>;
    if (typeof typed.type !== 'string') return;
    (typed as { parent?: unknown }).parent ??= parent;
    if (typed.type === 'ObjectExpression') found.push(typed as TSESTree.ObjectExpression);
    for (const [key, value] of Object.entries(typed)) {
      if (key === 'parent' || key === 'tokens' || key === 'comments' || key === 'templateBody') continue;
      if (Array.isArray(value)) value.forEach((item) => visit(item, typed));
      else visit(value, typed);
    }
  };
  visit(sourceCode.ast, undefined);
  return found;
}

describe('isVueFile', () => {
  it('is true for a component parsed by vue-eslint-parser, also after leading blank lines', () => {
    expect(isVueFile(parse('<script setup>\nconst a = 1;\n</script>'))).toBe(true);
    expect(isVueFile(parse('\n\n  <template><p>x</p></template>\n'))).toBe(true);
  });

  it('is false for a script file that vue-eslint-parser parsed, and without its services', () => {
    expect(isVueFile(parse('export const a = 1;\n', 'feed.js'))).toBe(false);
    const noServices = { ast: { body: [] }, parserServices: {}, text: '<template></template>' } as unknown as SourceCode;
    expect(isVueFile(noServices)).toBe(false);
    const undefinedServices = { ast: { body: [] }, parserServices: undefined, text: '<template></template>' } as unknown as SourceCode;
    expect(isVueFile(undefinedServices)).toBe(false);
  });
});

describe('isInScriptSetup', () => {
  it('covers the setup block’s code up to both ends, and not the plain script after it', () => {
    const sourceCode = parse('<script setup>const a = 1;</script>\n<script>export const b = 2;</script>');
    const [inSetup, inPlain] = statements(sourceCode);
    expect(isInScriptSetup(sourceCode, inSetup!)).toBe(true);
    expect(isInScriptSetup(sourceCode, inPlain!)).toBe(false);
  });

  it('finds the `<script setup>`, not another block with a setup attribute before it', () => {
    const sourceCode = parse('<docs setup>notes</docs>\n<script>export const b = 2;</script>\n<script setup>\nconst a = 1;\n</script>');
    const [inPlain, inSetup] = statements(sourceCode);
    expect(isInScriptSetup(sourceCode, inPlain!)).toBe(false);
    expect(isInScriptSetup(sourceCode, inSetup!)).toBe(true);
  });
});

describe('isVueOptionsObject', () => {
  it('is the first argument of defineComponent() and the default export of a `.vue` file', () => {
    const sourceCode = parse(
      '<script>\nimport { defineComponent } from "vue";\nconst a = defineComponent({});\nconst b = other({});\nconst c = defineComponent(setup, {});\nconst d = {};\nexport default {};\n</script>',
    );
    expect(objects(sourceCode).map((object) => isVueOptionsObject(sourceCode, object))).toEqual([true, false, false, false, true]);
  });

  it('is not the default export of a script file', () => {
    const sourceCode = parse('export default {};\n', 'options.js');
    expect(objects(sourceCode).map((object) => isVueOptionsObject(sourceCode, object))).toEqual([false]);
  });
});

describe('componentNameOfTag', () => {
  it.each([
    ['my-row', 'MyRow'],
    ['MyRow', 'MyRow'],
    ['my--row_item', 'MyRowItem'],
  ])('%s names %s', (tag, name) => {
    expect(componentNameOfTag(tag)).toBe(name);
  });
});
