import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SsisError } from '../errors.ts';
import { ProtectionLevel } from '../protection/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { buildIspacFromDtproj, readDtproj, readIspac } from './index.ts';

test('an .ispac is built from a project-deployment .dtproj and the files beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    copyFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__SFSSUG.dtproj'), join(dir, 'SFSSUG.dtproj'));
    copyFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__Project.params'), join(dir, 'Project.params'));
    copyFileSync(corpusFile('v6/lucmilot__SSIS_2014_Book__ParamDemo.dtsx'), join(dir, 'ParamDemo.dtsx'));
    await assert.rejects(buildIspacFromDtproj(join(dir, 'SFSSUG.dtproj')), (e) => e instanceof SsisError && /lists "DataViewTest\.dtsx", which is not in/.test(e.message));
    copyFileSync(corpusFile('v6/lucmilot__SSIS_2014_Book__Package.dtsx'), join(dir, 'DataViewTest.dtsx'));
    const bytes = await buildIspacFromDtproj(join(dir, 'SFSSUG.dtproj'), { mtime: new Date('2014-04-01T00:00:00Z') });
    const ispac = await readIspac(bytes, 'SFSSUG.ispac');
    const dtproj = readDtproj(readFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__SFSSUG.dtproj')), 'SFSSUG.dtproj');
    assert.deepEqual(ispac.members.map((m) => m.name), ['ParamDemo.dtsx', 'DataViewTest.dtsx', 'Project.params', '@Project.manifest', '[Content_Types].xml']);
    assert.equal(ispac.manifest.name, 'SFSSUG');
    assert.equal(ispac.manifest.protectionLevel, ProtectionLevel.EncryptSensitiveWithUserKey);
    assert.deepEqual(ispac.manifest.packageInfo.map((p) => p.name), dtproj.manifest!.packageInfo.map((p) => p.name));
    assert.deepEqual(ispac.parameters.map((p) => p.name), ['strProjParam', 'LocalhostMikeDavis_ConnectionString']);
    // The manifest reads as a file of its own: it starts at the first column, indented two spaces a level.
    const manifest = Buffer.from(ispac.members.find((m) => m.name === '@Project.manifest')!.data).toString('utf8');
    assert.match(manifest, /^<SSIS:Project SSIS:ProtectionLevel="EncryptSensitiveWithUserKey"[^>]*>\r?\n {2}<SSIS:Properties>\r?\n {4}<SSIS:Property SSIS:Name="ID">/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a package-deployment project has no .ispac', async () => {
  await assert.rejects(buildIspacFromDtproj(corpusFile('other/ceeae__SSIS_NDM_DTSX_PRD_TNS__SSIS_NDM_DTSX.dtproj')), (e) => e instanceof SsisError && /package deployment model/.test(e.message));
});
