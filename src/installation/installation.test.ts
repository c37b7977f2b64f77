// Tests of the side-by-side installation: layout, launchers pinned to their version, MsDtsSrvr.ini.xml, settings, idempotence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { defaultServiceConfig, installRoot, installationOf, readServiceConfig, readSettings, resolveRoot, updateSettings } from './index.ts';
import { memoryIo } from '../cli/io.ts';
import { runTool } from '../cli/main.ts';

function temp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
}

test('the root comes from OPENDTS_HOME, else ~/.opendts', () => {
  assert.equal(resolveRoot({ OPENDTS_HOME: '/srv/ssis' }), '/srv/ssis');
  assert.equal(resolveRoot({ HOME: '/home/ann' }), '/home/ann/.opendts');
  assert.equal(resolveRoot({ OPENDTS_HOME: '', HOME: '/home/bo' }), '/home/bo/.opendts');
});

test('install lays out 100, 110 and 120 with Binn, Packages, the service configuration and settings', () => {
  const root = temp();
  try {
    installRoot(root);
    for (const [year, folder] of [
      [2008, '100'],
      [2012, '110'],
      [2014, '120'],
    ] as const) {
      const inst = installationOf(root, year);
      assert.equal(inst.home, path.join(root, folder));
      assert.ok(fs.statSync(path.join(root, folder, 'DTS', 'Packages')).isDirectory());
      for (const tool of ['dtexec', 'dtutil', 'dtsserver']) {
        const file = path.join(root, folder, 'DTS', 'Binn', tool);
        const text = fs.readFileSync(file, 'utf8');
        assert.match(text, new RegExp(`OPENDTS_PINNED_VERSION=${year}\\n`));
        assert.match(text, new RegExp(`bin/${tool}\\.js`));
        assert.ok((fs.statSync(file).mode & 0o111) !== 0, 'executable');
      }
      assert.equal(fs.readFileSync(inst.serviceConfigFile, 'utf8'), defaultServiceConfig());
      const settings = readSettings(inst);
      assert.equal(settings.productVersion, year);
      assert.equal(settings.values.ServiceConfigFile, inst.serviceConfigFile);
      assert.deepEqual(
        readServiceConfig(inst).map((f) => [f.type, f.name]),
        [
          ['SqlServerFolder', 'MSDB'],
          ['FileSystemFolder', 'File System'],
        ],
      );
      const fsFolder = readServiceConfig(inst)[1]!;
      assert.equal(fsFolder.type === 'FileSystemFolder' && fsFolder.storePath, inst.packages);
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the default MsDtsSrvr.ini.xml is the documented one', () => {
  const text = defaultServiceConfig();
  assert.match(text, /^<\?xml version="1\.0" encoding="utf-8"\?>\r\n<DtsServiceConfiguration xmlns:xsd=/);
  assert.match(text, /<StopExecutingPackagesOnShutdown>true<\/StopExecutingPackagesOnShutdown>/);
  assert.match(text, /<Folder xsi:type="SqlServerFolder">\r\n {6}<Name>MSDB<\/Name>\r\n {6}<ServerName>\.<\/ServerName>/);
  assert.match(text, /<StorePath>\.\.\\Packages<\/StorePath>/);
});

test('re-running install keeps settings and an edited service configuration', () => {
  const root = temp();
  try {
    installRoot(root);
    const inst = installationOf(root, 2012);
    updateSettings(inst, (s) => {
      s.values.Custom = 'kept';
    });
    fs.writeFileSync(inst.serviceConfigFile, defaultServiceConfig().replace('true', 'false'));
    const results = installRoot(root);
    assert.equal(readSettings(inst).values.Custom, 'kept');
    assert.match(fs.readFileSync(inst.serviceConfigFile, 'utf8'), />false</);
    assert.ok(results[1]!.kept.includes(inst.serviceConfigFile));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('opendts install --root prints each version and is idempotent', async () => {
  const root = temp();
  try {
    for (let i = 0; i < 2; i++) {
      const io = memoryIo({}, root);
      assert.equal(await runTool('opendts', ['install', '--root', root], io), 0);
      assert.ok(io.stdout.some((l) => l.startsWith('Microsoft SQL Server 2008 R2 (100)')));
      assert.ok(io.stdout.some((l) => l.startsWith('Microsoft SQL Server 2014 (120)')));
    }
    const bad = memoryIo({}, root);
    assert.equal(await runTool('opendts', ['install', '--bogus'], bad), 1);
    assert.match(bad.stderr.join('\n'), /unexpected argument "--bogus"/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a launcher runs the tool as its pinned version', () => {
  const root = temp();
  try {
    installRoot(root);
    const r = spawnSync(path.join(root, '100', 'DTS', 'Binn', 'dtutil'), ['/?'], { encoding: 'utf8', env: { ...process.env, OPENDTS_PRODUCT_VERSION: '2014' } });
    assert.equal(r.status, 0, r.stderr);
    // The banner names the pinned version (2008 R2, folder 100) and its build, whatever OPENDTS_PRODUCT_VERSION says.
    assert.match(r.stdout, /^[^\n]*SSIS Package Utilities[^\n]*\b100\)\nVersion 10\.50\./);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
