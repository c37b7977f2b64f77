// Tests of reading MsDtsSrvr.ini.xml: defaults, malformed files with positions, missing elements, store paths, added msdb folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SsisError } from '../errors.ts';
import { XML_ERROR_CODE } from '../xml/index.ts';
import { defaultServiceConfig, installationOf, readServiceConfig, readServiceConfigFile, readSettings, registeredName, updateSettings, type Installation } from './index.ts';

/** Runs `body` with a 2014 installation whose MsDtsSrvr.ini.xml holds `config` (no file when null). */
function withConfig(config: string | null, body: (inst: Installation) => void): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  try {
    const inst = installationOf(root, 2014);
    if (config !== null) {
      fs.mkdirSync(inst.binn, { recursive: true });
      fs.writeFileSync(inst.serviceConfigFile, config);
    }
    body(inst);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** A configuration with `inner` inside DtsServiceConfiguration. */
function config(inner: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<DtsServiceConfiguration xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n${inner}\n</DtsServiceConfiguration>\n`;
}

function thrown(fn: () => unknown): SsisError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SsisError, `not an SsisError: ${String(e)}`);
    return e;
  }
  assert.fail('no error');
}

test('a missing file gives the default folders and StopExecutingPackagesOnShutdown true', () => {
  withConfig(null, (inst) => {
    const read = readServiceConfigFile(inst);
    assert.equal(read.stopExecutingPackagesOnShutdown, true);
    assert.deepEqual(read.folders, [
      { type: 'SqlServerFolder', name: 'MSDB', serverName: '.' },
      { type: 'FileSystemFolder', name: 'File System', storePath: inst.packages },
    ]);
    assert.deepEqual(readServiceConfig(inst), read.folders);
  });
});

test('the default file written to disk reads as the defaults; false is read as false', () => {
  withConfig(defaultServiceConfig().replace('>true<', '>false<'), (inst) => {
    const read = readServiceConfigFile(inst);
    assert.equal(read.stopExecutingPackagesOnShutdown, false);
    assert.deepEqual(read.folders.map((f) => f.name), ['MSDB', 'File System']);
  });
  withConfig(config('<StopExecutingPackagesOnShutdown> 0 </StopExecutingPackagesOnShutdown><TopLevelFolders />'), (inst) => {
    assert.equal(readServiceConfigFile(inst).stopExecutingPackagesOnShutdown, false);
  });
});

test('a malformed file raises the XML layer error with file, line and column', () => {
  const broken = config('  <TopLevelFolders>\n    <Folder xsi:type="SqlServerFolder">\n      <Name>MSDB</Nme>\n    </Folder>\n  </TopLevelFolders>');
  withConfig(broken, (inst) => {
    const e = thrown(() => readServiceConfig(inst));
    assert.equal(e.code, XML_ERROR_CODE);
    assert.equal(e.location?.file, inst.serviceConfigFile);
    assert.equal(e.location?.line, 5);
    assert.ok((e.location?.column ?? 0) > 1);
  });
});

test('a document that is not a DtsServiceConfiguration, or holds bad values, is refused at the element', () => {
  withConfig('<?xml version="1.0"?>\n<Configuration />', (inst) => {
    const e = thrown(() => readServiceConfigFile(inst));
    assert.equal(e.code, '0xC0010014');
    assert.match(e.message, /<Configuration>, not <DtsServiceConfiguration>/);
    assert.equal(e.location?.line, 2);
  });
  withConfig(config('  <StopExecutingPackagesOnShutdown>yes</StopExecutingPackagesOnShutdown>'), (inst) => {
    const e = thrown(() => readServiceConfigFile(inst));
    assert.match(e.message, /StopExecutingPackagesOnShutdown "yes"/);
    assert.equal(e.location?.line, 3);
  });
  withConfig(config('  <TopLevelFolders>\n    <Folder xsi:type="AzureFolder"><Name>Cloud</Name></Folder>\n  </TopLevelFolders>'), (inst) => {
    assert.match(thrown(() => readServiceConfig(inst)).message, /Folder "Cloud" of type "AzureFolder"/);
  });
  withConfig(config('  <TopLevelFolders>\n    <Folder xsi:type="SqlServerFolder"><ServerName>.</ServerName></Folder>\n  </TopLevelFolders>'), (inst) => {
    const e = thrown(() => readServiceConfig(inst));
    assert.match(e.message, /Folder without a Name \(line 4\)/);
    assert.equal(e.location?.line, 4);
  });
});

test('missing elements take their defaults: no TopLevelFolders lists nothing, no ServerName is ".", no StorePath is ..\\Packages', () => {
  withConfig(config(''), (inst) => {
    assert.deepEqual(readServiceConfigFile(inst), { stopExecutingPackagesOnShutdown: true, folders: [] });
  });
  withConfig(
    config('<TopLevelFolders><Folder xsi:type="SqlServerFolder"><Name>Local</Name></Folder><Folder xsi:type="FileSystemFolder"><Name>Files</Name></Folder><Other /></TopLevelFolders>'),
    (inst) => {
      assert.deepEqual(readServiceConfig(inst), [
        { type: 'SqlServerFolder', name: 'Local', serverName: '.' },
        { type: 'FileSystemFolder', name: 'Files', storePath: inst.packages },
      ]);
    },
  );
});

test('StorePath: relative paths resolve from Binn, absolute paths are kept, drive-letter paths are mapped to Linux paths', () => {
  const folders = [
    ['Rel', 'Archive\\2014'],
    ['Up', '..\\..\\Shared'],
    ['Abs', '/srv/ssis/packages'],
    ['Drive', 'D:\\SSIS\\Packages'],
    ['Escaped', '/srv/R&amp;D'],
  ];
  const xml = folders.map(([n, p]) => `<Folder xsi:type="FileSystemFolder"><Name>${n}</Name><StorePath>${p}</StorePath></Folder>`).join('');
  withConfig(config(`<TopLevelFolders>${xml}</TopLevelFolders>`), (inst) => {
    assert.deepEqual(
      readServiceConfig(inst).map((f) => (f.type === 'FileSystemFolder' ? f.storePath : '')),
      [path.join(inst.binn, 'Archive', '2014'), path.join(inst.dts, '..', 'Shared'), '/srv/ssis/packages', '/SSIS/Packages', '/srv/R&D'],
    );
  });
});

test('an added SqlServerFolder names a registered msdb instance of this version', () => {
  const added = '<Folder xsi:type="SqlServerFolder"><Name>Old 2008 msdb</Name><ServerName>LEGACY\\SQL2008</ServerName></Folder>';
  withConfig(defaultServiceConfig().replace('</TopLevelFolders>', `  ${added}\r\n  </TopLevelFolders>`), (inst) => {
    updateSettings(inst, (s) => {
      s.instances['legacy\\sql2008'] = { kind: 'sqlite', file: path.join(inst.dataDir, 'legacy.db'), created: new Date(0).toISOString() };
    });
    const folders = readServiceConfig(inst);
    assert.deepEqual(folders.map((f) => f.name), ['MSDB', 'File System', 'Old 2008 msdb']);
    const msdb = folders[2]!;
    assert.equal(msdb.type === 'SqlServerFolder' && msdb.serverName, 'LEGACY\\SQL2008');
    // Instance names compare case-insensitively, as SQL Server's do.
    assert.equal(registeredName(readSettings(inst), msdb.type === 'SqlServerFolder' ? msdb.serverName : ''), 'legacy\\sql2008');
  });
});
