import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage, writePackage } from '../index.ts';
import { descendants, parseXml } from '../../xml/index.ts';
import type { ExecuteSqlSettings, Task } from '../../package/index.ts';
import { allDataFlows, allTasks } from '../../package/index.ts';
import { CORPUS_DIR } from '../../../test/corpus/corpus-files.ts';

/** How many characters of `b` lie between the prefix and the suffix it shares with `a`. */
function changedSpan(a: Uint8Array, b: Uint8Array): number {
  const x = Buffer.from(a).toString('utf8');
  const y = Buffer.from(b).toString('utf8');
  let start = 0;
  while (start < x.length && x[start] === y[start]) start++;
  let end = 0;
  while (end < x.length - start && x[x.length - 1 - end] === y[y.length - 1 - end]) end++;
  return y.length - start - end;
}

test('direct model edits of a 2014 package are written into its XML, and nothing else changes', () => {
  const bytes = readFileSync(join(CORPUS_DIR, 'v8', 'johnwelch__ssisUnit__PropertyTest2017.dtsx'));
  const pkg = readPackage(bytes);
  const sql = allTasks(pkg).find((t) => t.kind === 'ExecuteSQL') as Task;
  sql.disabled = true;
  // One edit rewrites one start tag; the rest of the file keeps its bytes.
  const one = writePackage(pkg);
  assert.ok(changedSpan(bytes, one) < 1000, `changed ${changedSpan(bytes, one)} characters`);
  (sql.settings as ExecuteSqlSettings).sqlStatementSource = 'SELECT 42';
  pkg.variables[0].value = '7';
  pkg.connectionManagers[0].connectionString = 'Data Source=elsewhere;';
  const out = writePackage(pkg);
  const again = readPackage(out);
  const sql2 = allTasks(again).find((t) => t.kind === 'ExecuteSQL') as Task;
  assert.equal(sql2.disabled, true);
  assert.equal((sql2.settings as ExecuteSqlSettings).sqlStatementSource, 'SELECT 42');
  assert.equal(again.variables[0].value, '7');
  assert.equal(again.connectionManagers[0].connectionString, 'Data Source=elsewhere;');
});

test('direct model edits of a 2008 package are written as <DTS:Property> elements', () => {
  const bytes = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__DEMO_1B_USCities.dtsx'));
  const pkg = readPackage(bytes);
  const dft = allTasks(pkg).find((t) => t.kind === 'Pipeline')!;
  dft.disabled = true;
  dft.name = 'Cities';
  const split = allDataFlows(pkg)[0].dataFlow.components.find((c) => c.classId === 'Microsoft.ConditionalSplit')!;
  const friendly = split.outputs.flatMap((o) => o.properties).find((p) => p.name === 'FriendlyExpression')!;
  friendly.value = 'ST == "CA"';
  const out = writePackage(pkg);
  const text = Buffer.from(out).toString('utf8');
  assert.match(text, /<DTS:Property DTS:Name="Disabled">-1<\/DTS:Property>/);
  const again = readPackage(out);
  assert.equal(allTasks(again).find((t) => t.kind === 'Pipeline')!.disabled, true);
  assert.equal(allTasks(again).find((t) => t.kind === 'Pipeline')!.refId, 'Package\\Cities');
  const split2 = allDataFlows(again)[0].dataFlow.components.find((c) => c.classId === 'Microsoft.ConditionalSplit')!;
  assert.equal(split2.outputs.flatMap((o) => o.properties).find((p) => p.name === 'FriendlyExpression')!.value, 'ST == "CA"');
});

test('renaming an executable, a variable and a connection manager rewrites their refIds and every reference', () => {
  const bytes = readFileSync(join(CORPUS_DIR, 'v8', 'Sky-Italia-Corporate__RGT_Solution__M03_IMPORT_F01_S01_IT030_13.dtsx'));
  const pkg = readPackage(bytes);
  const loop = pkg.executables.find((e) => e.name === 'Loop on Days to Import')!;
  loop.name = 'Days';
  pkg.variables[0].name = 'Today';
  const cm = pkg.connectionManagers.find((c) => c.name === 'EXCHANGE_RATE')!;
  cm.name = 'Rates';
  const touches = (refId: string): boolean => pkg.precedenceConstraints.some((c) => c.to === refId || c.from === refId);
  assert.ok(touches('Package\\Loop on Days to Import'));
  const again = readPackage(writePackage(pkg));
  // the model follows: its refIds are rewritten too
  assert.ok(touches('Package\\Days') && !touches('Package\\Loop on Days to Import'));
  assert.equal(loop.refId, 'Package\\Days');
  assert.deepEqual(again.problems, []);
  assert.ok(again.executables.some((e) => e.refId === 'Package\\Days'));
  assert.ok(again.precedenceConstraints.some((c) => c.to === 'Package\\Days' || c.from === 'Package\\Days'));
  assert.equal(again.variables[0].refId, 'Package.Variables[User::Today]');
  const flows = allDataFlows(again);
  assert.ok(flows.some((f) => f.task.refId.startsWith('Package\\Days\\')));
  assert.ok(flows.flatMap((f) => f.dataFlow.components).some((c) => c.connections.some((k) => k.connectionManagerRefId === 'Package.ConnectionManagers[Rates]')));
  // No refId or reference in the package's XML attributes keeps the old name (old 2008 designer layout text may).
  const root = parseXml(writePackage(pkg)).root;
  const attributes = [root, ...descendants(root)].flatMap((el) => el.attributes.map((a) => a.value));
  assert.deepEqual(attributes.filter((a) => a.includes('Package\\Loop on Days to Import')), []);
});

test('renaming a data flow component is refused clearly', () => {
  const pkg = readPackage(readFileSync(join(CORPUS_DIR, 'v8', 'johnwelch__ssisUnit__DataFlowComponent.dtsx')));
  allDataFlows(pkg)[0].dataFlow.components[0].name = 'Other';
  assert.throws(() => writePackage(pkg), /Renaming data flow objects .* is not supported yet/);
});
