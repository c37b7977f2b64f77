import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SsisError } from '../errors.ts';
import { ProtectionLevel } from '../protection/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { createIspac, readIspac, readProjectManifest, readProjectParams, writeProjectManifest, writeProjectParams } from './index.ts';
import { dotNetRoundTripDate } from './project-writer.ts';

const ISPACS = ['other/johnwelch__ssisUnit__ISPACTesting.ispac', 'other/lucmilot__SSIS_2014_Book__EnvironDemo.ispac'];

test('Project.params is written byte for byte as SSIS writes it', async () => {
  for (const f of ISPACS) {
    const ispac = await readIspac(readFileSync(corpusFile(f)), f);
    const original = ispac.members.find((m) => m.name === 'Project.params')!.data;
    const written = writeProjectParams(
      ispac.parameters.map((p) => ({ name: p.name, dataType: p.dataType!, value: p.value, id: p.id, description: p.description, required: p.required, sensitive: p.sensitive })),
    );
    assert.deepEqual(Buffer.from(written), Buffer.from(original), f);
  }
  assert.throws(() => writeProjectParams([{ name: 'x', dataType: 'Guid' }]), (e) => e instanceof SsisError && /not a parameter type/.test(e.message));
});

test('the manifest is written as SSIS writes it, with each package read from its XML', async () => {
  for (const f of ISPACS) {
    const ispac = await readIspac(readFileSync(corpusFile(f)), f);
    const m = ispac.manifest;
    const written = writeProjectManifest({
      name: m.name,
      id: m.id,
      packages: ispac.packages.map((p) => ({ name: p.name, data: p.data })),
      connectionManagers: ispac.connectionManagers.map((c) => ({ name: c.fileName, data: new Uint8Array() })),
      version: m.version,
      created: m.properties.CreationDate,
      creatorName: m.properties.CreatorName,
      creatorComputerName: m.properties.CreatorComputerName,
    });
    // Identical up to the deployment information, but for the user-key PasswordVerifier that cannot be written here.
    const original = Buffer.from(ispac.members.find((x) => x.name === '@Project.manifest')!.data)
      .toString('utf8')
      .replace(/ProtectionLevel="EncryptSensitiveWithUserKey"/, 'ProtectionLevel="DontSaveSensitive"')
      .replace(/\r\n {4}<SSIS:Property SSIS:Name="PasswordVerifier"[^\n]*<\/SSIS:Property>/, '');
    const text = Buffer.from(written).toString('utf8');
    const cut = original.indexOf('<SSIS:DeploymentInfo>');
    assert.equal(text.slice(0, cut), original.slice(0, cut), f);
    // The package metadata agrees with SSIS's (connection manager parameters, CM.*, are not generated).
    const back = readProjectManifest(written, '@Project.manifest');
    assert.deepEqual(
      back.packageInfo.map((p) => [p.name, p.properties, p.parameters.map((x) => [x.name, x.dataType, x.value])]),
      m.packageInfo.map((p) => [
        p.name,
        p.properties,
        p.parameters.filter((x) => !x.name.startsWith('CM.')).map((x) => [x.name, x.dataType, x.value]),
      ]),
      f,
    );
  }
});

test('a project built in code becomes an .ispac that reads back, with its password', async () => {
  const pkg = readFileSync(corpusFile('v6/lucmilot__SSIS_2014_Book__ParamDemo.dtsx'));
  const project = {
    name: 'Built',
    packages: [{ name: 'Param Demo.dtsx', data: pkg }],
    parameters: [
      { name: 'Server', dataType: 'String', value: 'localhost' },
      { name: 'Secret', dataType: 'String', value: 's3cr&t', sensitive: true },
      { name: 'Retries', dataType: 'Int32', value: '3', required: true },
    ],
    protectionLevel: ProtectionLevel.EncryptSensitiveWithPassword,
    password: 'pw',
    created: new Date('2014-04-01T12:00:00Z'),
  };
  const bytes = await createIspac(project);
  const ispac = await readIspac(bytes, 'Built.ispac', { password: 'pw' });
  assert.equal(ispac.manifest.name, 'Built');
  assert.equal(ispac.manifest.passwordVerified, true);
  assert.deepEqual(ispac.members.map((m) => m.entryName), ['Param%20Demo.dtsx', 'Project.params', '@Project.manifest', '[Content_Types].xml']);
  assert.deepEqual(
    ispac.parameters.map((p) => [p.name, p.typeName, p.value, p.required, p.sensitive]),
    [
      ['Server', 'String', 'localhost', false, false],
      ['Secret', 'String', 's3cr&t', false, true],
      ['Retries', 'Int32', '3', true, false],
    ],
  );
  assert.deepEqual(ispac.manifest.packageInfo[0].parameters.map((p) => [p.name, p.typeName, p.value]), [['strPackageParam', 'String', 'PackParam']]);
  assert.equal(ispac.manifest.packageInfo[0].formatVersion, 6);
  // The secret is not in clear, and another password is refused.
  const params = Buffer.from((await readIspac(bytes, 'Built.ispac')).members.find((m) => m.name === 'Project.params')!.data).toString('utf8');
  assert.doesNotMatch(params, /s3cr/);
  assert.equal(readProjectParams(params, 'Project.params').parameters[1].valueUnavailable, 'no-password');
  await assert.rejects(readIspac(bytes, 'Built.ispac', { password: 'other' }), SsisError);
  // Refusals: a 2008 package, a user-key level, a password level without a password.
  const v3 = readFileSync(corpusFile('v3/lucmilot__SSIS_2014_Book__Flat_File_Source.dtsx'));
  await assert.rejects(createIspac({ name: 'x', packages: [{ name: 'old.dtsx', data: v3 }] }), (e) => e instanceof SsisError && /format 3; upgrade it first/.test(e.message));
  await assert.rejects(createIspac({ ...project, protectionLevel: ProtectionLevel.EncryptSensitiveWithUserKey }), (e) => e instanceof SsisError && /Windows user key/.test(e.message));
  await assert.rejects(createIspac({ ...project, password: undefined }), (e) => e instanceof SsisError && e.code === '0xC001405E');
});

test('dates are written in .NET round-trip form with the local offset', () => {
  assert.match(dotNetRoundTripDate(new Date('2014-04-01T12:00:00.123Z')), /^2014-04-0[12]T\d\d:\d\d:00\.1230000[+-]\d\d:\d\d$/);
});
