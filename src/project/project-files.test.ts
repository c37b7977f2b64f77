import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SsisError } from '../errors.ts';
import { ProtectionLevel } from '../protection/index.ts';
import { corpusFile, corpusFiles } from '../xml/test-corpus.ts';
import { readConnectionManagerFile, readDeploymentManifest, readDtproj, readProjectParams } from './index.ts';

const other = (name: string) => readFileSync(corpusFile(`other/${name}`));

test('Project.params: parameters with types, values and flags', () => {
  for (const f of corpusFiles(['other'], ['.params'])) {
    const params = readProjectParams(readFileSync(f), basename(f));
    assert.ok(params.parameters.length >= 1);
    for (const p of params.parameters) {
      assert.ok(p.name.length > 0);
      assert.match(p.id, /^\{[0-9a-f-]{36}\}$/i);
      assert.equal(typeof p.required, 'boolean');
    }
  }
  const params = readProjectParams(other('arcanecode__Managing_SSIS_Projects__Project.params'), 'Project.params');
  assert.deepEqual(
    params.parameters.map((p) => [p.name, p.dataType, p.typeName, p.variableType, p.required, p.sensitive, p.value]),
    [['RuntimeEnvironment', 18, 'String', 8, false, false, 'Dev']],
  );
  assert.deepEqual(params.unavailable, []);
});

test('.conmgr: name, type, connection string, property expressions', () => {
  const smtp = readConnectionManagerFile(other('jbernier51__SSIS_Projects__SMTP.conmgr'), 'SMTP.conmgr');
  assert.equal(smtp.name, 'SMTP');
  assert.equal(smtp.creationName, 'SMTP');
  assert.equal(smtp.delayValidation, true);
  assert.equal(smtp.connectionString, 'SmtpServer=smtprelay.harsco.com;UseWindowsAuthentication=False;EnableSsl=False;');
  assert.deepEqual(smtp.propertyExpressions, { SmtpServer: '@[$Project::SMTP_SmtpServer]' });
  assert.equal(smtp.password, undefined);
  const oledb = readConnectionManagerFile(other('arcanecode__Managing_SSIS_Projects__SourceDB.conmgr'), 'SourceDB.conmgr');
  assert.equal(oledb.creationName, 'OLEDB');
  assert.match(oledb.connectionString ?? '', /^Data Source=localhost;Initial Catalog=SourceDB;/);
  assert.equal(oledb.dtsId, '{1A0D0032-C347-43A1-8ED5-C1179E96F602}');
  for (const f of corpusFiles(['other'], ['.conmgr'])) {
    const c = readConnectionManagerFile(readFileSync(f), basename(f));
    assert.ok(c.name && c.creationName && c.objectData, basename(f));
  }
  assert.throws(() => readConnectionManagerFile(other('arcanecode__Managing_SSIS_Projects__Project.params'), 'x.conmgr'), (e) => e instanceof SsisError && /not a connection manager/.test(e.message));
});

test('.dtproj of every generation: product version, deployment model, packages', () => {
  const cases: [string, string, number | undefined, 'Package' | 'Project', number, number | undefined][] = [
    ['linusamcm-source__msb_ssis2sql__Tutorial-Sample-1.dtproj', '9.0.4035.0', 2005, 'Package', 1, undefined],
    ['ceeae__SSIS_NDM_DTSX_PRD_TNS__SSIS_NDM_DTSX.dtproj', '10.50.1600.1', 2008, 'Package', 16, 3],
    ['lucmilot__SSIS_2014_Book__SFSSUG.dtproj', '11.0.1445.2', 2012, 'Project', 2, 6],
    ['Sky-Italia-Corporate__RGT_Solution__RGT_SA.dtproj', '14.0.3002.113', undefined, 'Package', 17, 8],
    ['arcanecode__Managing_SSIS_Projects__Demo_SSIS.dtproj', '15.0.2000.93', undefined, 'Project', 9, 8],
  ];
  for (const [file, productVersion, year, model, count, format] of cases) {
    const p = readDtproj(other(file), file);
    assert.equal(p.productVersion, productVersion, file);
    assert.equal(p.productYear, year, file);
    assert.equal(p.deploymentModel, model, file);
    assert.equal(p.packages.length, count, file);
    assert.equal(p.packages[0].formatVersion, format, file);
    assert.ok(p.packages.every((x) => x.name.endsWith('.dtsx')), file);
  }
  const sfssug = readDtproj(other('lucmilot__SSIS_2014_Book__SFSSUG.dtproj'), 'SFSSUG.dtproj');
  assert.equal(sfssug.manifest?.protectionLevel, ProtectionLevel.EncryptSensitiveWithUserKey);
  assert.equal(sfssug.manifest?.name, 'SFSSUG');
  assert.deepEqual(sfssug.manifest?.packages, [
    { name: 'ParamDemo.dtsx', entryPoint: true },
    { name: 'DataViewTest.dtsx', entryPoint: true },
  ]);
  const paramDemo = sfssug.manifest!.packageInfo.find((i) => i.name === 'ParamDemo.dtsx')!;
  assert.equal(paramDemo.protectionLevel, ProtectionLevel.EncryptSensitiveWithUserKey);
  assert.ok(paramDemo.parameters.some((p) => p.name === 'strPackageParam' && p.value === 'PackParam'));
  const demo = readDtproj(other('arcanecode__Managing_SSIS_Projects__Demo_SSIS.dtproj'), 'Demo_SSIS.dtproj');
  assert.deepEqual(demo.configurations.map((c) => [c.name, c.outputPath, c.targetServerVersion]), [['Development', 'bin', 'SQLServer2019']]);
  assert.equal(demo.manifest?.protectionLevel, ProtectionLevel.DontSaveSensitive);
});

test('.SSISDeploymentManifest: packages and flags', () => {
  const m = readDeploymentManifest(other('linusamcm-source__msb_ssis2sql__Tutorial-Sample-1.SSISDeploymentManifest'), 'x.SSISDeploymentManifest');
  assert.equal(m.generatedFromProjectName, 'Tutorial-Sample-1');
  assert.equal(m.allowConfigurationChanges, true);
  assert.deepEqual(m.packages, ['CreateSalesForecastInput.dtsx']);
  assert.deepEqual(m.configurationFiles, []);
});
