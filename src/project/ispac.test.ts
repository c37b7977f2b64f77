import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SsisError } from '../errors.ts';
import { encryptProjectXml, ProtectionLevel } from '../protection/index.ts';
import { attr, descendants, parseXml, serializeXml, setAttr, setText } from '../xml/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { fileNameToPartName, partNameToFileName, readIspac, writeIspac } from './index.ts';
import { readZip, writeZip } from './zip.ts';

const ISPAC = corpusFile('other/johnwelch__ssisUnit__ISPACTesting.ispac');

test('an .ispac reads: members, manifest, parameters, connection managers and packages', async () => {
  const project = await readIspac(readFileSync(ISPAC), 'ISPACTesting.ispac');
  assert.deepEqual(project.members.map((m) => m.name), ['ExecuteSqlTask.dtsx', 'localhost.AdventureWorks2012.conmgr', 'Project.params', '@Project.manifest', '[Content_Types].xml']);
  assert.equal(project.manifest.name, 'ISPACTesting');
  assert.equal(project.manifest.protectionLevel, ProtectionLevel.EncryptSensitiveWithUserKey);
  assert.deepEqual(project.manifest.version, { major: 1, minor: 0, build: 0, comments: '' });
  assert.deepEqual(project.parameters.map((p) => [p.name, p.value]), [['Param', 'SELECT * FROM sys.tables']]);
  assert.deepEqual(project.connectionManagers.map((c) => [c.fileName, c.name, c.creationName]), [['localhost.AdventureWorks2012.conmgr', 'localhost.AdventureWorks2012', 'OLEDB']]);
  assert.equal(project.packages.length, 1);
  assert.equal(project.packages[0].name, 'ExecuteSqlTask.dtsx');
  assert.match(Buffer.from(project.packages[0].data).subarray(0, 200).toString('utf8'), /DTS:Executable/);
  assert.ok(project.manifest.projectConnectionParameters.some((p) => p.name === 'CM.localhost.AdventureWorks2012.ConnectionString'));
  // The user-key PasswordVerifier is not a value: nothing is reported missing.
  assert.deepEqual(project.unavailable, []);
  const other = await readIspac(readFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__EnvironDemo.ispac')), 'EnvironDemo.ispac');
  assert.deepEqual(other.packages.map((p) => p.name), ['SFSSUG.dtsx']);
});

test('an .ispac written from the members of another reads back the same, with escaped part names', async () => {
  const project = await readIspac(readFileSync(ISPAC), 'ISPACTesting.ispac');
  const get = (name: string) => project.members.find((m) => m.name === name)!.data;
  const manifest = parseXml(get('@Project.manifest'), 'm');
  setAttr(descendants(manifest.root, 'SSIS:Package')[0], 'SSIS:Name', 'Execute Sql Task.dtsx');
  const bytes = await writeIspac({
    manifest: serializeXml(manifest),
    parameters: get('Project.params'),
    packages: [{ name: 'Execute Sql Task.dtsx', data: get('ExecuteSqlTask.dtsx') }],
    connectionManagers: [{ name: 'localhost.AdventureWorks2012.conmgr', data: get('localhost.AdventureWorks2012.conmgr') }],
    mtime: new Date('2014-04-01T00:00:00Z'),
  });
  const again = await readIspac(bytes, 'written.ispac');
  assert.deepEqual(again.members.map((m) => m.entryName), ['Execute%20Sql%20Task.dtsx', 'localhost.AdventureWorks2012.conmgr', 'Project.params', '@Project.manifest', '[Content_Types].xml']);
  assert.deepEqual(Buffer.from(again.packages[0].data), Buffer.from(get('ExecuteSqlTask.dtsx')));
  assert.deepEqual(again.parameters, project.parameters.map((p) => ({ ...p })));
  assert.equal(again.connectionManagers[0].connectionString, project.connectionManagers[0].connectionString);
});

test('sensitive values in an .ispac are decrypted with the project password', async () => {
  const project = await readIspac(readFileSync(ISPAC), 'ISPACTesting.ispac');
  const get = (name: string) => project.members.find((m) => m.name === name)!.data;
  const params = parseXml(get('Project.params'), 'Project.params');
  const sensitiveFlag = descendants(params.root, 'SSIS:Property').find((p) => attr(p, 'SSIS:Name') === 'Sensitive')!;
  setText(sensitiveFlag, '1');
  const encrypted = encryptProjectXml(params, ProtectionLevel.EncryptSensitiveWithPassword, 'pw');
  const bytes = await writeIspac({ manifest: get('@Project.manifest'), parameters: serializeXml(encrypted), packages: [{ name: 'ExecuteSqlTask.dtsx', data: get('ExecuteSqlTask.dtsx') }], connectionManagers: [{ name: 'localhost.AdventureWorks2012.conmgr', data: get('localhost.AdventureWorks2012.conmgr') }] });
  const withPassword = await readIspac(bytes, 'p.ispac', { password: 'pw' });
  assert.deepEqual(withPassword.parameters.map((p) => [p.sensitive, p.value]), [[true, 'SELECT * FROM sys.tables']]);
  const without = await readIspac(bytes, 'p.ispac');
  assert.deepEqual(without.parameters.map((p) => [p.value, p.valueUnavailable]), [[undefined, 'no-password']]);
  assert.equal(without.unavailable.length, 1);
  await assert.rejects(readIspac(bytes, 'p.ispac', { password: 'wrong' }), (e) => e instanceof SsisError && e.code === '0xC001405F');
});

test('bad archives are refused with the file named', async () => {
  await assert.rejects(readIspac(new Uint8Array([1, 2, 3, 4]), 'junk.ispac'), (e) => e instanceof SsisError && /junk\.ispac: this is not a valid \.ispac/.test(e.message));
  const noManifest = await writeIspac({ manifest: new Uint8Array(), packages: [] }).then(async (b) => {
    // Rebuild without the manifest by reading and dropping it.
    const members = (await readZip(b)).filter((m) => m.entryName !== '@Project.manifest');
    return writeZip(members);
  });
  await assert.rejects(readIspac(noManifest, 'empty.ispac'), (e) => e instanceof SsisError && /has no @Project\.manifest/.test(e.message));
  const project = await readIspac(readFileSync(ISPAC), 'ISPACTesting.ispac');
  const manifest = project.members.find((m) => m.name === '@Project.manifest')!.data;
  const missingPackage = await writeIspac({ manifest, packages: [] });
  await assert.rejects(readIspac(missingPackage, 'partial.ispac'), (e) => e instanceof SsisError && /lists "localhost\.AdventureWorks2012\.conmgr", "ExecuteSqlTask\.dtsx"/.test(e.message));
});

test('OPC part names escape spaces and keep @ and brackets', () => {
  assert.equal(fileNameToPartName('My Package (1).dtsx'), 'My%20Package%20(1).dtsx');
  assert.equal(fileNameToPartName('@Project.manifest'), '@Project.manifest');
  assert.equal(fileNameToPartName('[Content_Types].xml'), '[Content_Types].xml');
  assert.equal(partNameToFileName('My%20Package.dtsx'), 'My Package.dtsx');
  assert.equal(partNameToFileName('100%.dtsx'), '100%.dtsx');
});

test('every XML member of the corpus .ispac files round-trips byte for byte', async () => {
  let count = 0;
  for (const f of ['other/johnwelch__ssisUnit__ISPACTesting.ispac', 'other/lucmilot__SSIS_2014_Book__EnvironDemo.ispac']) {
    const project = await readIspac(readFileSync(corpusFile(f)), f);
    for (const m of project.members) {
      assert.deepEqual(Buffer.from(serializeXml(parseXml(m.data, m.name))), Buffer.from(m.data), `${f}/${m.name}`);
      count++;
    }
  }
  assert.equal(count, 9);
});
