/** @module `opendts expr "EXPRESSION" [--var User::X=Int32:5 …] [--param Name=Type:value …] [--column Name=Type:value …] [--product-version 2008|2012|2014]`: evaluates an SSIS expression and prints its value and type. */
import { hostname, userInfo } from 'node:os';
import { randomUUID } from 'node:crypto';
import { isSsisError, SsisError } from '../../errors.ts';
import { columnResolver, compileExpression, displayResult, variableTable, type ColumnInfo, type TableVariable } from '../../expr/index.ts';
import { convertValue, findDataType, SsisDateTime, typeSpec, variableTypeOfName } from '../../types/index.ts';
import { resolveToolYear } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';

const USAGE = [
  'Usage: opendts expr "EXPRESSION" [options]',
  '',
  'Evaluates an SSIS expression and prints its value and SSIS type, e.g. 42 (DT_I4).',
  '',
  '  --var Namespace::Name=Type:value   a variable (Type: Int32, String, Boolean, DateTime, Double, Int64, Decimal, …;',
  '                                     without Type: String); repeatable. @Name finds it without the namespace.',
  '  --param Name=Type:value            a package parameter ($Package::Name; write $Project::Name for a project one)',
  '  --product-version 2008|2012|2014   the version whose rules apply (default: OPENDTS_PRODUCT_VERSION, else 2014)',
  '  --column Name=Type:value           a data flow column (Type: DT_I4, DT_WSTR, DT_R8, … or a .NET name; without',
  '                                     ":value" the column is NULL), to try Derived Column and Conditional Split expressions',
  '  --assign                           accept "@Var = value" (For Loop / Expression task form) and print the new value',
];

type Var = TableVariable;

/** Parses `Name=Type:value` into a variable; the value is converted from text like a configuration value. */
function parseVariable(spec: string, defaultNamespace: string): Var {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`"${spec}" is not of the form Name=Type:value.`);
  let name = spec.slice(0, eq);
  if (!name.includes('::')) name = `${defaultNamespace}::${name}`;
  const rest = spec.slice(eq + 1);
  const colon = rest.indexOf(':');
  const typeName = colon > 0 ? rest.slice(0, colon) : 'String';
  const info = variableTypeOfName(typeName);
  if (colon > 0 && !info) throw new Error(`"${typeName}" is not a variable type (use Int32, String, Boolean, DateTime, Double, Int64, Decimal, …).`);
  const text = colon > 0 && info ? rest.slice(colon + 1) : rest;
  const exprType = info?.exprType ?? 'DT_WSTR';
  const type = typeSpec(exprType, exprType === 'DT_DECIMAL' ? { scale: Math.max((text.split('.')[1] ?? '').length, 0) } : {});
  const value = convertValue(text, typeSpec('DT_WSTR'), type);
  return { name, type, value, readOnly: name.startsWith('$') };
}

/** Parses `Name=Type[:value]` into a column; DT_* type names and .NET names are accepted; no value means NULL. */
function parseColumn(spec: string): ColumnInfo & { value: unknown } {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`"${spec}" is not of the form Name=Type:value.`);
  const name = spec.slice(0, eq);
  const rest = spec.slice(eq + 1);
  const colon = rest.indexOf(':');
  const typeName = colon >= 0 ? rest.slice(0, colon) : rest;
  const exprType = findDataType(typeName)?.name ?? variableTypeOfName(typeName)?.exprType;
  if (!exprType || exprType === 'DT_EMPTY' || exprType === 'DT_NULL') throw new Error(`"${typeName}" is not a data type (use DT_I4, DT_WSTR, DT_R8, … or Int32, String, …).`);
  const type = typeSpec(exprType);
  const value = colon >= 0 ? convertValue(rest.slice(colon + 1), typeSpec('DT_WSTR'), type) : null;
  return { name, type, value };
}

/** The system variables an expression can read outside a package run (read-only). */
function systemVariables(now: Date): Var[] {
  const dt = typeSpec('DT_DATE');
  const s = typeSpec('DT_WSTR');
  const start = SsisDateTime.fromDate(now);
  return [
    { name: 'System::StartTime', type: dt, value: start },
    { name: 'System::ContainerStartTime', type: dt, value: start },
    { name: 'System::MachineName', type: s, value: hostname() },
    { name: 'System::UserName', type: s, value: userInfo().username },
    { name: 'System::PackageName', type: s, value: 'Package' },
    { name: 'System::ExecutionInstanceGUID', type: s, value: `{${randomUUID().toUpperCase()}}` },
    { name: 'System::LocaleId', type: typeSpec('DT_I4'), value: 1033 },
  ].map((v) => ({ ...v, readOnly: true }));
}

/** Prints the error and a caret under its position in the expression (the line it is on, for multi-line text). */
function printError(io: CliIo, text: string, e: SsisError): void {
  io.err(e.format());
  const { line, column } = e.location ?? {};
  if (line === undefined || column === undefined) return;
  const source = text.split('\n')[line - 1] ?? '';
  io.err(`  ${source.replace(/\r$/, '')}`);
  io.err(`  ${' '.repeat(column - 1)}^`);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  let text: string | undefined;
  const specs: { spec: string; ns: string }[] = [];
  const columnSpecs: string[] = [];
  let version: string | undefined;
  let allowAssignment = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value.`);
      return v;
    };
    try {
      if (a === '--help' || a === '-h') {
        USAGE.forEach((l) => io.out(l));
        return 0;
      } else if (a === '--var') specs.push({ spec: value(), ns: 'User' });
      else if (a === '--param') specs.push({ spec: value(), ns: '$Package' });
      else if (a === '--product-version') version = value();
      else if (a === '--assign') allowAssignment = true;
      else if (a === '--column') columnSpecs.push(value());
      else if (a.startsWith('--')) throw new Error(`unknown option ${a}.`);
      else if (text === undefined) text = a;
      else throw new Error(`only one expression can be given (found "${a}"); quote the expression.`);
    } catch (e) {
      io.err(`opendts expr: ${(e as Error).message}`);
      return 2;
    }
  }
  if (text === undefined) {
    USAGE.forEach((l) => io.err(l));
    return 2;
  }
  let vars: TableVariable[];
  let columns: (ColumnInfo & { value: unknown })[];
  let year;
  try {
    year = resolveToolYear({ flag: version, env: io.env.OPENDTS_PRODUCT_VERSION });
    vars = [...systemVariables(new Date()), ...specs.map((s) => parseVariable(s.spec, s.ns))];
    columns = columnSpecs.map(parseColumn);
  } catch (e) {
    io.err(`opendts expr: ${isSsisError(e) ? 'bad variable value: ' : ''}${(e as Error).message}`);
    return 2;
  }
  const table = variableTable(vars);
  try {
    const resolveColumn = columns.length ? columnResolver(columns) : undefined;
    const compiled = compileExpression(text, { version: year, resolveVariable: table.resolveVariable, resolveColumn, allowAssignment });
    const result = compiled.evaluate({ ...table.scope, columns: columns.map((c) => c.value) });
    io.out(displayResult(result, compiled.resultType));
    return 0;
  } catch (e) {
    if (!isSsisError(e)) throw e;
    printError(io, text, e);
    return 1;
  }
}
