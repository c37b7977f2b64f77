/** @module Variables: name, namespace, type code, value and expression. */
import type { XmlElement } from '../xml/index.ts';

/** A variable of a container. */
export interface Variable {
  /** `Package.Variables[User::X]`, `Package\Seq.Variables[User::X]`. */
  refId: string;
  dtsId: string;
  namespace: string;
  name: string;
  description: string;
  /** The VARIANT type code of `DTS:VariableValue DTS:DataType` (3 Int32, 8 String, 11 Boolean, 7 DateTime, 20 Int64, 13 Object …). */
  dataType: number;
  /** The value as written in the file (Booleans `-1`/`0` or `True`/`False`, dates in en-US form); undefined for Object or missing values. */
  value: string | undefined;
  expression: string;
  evaluateAsExpression: boolean;
  readOnly: boolean;
  raiseChangedEvent: boolean;
  /** True when the value is encrypted/sensitive in the file. */
  sensitive: boolean;
  includeInDebugDump?: string;
  readonly element: XmlElement;
}

/** `User::Name`. */
export function qualifiedVariableName(v: Pick<Variable, 'namespace' | 'name'>): string {
  return `${v.namespace}::${v.name}`;
}
