// The conformance suite: every case in conformance/*.cases runs through the compiled form and the reference evaluator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SsisError } from '../errors.ts';
import { SsisDateTime, SsisDecimal, typeSpec, type TypeSpec } from '../types/index.ts';
import type { ToolYear } from '../versions/index.ts';
import { checkText, compileExpression, displayValue, evaluateTree, variableTable, type TableVariable } from './index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CLOCK = { now: () => new Date(2026, 0, 15, 10, 20, 30, 123) };

/** The variables every case can read. */
function variables(): TableVariable[] {
  const v = (name: string, type: TypeSpec, value: unknown, readOnly = false): TableVariable => ({ name, type, value, readOnly });
  return [
    v('User::I4', typeSpec('DT_I4'), 5),
    v('User::Neg', typeSpec('DT_I4'), -7),
    v('User::S', typeSpec('DT_WSTR'), 'Hello World'),
    v('User::Empty', typeSpec('DT_WSTR'), ''),
    v('User::Pad', typeSpec('DT_WSTR'), '  pad  '),
    v('User::NullS', typeSpec('DT_WSTR'), null),
    v('User::NullI', typeSpec('DT_I4'), null),
    v('User::B', typeSpec('DT_BOOL'), true),
    v('User::R8', typeSpec('DT_R8'), 2.5),
    v('User::I8', typeSpec('DT_I8'), 9000000000n),
    v('User::UI4', typeSpec('DT_UI4'), 4000000000),
    v('User::D', typeSpec('DT_DATE'), SsisDateTime.of(2005, 3, 4, 11, 6, 18)),
    v('User::Dec', typeSpec('DT_DECIMAL', { scale: 3 }), SsisDecimal.parse('12.345')),
    v('User::RO', typeSpec('DT_I4'), 1, true),
    v('User::Obj', typeSpec('DT_EMPTY'), null),
    v('User::X', typeSpec('DT_I4'), 1),
    v('Other::X', typeSpec('DT_I4'), 2),
    v('User::Long', typeSpec('DT_WSTR'), 'x'.repeat(4001)),
    v('$Package::P', typeSpec('DT_I4'), 7, true),
    v('$Project::Name', typeSpec('DT_WSTR'), 'Proj', true),
    v('System::MachineName', typeSpec('DT_WSTR'), 'HOST', true),
  ];
}

interface Case { file: string; line: number; expr: string; error?: string; value?: string; type?: string; versions: ToolYear[]; assign: boolean }

function parseCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(join(here, 'conformance')).filter((f) => f.endsWith('.cases')).sort()) {
    readFileSync(join(here, 'conformance', file), 'utf8').split('\n').forEach((raw, i) => {
      if (raw.trim() === '' || raw.startsWith('#')) return;
      const [expr, right0] = raw.split(' ⟹ ');
      assert.ok(right0 !== undefined, `${file}:${i + 1}: no ⟹ separator`);
      let right = right0.trimEnd();
      let flags: string[] = [];
      const at = right.lastIndexOf(' @');
      if (at >= 0 && /^ @[0-9a-z,]+$/.test(right.slice(at))) {
        flags = right.slice(at + 2).split(',');
        right = right.slice(0, at);
      }
      const versions = flags.filter((f) => /^\d{4}$/.test(f)).map(Number) as ToolYear[];
      const c: Case = { file, line: i + 1, expr, versions: versions.length ? versions : [2014], assign: flags.includes('assign') };
      if (right.startsWith('!')) c.error = right.slice(1);
      else {
        const sep = right.lastIndexOf(' :: ');
        assert.ok(sep > 0, `${file}:${i + 1}: expected "value :: TYPE"`);
        c.value = right.slice(0, sep);
        c.type = right.slice(sep + 4);
      }
      cases.push(c);
    });
  }
  return cases;
}

/** The shown value: strings quoted, others as SSIS writes them. */
function shown(value: unknown, t: TypeSpec): string {
  const text = displayValue(value, t);
  return typeof value === 'string' ? `"${text}"` : text;
}

/** Runs a case one way; returns the shown result or `!SYMBOL`. */
function outcome(run: () => { value: unknown; t: TypeSpec }): string {
  try {
    const r = run();
    return `${shown(r.value, r.t)} :: ${r.t.type}`;
  } catch (e) {
    if (e instanceof SsisError) return `!${e.symbol}`;
    throw e;
  }
}

const cases = parseCases();

test('the conformance suite has at least 500 cases', () => {
  assert.ok(cases.length >= 500, `only ${cases.length} cases`);
});

for (const c of cases) {
  for (const version of c.versions) {
    test(`${c.file}:${c.line} [${version}] ${c.expr}`, () => {
      const expected = c.error !== undefined ? `!${c.error}` : `${c.value} :: ${c.type}`;
      const compiledVars = variableTable(variables());
      const context = { version, resolveVariable: compiledVars.resolveVariable, allowAssignment: c.assign };
      const compiled = outcome(() => {
        const x = compileExpression(c.expr, context, { env: CLOCK });
        return { value: x.evaluate(compiledVars.scope), t: x.resultType };
      });
      assert.equal(compiled, expected, 'compiled form');
      const refVars = variableTable(variables());
      const reference = outcome(() => {
        const tree = checkText(c.expr, { ...context, resolveVariable: refVars.resolveVariable });
        return { value: evaluateTree(tree, refVars.scope, { env: CLOCK, stringLimit: version === 2008 }), t: tree.t };
      });
      assert.equal(reference, expected, 'reference evaluator');
    });
  }
}
