// Every expression found in the real packages of the corpus (variables, precedence constraints, property expressions,
// For Loops, Derived Column and Conditional Split) parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SsisError } from '../errors.ts';
import { typeSpec, variableTypeOfCode, type DataTypeName } from '../types/index.ts';
import { compileExpression, parseExpression, variableTable, type TableVariable } from './index.ts';

const corpus = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/corpus');

function packages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? packages(path) : name.toLowerCase().endsWith('.dtsx') ? [path] : [];
  });
}

const ENTITIES: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&', apos: "'" };
const decode = (s: string) => s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
  e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m);

/** Expression texts of a package, with whether the assignment form is allowed there. */
function expressions(xml: string): { text: string; where: string; assignment: boolean }[] {
  const found: { text: string; where: string; assignment: boolean }[] = [];
  const add = (re: RegExp, where: string, assignment = false) => {
    for (const m of xml.matchAll(re)) found.push({ text: decode(m[1]), where, assignment });
  };
  add(/DTS:Expression="([^"]*)"/g, 'DTS:Expression');
  add(/DTS:(?:InitExpression|AssignExpression)="([^"]*)"/g, 'For Loop', true);
  add(/DTS:EvalExpression="([^"]*)"/g, 'For Loop');
  add(/<DTS:Property DTS:Name="Expression">([^<]*)<\/DTS:Property>/g, 'Expression (2005/2008)');
  add(/<DTS:Property DTS:Name="(?:InitExpression|AssignExpression)">([^<]*)<\/DTS:Property>/g, 'For Loop (2005/2008)', true);
  add(/<DTS:Property DTS:Name="EvalExpression">([^<]*)<\/DTS:Property>/g, 'For Loop (2005/2008)');
  add(/<DTS:PropertyExpression[^>]*>([^<]*)<\/DTS:PropertyExpression>/g, 'property expression');
  add(/<property[^>]*name="(?:Friendly)?Expression"[^>]*>([^<]*)<\/property>/g, 'data flow');
  return found.filter((e) => e.text.trim() !== '');
}

test('every expression of the corpus packages parses', () => {
  assert.ok(existsSync(corpus), `the corpus is expected beside the repository at ${corpus}`);
  let count = 0;
  const failures: string[] = [];
  for (const file of packages(corpus)) {
    for (const e of expressions(readFileSync(file, 'utf8'))) {
      count++;
      try {
        parseExpression(e.text, { allowAssignment: e.assignment });
      } catch (err) {
        if (!(err instanceof SsisError)) throw err;
        failures.push(`${file.slice(corpus.length + 1)} (${e.where}): ${e.text}\n  ${err.symbol}: ${err.message}`);
      }
    }
  }
  assert.ok(count > 50, `only ${count} expressions found`);
  assert.deepEqual(failures, []);
});

/** System variables the corpus expressions read, with their types (§3.4). */
const SYSTEM: readonly [string, DataTypeName][] = [
  ['StartTime', 'DT_DATE'], ['ContainerStartTime', 'DT_DATE'], ['CreationDate', 'DT_DATE'], ['PackageName', 'DT_WSTR'],
  ['MachineName', 'DT_WSTR'], ['UserName', 'DT_WSTR'], ['ExecutionInstanceGUID', 'DT_WSTR'], ['PackageID', 'DT_WSTR'],
  ['TaskName', 'DT_WSTR'], ['SourceName', 'DT_WSTR'], ['ErrorDescription', 'DT_WSTR'], ['ErrorCode', 'DT_I4'], ['LocaleId', 'DT_I4'],
  ['ServerExecutionID', 'DT_I8'], ['VersionBuild', 'DT_I4'], ['Propagate', 'DT_BOOL'],
];

/** The variables and package parameters a 2012+ package declares (every scope flattened), plus the system variables. */
function declaredVariables(xml: string): TableVariable[] {
  const typed = (name: string, code: string): TableVariable => ({ name, type: typeSpec(variableTypeOfCode(Number(code))?.exprType ?? 'DT_EMPTY'), value: null });
  const all = [
    ...[...xml.matchAll(/<DTS:Variable\b[^>]*?DTS:Namespace="([^"]*)"[^>]*?DTS:ObjectName="([^"]*)"[\s\S]*?DTS:DataType="(\d+)"/g)].map((m) => typed(`${m[1]}::${m[2]}`, m[3])),
    ...[...xml.matchAll(/<DTS:PackageParameter\b[^>]*?DTS:DataType="(\d+)"[^>]*?DTS:ObjectName="([^"]*)"/g)].map((m) => typed(`$Package::${m[2]}`, m[1])),
    ...SYSTEM.map(([name, type]) => ({ name: `System::${name}`, type: typeSpec(type), value: null })),
  ];
  const seen = new Set<string>();
  return all.filter((v) => !seen.has(v.name) && seen.add(v.name));
}

test('the control-flow expressions of the 2012/2014 corpus packages type-check against the variables they declare', () => {
  let count = 0;
  const failures: string[] = [];
  for (const file of packages(corpus).filter((f) => /[\\/]v[68][\\/]/.test(f))) {
    const xml = readFileSync(file, 'utf8');
    const table = variableTable(declaredVariables(xml));
    // Project parameters live in Project.params, outside the package: taken as strings.
    const resolveVariable = (name: string) => table.resolveVariable(name) ?? (name.startsWith('$Project::') ? { name, type: typeSpec('DT_WSTR') } : undefined);
    for (const e of expressions(xml).filter((x) => x.where === 'DTS:Expression' || x.where === 'property expression')) {
      count++;
      try {
        compileExpression(e.text, { version: 2014, resolveVariable });
      } catch (err) {
        if (!(err instanceof SsisError)) throw err;
        failures.push(`${file.slice(corpus.length + 1)} (${e.where}): ${e.text}\n  ${err.symbol}: ${err.message}`);
      }
    }
  }
  assert.ok(count > 50, `only ${count} expressions found`);
  assert.deepEqual(failures, []);
});
