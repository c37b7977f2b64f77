/** @module Reading variables and package parameters. */
import type { XmlElement } from '../../xml/index.ts';
import type { Parameter, Variable } from '../../package/index.ts';
import { parseBool, parseIntOr } from '../dialect.ts';
import { attrLocal, elementNamed, ownText } from '../dom.ts';
import { addProblem, type ReadContext } from './context.ts';

/** True when the value is still encrypted (a user key, or no password given): it is treated as missing. */
function isEncrypted(el: XmlElement | undefined): boolean {
  if (!el) return false;
  if (parseBool(attrLocal(el, 'Encrypted'), false)) return true;
  return el.children.some((c) => c.type === 'element' && (c.localName === 'EncryptedData' || isEncrypted(c)));
}

/** The text of a value element; sensitive parameters nest their value in a second `<DTS:Property>`. */
function valueText(el: XmlElement): string {
  const inner = el.children.find((c): c is XmlElement => c.type === 'element' && c.localName === 'Property');
  return inner ? valueText(inner) : ownText(el);
}

/** The variables of an executable. */
export function readVariables(el: XmlElement, ownerRefId: string, ctx: ReadContext): Variable[] {
  const d = ctx.dialect;
  return d.items(el, 'Variables', 'Variable').map((v) => {
    const props = d.propertiesOf(v);
    const namespace = props.get('Namespace') ?? 'User';
    const name = props.get('ObjectName') ?? '';
    if (name === '') addProblem(ctx, v, `${ownerRefId}.Variables`, 'has a variable without a name (ObjectName)');
    const valueEl = elementNamed(v, 'VariableValue');
    const encrypted = isEncrypted(valueEl);
    const dataType = parseIntOr(valueEl ? attrLocal(valueEl, 'DataType') : undefined, 8);
    return {
      refId: props.get('refId') ?? `${ownerRefId}.Variables[${namespace}::${name}]`,
      dtsId: props.get('DTSID') ?? '',
      namespace,
      name,
      description: props.get('Description') ?? '',
      dataType,
      value: valueEl && !encrypted ? ownText(valueEl) : undefined,
      expression: props.get('Expression') ?? '',
      evaluateAsExpression: parseBool(props.get('EvaluateAsExpression'), false),
      readOnly: parseBool(props.get('ReadOnly'), false),
      raiseChangedEvent: parseBool(props.get('RaiseChangedEvent'), false),
      sensitive: encrypted || parseBool(valueEl ? attrLocal(valueEl, 'Sensitive') : undefined, false),
      includeInDebugDump: props.get('IncludeInDebugDump'),
      element: v,
    };
  });
}

/** The package parameters (2012+). */
export function readParameters(root: XmlElement, ctx: ReadContext): Parameter[] {
  const d = ctx.dialect;
  return d.items(root, 'PackageParameters', 'PackageParameter').map((p) => {
    const name = d.prop(p, 'ObjectName') ?? '';
    const valueEl = [...p.children].find((c): c is XmlElement => c.type === 'element' && c.localName === 'Property' && attrLocal(c, 'Name') === 'ParameterValue');
    const encrypted = isEncrypted(valueEl);
    return {
      refId: d.prop(p, 'refId') ?? `Package.PackageParameters[${name}]`,
      dtsId: d.prop(p, 'DTSID') ?? '',
      name,
      description: d.prop(p, 'Description') ?? '',
      dataType: parseIntOr(attrLocal(p, 'DataType'), 8),
      value: valueEl && !encrypted ? valueText(valueEl) : undefined,
      required: parseBool(d.prop(p, 'Required'), false),
      sensitive: parseBool(d.prop(p, 'Sensitive'), false),
      element: p,
    };
  });
}
