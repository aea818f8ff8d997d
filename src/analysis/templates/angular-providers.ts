/**
 * Services that a component provides itself (`providers: [JobFeedService]`): Angular creates
 * one for each instance of the component that injects it, so a stream such a service opens
 * when it is constructed (its constructor or a field initialiser) is one stream per instance.
 * A root service (`providedIn: 'root'`) that the component does not list is held once: not this.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, runsOncePerEvaluation } from '../functions.js';
import { isOneShotStream } from '../one-shot.js';
import { type StreamOpening, type StreamWrapper, getStreamOpenings } from '../stream-sources.js';
import { type AngularComponent, declaredClass, importSources } from './angular-component.js';
import { type ComponentStream, importedComponent, resolveRelative } from './component-streams.js';
import type { ParseFile } from './parse-file.js';

/** Whether `opening` runs when `service` is constructed: in its constructor (not a callback it registers) or an instance field's value. */
function runsOnConstruction(opening: StreamOpening, service: TSESTree.ClassDeclaration): boolean {
  let child: TSESTree.Node = opening.node;
  for (let current: TSESTree.Node | undefined = child.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      const method = current.parent;
      if (method?.type === 'MethodDefinition' && method.kind === 'constructor') return method.parent.parent === service;
      if (!runsOncePerEvaluation(current)) return false;
    }
    if (current.type === 'PropertyDefinition') return current.value === child && !current.static && current.parent.parent === service;
  }
  return false;
}

/** The first stream that each instance of `service` opens when it is constructed. */
function streamOpenedOnConstruction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  wrappers: readonly StreamWrapper[],
  service: TSESTree.ClassDeclaration,
): StreamOpening | null {
  for (const opening of getStreamOpenings(sourceCode, wrappers)) {
    if (runsOnConstruction(opening, service) && !isOneShotStream(sourceCode, opening)) return opening;
  }
  return null;
}

/**
 * The stream that a service of the component's own `providers` opens for each of its
 * instances, read from the component's file or a relative module; null when none does.
 */
export function providedServiceStream(
  component: { file: string; sourceCode: Readonly<TSESLint.SourceCode>; component: AngularComponent },
  wrappers: readonly StreamWrapper[],
  parse: ParseFile,
): ComponentStream | null {
  const { file, sourceCode } = component;
  const classNode = component.component.node;
  const body = sourceCode.text.slice(classNode.body.range[0], classNode.body.range[1]);
  for (const name of component.component.providers) {
    // A provider that the class never injects is never created.
    if (!new RegExp(`\\b${name}\\b`).test(body)) continue;
    const imported = importSources(sourceCode).get(name);
    const target = imported ? resolveRelative(file, imported.module ?? '') : file;
    const source = !imported ? { file, sourceCode } : target ? importedComponent(target, wrappers, parse) : null;
    const service = source ? declaredClass(source.sourceCode.ast, imported ? imported.exported : name) : null;
    const opening = source && service ? streamOpenedOnConstruction(source.sourceCode, wrappers, service) : null;
    if (source && opening) {
      return {
        file: source.file,
        line: opening.node.loc.start.line,
        stream: opening.source.label,
        route: ` through its own \`${name}\` (in \`providers\`)`,
      };
    }
  }
  return null;
}
