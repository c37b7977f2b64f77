/** @module Adding one executable element to a container and reading it back: the step every task and container builder shares. */
import type { XmlElement } from '../../xml/index.ts';
import type { Container, Executable } from '../../package/index.ts';
import { classIdForFormat } from '../../versions/index.ts';
import { readExecutable } from '../read/read-executable.ts';
import { packageOf } from '../package-registry.ts';
import { assertNewName, editContext, newId } from './builder-state.ts';
import { ensureWrapper, h, insertIndented, type Attrs } from './tree.ts';

/** `True`/`False`, or undefined to leave the attribute out. */
export const bool = (v: boolean | undefined): string | undefined => (v === undefined ? undefined : v ? 'True' : 'False');

/** `<DTS:ObjectData>` around a task's payload. */
export const objectData = (payload: XmlElement): XmlElement => h('DTS:ObjectData', {}, [payload]);

/** Adds an executable of class `classId` (canonical) named `name` to `container`; returns it as read back. */
export function addExecutable(container: Container, name: string, classId: string, description: string, attrs: Attrs, children: XmlElement[]): Executable {
  const pkg = packageOf(container);
  const ctx = editContext(pkg, `adding "${name}"`);
  assertNewName(container.executables.map((e) => e.name), name, 'Executable');
  const type = classIdForFormat(classId, pkg.xmlFormat as 6 | 8);
  const el = h('DTS:Executable', {
    'DTS:refId': `${container.refId}\\${name}`,
    ...attrs,
    'DTS:CreationName': type,
    'DTS:Description': description,
    'DTS:DTSID': newId(pkg),
    'DTS:ExecutableType': type,
    'DTS:LocaleID': '-1',
    'DTS:ObjectName': name,
  }, [h('DTS:Variables'), ...children]);
  insertIndented(ensureWrapper(container.element, 'Executables'), el);
  const exe = readExecutable(el, container.refId, ctx);
  container.executables.push(exe);
  return exe;
}
