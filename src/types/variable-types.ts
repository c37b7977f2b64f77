/** @module Variable and parameter type codes: the `DTS:DataType` VARIANT codes of variables, their .NET names, the TypeCode numbers of Project.params, and the DT_* type each becomes in an expression. */
import type { DataTypeName } from './data-types.ts';

/** One variable type as a .dtsx stores it. */
export interface VariableTypeInfo {
  /** The `DTS:DataType` code (VARIANT type). */
  readonly code: number;
  /** The .NET type name shown by the designer and accepted by `dtexec /Par "P(Int32)"`. */
  readonly netName: string;
  /** The `System.TypeCode` number used by Project.params, if the type has one. */
  readonly typeCode?: number;
  /** The DT_* type the value has inside an expression; undefined for Object (not usable in expressions). */
  readonly exprType?: DataTypeName;
}

/** The variable types, by VARIANT code (§3.3). */
export const VARIABLE_TYPES: readonly VariableTypeInfo[] = [
  { code: 0, netName: 'Empty', typeCode: 0, exprType: 'DT_EMPTY' },
  { code: 1, netName: 'DBNull', typeCode: 2, exprType: 'DT_NULL' },
  { code: 2, netName: 'Int16', typeCode: 7, exprType: 'DT_I2' },
  { code: 3, netName: 'Int32', typeCode: 9, exprType: 'DT_I4' },
  { code: 4, netName: 'Single', typeCode: 13, exprType: 'DT_R4' },
  { code: 5, netName: 'Double', typeCode: 14, exprType: 'DT_R8' },
  { code: 6, netName: 'Currency', exprType: 'DT_CY' },
  { code: 7, netName: 'DateTime', typeCode: 16, exprType: 'DT_DATE' },
  { code: 8, netName: 'String', typeCode: 18, exprType: 'DT_WSTR' },
  { code: 11, netName: 'Boolean', typeCode: 3, exprType: 'DT_BOOL' },
  { code: 13, netName: 'Object', typeCode: 1 },
  { code: 14, netName: 'Decimal', typeCode: 15, exprType: 'DT_DECIMAL' },
  { code: 16, netName: 'SByte', typeCode: 5, exprType: 'DT_I1' },
  { code: 17, netName: 'Byte', typeCode: 6, exprType: 'DT_UI1' },
  // Char is believed to be stored as 18 (UInt16) [unverified].
  { code: 18, netName: 'UInt16', typeCode: 8, exprType: 'DT_UI2' },
  { code: 19, netName: 'UInt32', typeCode: 10, exprType: 'DT_UI4' },
  { code: 20, netName: 'Int64', typeCode: 11, exprType: 'DT_I8' },
  { code: 21, netName: 'UInt64', typeCode: 12, exprType: 'DT_UI8' },
  // Pipeline-only codes that also appear on variables/parameters written by other tools.
  { code: 72, netName: 'Guid', exprType: 'DT_GUID' },
  { code: 129, netName: 'String', exprType: 'DT_STR' },
  { code: 130, netName: 'String', exprType: 'DT_WSTR' },
  { code: 131, netName: 'Decimal', exprType: 'DT_NUMERIC' },
  { code: 133, netName: 'DateTime', exprType: 'DT_DBDATE' },
  { code: 135, netName: 'DateTime', exprType: 'DT_DBTIMESTAMP' },
];

/** The variable type of a `DTS:DataType` code. */
export function variableTypeOfCode(code: number): VariableTypeInfo | undefined {
  return VARIABLE_TYPES.find((v) => v.code === code);
}

/** The variable type of a .NET name (`Int32`, `string`, `System.Boolean`; case-insensitive); `Char` maps to UInt16. */
export function variableTypeOfName(name: string): VariableTypeInfo | undefined {
  const n = name.trim().replace(/^system\./i, '').toLowerCase();
  const wanted = n === 'char' ? 'uint16' : n === 'int' ? 'int32' : n === 'bool' ? 'boolean' : n;
  return VARIABLE_TYPES.find((v) => v.netName.toLowerCase() === wanted);
}

/** The variable type of a Project.params `System.TypeCode` number. */
export function variableTypeOfTypeCode(typeCode: number): VariableTypeInfo | undefined {
  return VARIABLE_TYPES.find((v) => v.typeCode === typeCode);
}
