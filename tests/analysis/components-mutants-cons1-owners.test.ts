/**
 * Pins how `standingConsumerOf` (src/analysis/stream-consumers.ts) names the module, class,
 * options object or function that keeps a stream open, so that the mutants StrykerJS left alive
 * in `moduleConsumer`, `isModuleLevelCode`, `className`, `decoratorNames`, `classConsumer`,
 * `optionsConsumer`, `functionConsumer`, `setupOptionsOf` and `mountConsumer` fail a test
 * (issue 17): code in a module-level IIFE is the module's, a class field's is not; a class is a
 * component when React or an Angular `@Component`/`@Directive` says so and a service otherwise,
 * unnamed ones have their own labels; a Vue options object goes by its string `name` only; a
 * method named like a hook is a hook, not an options object.
 *
 * Each case answers `<kind> | <label> | <node type>` for the consumer of the file's only stream.
 */
import { describe, expect, it } from 'vitest';
import { type ProbeFile, TS_FILE, parsers } from './probe.js';
import { onlyConsumerOf } from './consumers-probe.js';

describe.each(parsers)('who keeps a stream open (%s)', (name, parser) => {
  const consumer = (code: string, file?: ProbeFile): string => onlyConsumerOf(parser, code, file);

  describe('the module', () => {
    it('keeps a stream opened in a function the module calls right away', () => {
      // kills stream-consumers.ts:79 "'module'" -> "";
      // kills stream-consumers.ts:129 "isFunctionNode(current)" -> false and stream-consumers.ts:130 "!runsOncePerEvaluation(current)" -> true
      expect(consumer(`(() => { new EventSource('/a'); })();`)).toBe('module | module scope | Program');
    });

    it('does not keep a stream opened in a field of a class nobody constructs', () => {
      // kills stream-consumers.ts:131 "current.type === 'ClassBody'" -> false and "'ClassBody'" -> ""
      expect(consumer(`class Feed { es = new EventSource('/a'); }`)).toBe('none');
    });
  });

  describe('classes', () => {
    it('names a class expression the module constructs by its variable', () => {
      // kills stream-consumers.ts:139 "classNode.id?.name" -> "classNode.id.name" (the class has no id);
      // with espree, whose classes carry no `decorators`, kills stream-consumers.ts:143 "[]" -> '["Stryker was here"]'
      expect(consumer(`const Feed = class { constructor() { new EventSource('/a'); } };\nnew Feed();`)).toBe(
        'service | service `Feed` | ClassExpression',
      );
    });

    it('takes a React class component for a component', () => {
      // kills stream-consumers.ts:153 "asComponentOrHook(classNode) !== null" -> false
      expect(
        consumer(
          `class Feed extends React.Component {\n  componentDidMount() { this.es = new EventSource('/a'); }\n  render() { return null; }\n}`,
        ),
      ).toBe('component | component `Feed` | ClassDeclaration');
    });

    it('calls an unnamed React class component "an anonymous component"', () => {
      // kills stream-consumers.ts:155 the fallback template -> ``, "kind === 'component'" -> false,
      // "'component'" -> "" (in the test) and "'component'" -> "" (in the label)
      expect(
        consumer(
          `export default class extends React.Component {\n  componentDidMount() { this.es = new EventSource('/a'); }\n  render() { return null; }\n}`,
        ),
      ).toBe('component | an anonymous component | ClassDeclaration');
    });

    it.runIf(name === 'typescript-eslint')('takes a class with a bare `@Injectable` decorator for a service', () => {
      // kills stream-consumers.ts:145 "expression.type === 'CallExpression'" -> true
      expect(consumer(`@Injectable class Feed { constructor() { new EventSource('/a'); } }`, TS_FILE)).toBe(
        'service | service `Feed` | ClassDeclaration',
      );
    });

    it.runIf(name === 'typescript-eslint')('takes an Angular `@Directive` for a component', () => {
      // kills stream-consumers.ts:153 "'Directive'" -> ""
      expect(consumer(`@Directive() class Feed { ngOnInit() { this.es = new EventSource('/a'); } }`, TS_FILE)).toBe(
        'component | component `Feed` | ClassDeclaration',
      );
    });

    it.runIf(name === 'typescript-eslint')('calls an unnamed service "an anonymous class"', () => {
      // kills stream-consumers.ts:155 "kind === 'component'" -> true, "===" -> "!==" and "'class'" -> ""
      expect(
        consumer(`@Injectable() export default class { constructor() { this.es = new EventSource('/a'); } }`, TS_FILE),
      ).toBe('service | an anonymous class | ClassDeclaration');
    });
  });

  describe('Vue options objects', () => {
    it('calls an options object without a name "this component"', () => {
      // kills stream-consumers.ts:166 "'component'" -> "" and "'this component'" -> ""
      expect(consumer(`export default { mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });

    it('does not take another string option for the name', () => {
      // kills stream-consumers.ts:162 the whole skip test -> false, "(… || …) && property.key.name !== 'name'"
      // and "property.key.name !== 'name'" -> false
      expect(consumer(`export default { title: 'Feed', mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });

    it('does not take a computed key that is a variable called `name` for the name', () => {
      // kills stream-consumers.ts:162 "… || property.key.type !== 'Identifier'" -> false,
      // "property.type !== 'Property' || property.computed" -> false and "||" -> "&&",
      // and "(… || property.computed) && property.key.type !== 'Identifier'"
      expect(consumer(`const name = 'k';\nexport default { [name]: 'Other', mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });

    it('skips a spread among the options', () => {
      // kills stream-consumers.ts:162 "property.type !== 'Property'" -> false (a spread has no key)
      expect(consumer(`export default { ...base, mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });

    it('does not take a number for the name', () => {
      // kills stream-consumers.ts:163 the whole test -> true, "&&" -> "||" and "typeof property.value.value === 'string'" -> true
      expect(consumer(`export default { name: 42, mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });

    it('does not name an options object by a pattern that destructures it', () => {
      // kills stream-consumers.ts:93 "parent.id.type === 'Identifier'" -> true ("component `undefined`")
      expect(consumer(`const { mounted } = { mounted() { new EventSource('/a'); } };`)).toBe(
        'component | this component | ObjectExpression',
      );
    });
  });

  describe('functions', () => {
    it('takes a plain function whose effect opens the stream for a function', () => {
      // kills stream-consumers.ts:171 "unit && unit.kind !== 'class-component'" -> true and "&&" -> "||" (there is no unit);
      // kills stream-consumers.ts:175 the object -> {}, "'function'" -> "" (the kind) and "'function'" -> "" (the label)
      expect(consumer(`function connect() { useEffect(() => { new EventSource('/a'); }, []); }`)).toBe(
        'function | function `connect` | FunctionDeclaration',
      );
    });

    it('calls an unnamed function "an anonymous function"', () => {
      // kills stream-consumers.ts:175 "'an anonymous function'" -> ""
      expect(consumer(`export default function () { useEffect(() => { new EventSource('/a'); }, []); }`)).toBe(
        'function | an anonymous function | FunctionDeclaration',
      );
    });

    it('takes a method named like a hook for the hook, not for an options object', () => {
      // kills stream-consumers.ts:182 "… || property.key.name !== 'setup'" -> false, "||" -> "&&"
      // and "property.key.name !== 'setup'" -> false
      expect(consumer(`const hooks = { useFeed() { useEffect(() => { new EventSource('/a'); }, []); } };`)).toBe(
        'hook | hook `useFeed` | FunctionExpression',
      );
    });
  });
});
