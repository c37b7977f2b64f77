/** @module Reading `SSIS:Parameter` elements (Project.params, project manifests): name, type, value, flags. */
import type { UnavailableValue } from '../protection/index.ts';
import { variableTypeOfTypeCode } from '../types/index.ts';
import { attr, childElements, firstChild, textOf, type XmlElement } from '../xml/index.ts';
import { SSIS_NAMESPACE as SSIS_NS } from '../xml/index.ts';

/** A project or package parameter as a project file describes it. */
export interface ProjectParameter {
  readonly name: string;
  readonly id: string;
  readonly description: string;
  /** The `System.TypeCode` number the file stores (3 Boolean, 9 Int32, 18 String, …); undefined when absent. */
  readonly dataType: number | undefined;
  /** The .NET type name of `dataType` (`String`, `Int32`, …). */
  readonly typeName: string | undefined;
  /** The `DTS:DataType` (VARIANT) code of the same type, as package variables use. */
  readonly variableType: number | undefined;
  readonly required: boolean;
  readonly sensitive: boolean;
  readonly includeInDebugDump: boolean;
  /** The value as written; undefined when absent or when it could not be decrypted. */
  readonly value: string | undefined;
  /** Why a sensitive value is missing, when it is. */
  readonly valueUnavailable?: UnavailableValue['reason'];
  /** Every property, by name, as written. */
  readonly properties: Readonly<Record<string, string>>;
  /** Line of the parameter element in its file. */
  readonly line: number;
}

/** The `SSIS:Property` children of an element's `SSIS:Properties`, by `SSIS:Name`. */
export function ssisProperties(el: XmlElement): Map<string, XmlElement> {
  const props = firstChild(el, `{${SSIS_NS}}Properties`);
  const out = new Map<string, XmlElement>();
  if (!props) return out;
  for (const p of childElements(props, `{${SSIS_NS}}Property`)) {
    const name = attr(p, `{${SSIS_NS}}Name`);
    if (name !== undefined) out.set(name, p);
  }
  return out;
}

/** The value of an `SSIS:Property`: SSIS writes an empty one as a line break and indentation, which reads as ''. */
export function ssisPropertyValue(p: XmlElement): string {
  const text = textOf(p);
  return text.includes('\n') && text.trim() === '' ? '' : text;
}

/** The value of every property, by name. */
export function ssisPropertyTexts(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, p] of ssisProperties(el)) out[name] = ssisPropertyValue(p);
  return out;
}

function flag(value: string | undefined): boolean {
  return value !== undefined && (value.trim() === '1' || value.trim().toLowerCase() === 'true');
}

/** Reads one `SSIS:Parameter`; `unavailable` tells which value elements could not be decrypted and why. */
export function readSsisParameter(el: XmlElement, unavailable: ReadonlyMap<XmlElement, UnavailableValue['reason']>): ProjectParameter {
  const props = ssisProperties(el);
  const texts = ssisPropertyTexts(el);
  const valueEl = props.get('Value');
  const missing = valueEl ? unavailable.get(valueEl) : undefined;
  const dataType = texts.DataType === undefined || texts.DataType === '' ? undefined : Number(texts.DataType);
  const type = dataType === undefined ? undefined : variableTypeOfTypeCode(dataType);
  return {
    name: attr(el, `{${SSIS_NS}}Name`) ?? '',
    id: texts.ID ?? '',
    description: texts.Description ?? '',
    dataType,
    typeName: type?.netName,
    variableType: type?.code,
    required: flag(texts.Required),
    sensitive: flag(texts.Sensitive),
    includeInDebugDump: flag(texts.IncludeInDebugDump),
    value: missing || valueEl === undefined ? undefined : ssisPropertyValue(valueEl),
    ...(missing ? { valueUnavailable: missing } : {}),
    properties: texts,
    line: el.line,
  };
}
