// Tests of package configurations and command-line settings in SSIS 2008+'s order, and of property paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Engine, expressionHost, databaseAccess, applyConfigurations, packageOf, variable, connectionSpec, taskSpec, parsePropertyPath, type ConfigurationSpec } from './index.ts';
import { sqlConfigurationParts } from './configurations.ts';

const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function engineWith(configurations: ConfigurationSpec[]) {
  const db = databaseAccess();
  const spec = packageOf([taskSpec('T', 'Expression', { expression: '@[User::A] = @[User::A]' })], {
    variables: [variable('A', 3, 0), variable('B', 8, ''), variable('C', 8, ''), variable('D', 8, ''), variable('E', 8, '')],
    connections: [connectionSpec('Cfg', 'OLEDB', `sqlite:${join(dir, 'cfg.sqlite')}`)],
    configurations,
  });
  return new Engine(spec, { expressions: expressionHost(2014), openDatabase: db.open, openConnection: db.connect });
}

test('configurations of every kind, then /Set, then the configurations again, then parent variables', async () => {
  const file = join(dir, 'a.dtsConfig');
  writeFileSync(file, `<?xml version="1.0"?><DTSConfiguration><DTSConfigurationHeading><DTSConfigurationFileInfo GeneratedBy="x"/></DTSConfigurationHeading>
<Configuration ConfiguredType="Property" Path="\\Package.Variables[User::A].Properties[Value]" ValueType="Int32"><ConfiguredValue>7</ConfiguredValue></Configuration></DTSConfiguration>`);
  const db = new Database(join(dir, 'cfg.sqlite'));
  db.exec(`CREATE TABLE "SSIS Configurations" (ConfigurationFilter TEXT, ConfiguredValue TEXT, PackagePath TEXT, ConfiguredValueType TEXT);
    INSERT INTO "SSIS Configurations" VALUES ('F', 'from-sql', '\\Package.Variables[User::C].Properties[Value]', 'String'), ('Other', 'no', '\\Package.Variables[User::C].Properties[Value]', 'String');`);
  db.close();
  const engine = engineWith([
    { name: 'Xml', type: 1, configurationString: file },
    { name: 'Env', type: 2, configurationString: 'OPENDTS_TEST_B', configurationVariable: '\\Package.Variables[User::B].Properties[Value]' },
    { name: 'Sql', type: 7, configurationString: '"Cfg";"[dbo].[SSIS Configurations]";"F";' },
    { name: 'Reg', type: 3, configurationString: 'SSISPackages\\Demo', configurationVariable: '\\Package.Variables[User::D].Properties[Value]' },
    { name: 'Parent', type: 0, configurationString: 'ParentVar', configurationVariable: '\\Package.Variables[User::E].Properties[Value]' },
  ]);
  await applyConfigurations(engine, [{ kind: 'set', path: '\\Package.Variables[User::A].Value', value: '99' }, { kind: 'set', path: '\\Package.Variables[User::E].Value', value: 'set' }], {
    env: { OPENDTS_TEST_B: 'from-env' },
    registryValue: (key) => (key === 'SSISPackages\\Demo\\Value' ? 'from-registry' : undefined),
    parentValue: (name) => (name === 'ParentVar' ? 'from-parent' : undefined),
  });
  const value = (n: string) => engine.root.scope.get(`User::${n}`).value;
  assert.equal(value('A'), 7, 'the design-time configuration is applied again after /Set');
  assert.equal(value('B'), 'from-env');
  assert.equal(value('C'), 'from-sql');
  assert.equal(value('D'), 'from-registry');
  assert.equal(value('E'), 'from-parent');
});

test('a missing configuration source is a warning, not a failure; a bad /Set path throws', async () => {
  const engine = engineWith([{ name: 'Missing', type: 1, configurationString: join(dir, 'none.dtsConfig') }]);
  const warnings: string[] = [];
  engine.addListener({ events: new Set(['OnWarning']), listener: (e) => void warnings.push(e.message) });
  await applyConfigurations(engine, [{ kind: 'set', path: '\\Package.Variables[User::B].Value', value: 'x' }], { env: {} });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /none\.dtsConfig/);
  await assert.rejects(applyConfigurations(engine, [{ kind: 'set', path: '\\Package.Variables[User::Nope].Value', value: '1' }], { env: {} }), /0x80012017|cannot be found/);
});

test('property paths and SQL Server configuration strings parse as SSIS writes them', () => {
  assert.deepEqual(parsePropertyPath('\\Package\\Seq\\Task.Properties[Disable]'), { containers: ['Seq', 'Task'], collection: 'Properties', member: '', property: 'Disable' });
  assert.deepEqual(parsePropertyPath('\\package.variables[myvariable].Value'), { containers: [], collection: 'Variables', member: 'myvariable', property: 'Value' });
  assert.deepEqual(parsePropertyPath('\\Package.Connections[Src].Properties[ConnectionString]'), { containers: [], collection: 'Connections', member: 'Src', property: 'ConnectionString' });
  assert.throws(() => parsePropertyPath('Package.Variables'), /cannot be found/);
  assert.deepEqual(sqlConfigurationParts('"SQL01.SSIS_CONFIGURATION";"[dbo].[RGT_Solution]";"File_RGT_ANPU";'), { connection: 'SQL01.SSIS_CONFIGURATION', table: '[dbo].[RGT_Solution]', filter: 'File_RGT_ANPU' });
});
