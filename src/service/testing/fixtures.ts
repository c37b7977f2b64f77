/** @module Test support for the service: packages built in code (a quick data flow, a long-running process), temporary roots with an instance per version, and a signed-in API client. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addComponent, addConnectionManager, addDataFlowTask, addExecuteProcessTask, addPath, addPrecedenceConstraint, addVariable, createPackage, writePackage,
} from '../../format/index.ts';
import { installRoot } from '../../installation/index.ts';
import { addLogin, addRoleMember, createInstance, openInstance, type InstanceRef } from '../../store/index.ts';
import type { ToolYear } from '../../versions/index.ts';

/** A package (format 3 = 2008, 6 = 2012, 8 = 2014) whose data flow reads `csv` (three rows) and counts them, after a quick process. */
export function quickPackage(format: 3 | 6 | 8, csv: string, name = 'Quick'): Uint8Array {
  const pkg = createPackage({ name, format });
  addVariable(pkg, { name: 'Rows', dataType: 3, value: '0' });
  addConnectionManager(pkg, {
    name: 'Input', type: 'FLATFILE', connectionString: csv,
    flatFile: { columnNamesInFirstDataRow: true, columns: [{ name: 'Id', dataType: 3 }, { name: 'Name', dataType: 130, maximumWidth: 40 }] },
  });
  const hello = addExecuteProcessTask(pkg, { name: 'Say hello', executable: process.execPath, arguments: '-e "process.exit(0)"' });
  const dft = addDataFlowTask(pkg, { name: 'Load' });
  const src = addComponent(dft, {
    name: 'Read', classId: 'Microsoft.FlatFileSource', connections: [{ name: 'FlatFileConnection', connectionManager: 'Input' }],
    outputs: [{ name: 'Out', columns: [{ name: 'Id', dataType: 'i4' }, { name: 'Name', dataType: 'wstr', length: 40 }] }, { name: 'Errors', isErrorOut: true }],
  });
  const count = addComponent(dft, { name: 'Count', classId: 'Microsoft.RowCount', inputs: [{ name: 'In' }], outputs: [{ name: 'Out', synchronousInput: 'In' }], properties: { VariableName: 'User::Rows' } });
  addPath(dft, src.outputs[0], count.inputs[0], { columns: 'all' });
  addPrecedenceConstraint(pkg, hello, dft);
  return writePackage(pkg);
}

/** A package that runs for `seconds` (an Execute Process task sleeping), to be stopped. */
export function slowPackage(format: 3 | 6 | 8, seconds = 60, name = 'Slow'): Uint8Array {
  const pkg = createPackage({ name, format });
  addExecuteProcessTask(pkg, { name: 'Wait', executable: process.execPath, arguments: `-e "setTimeout(() => {}, ${seconds * 1000})"` });
  return writePackage(pkg);
}

/** Three rows for {@link quickPackage}. */
export const QUICK_CSV = 'Id,Name\r\n1,Ann\r\n2,Bob\r\n3,Cy\r\n';

/** A temporary installed root with one SQLite instance per version (2008, 2012, 2014) and logins on the 2014 one. */
export interface ServiceFixture {
  readonly root: string;
  readonly csv: string;
  readonly instances: Record<ToolYear, InstanceRef>;
  cleanup(): void;
}

/** The logins the fixture creates on every instance: an admin, an operator, a limited user (password = name + '-pw'). */
export const FIXTURE_LOGINS = { admin: 'db_ssisadmin', operator: 'db_ssisoperator', ltd: 'db_ssisltduser' } as const;

/** Creates the fixture root: instances `Old2008`, `Mid2012`, `Main2014` (the 2014 default), logins, a CSV file. */
export async function serviceFixture(): Promise<ServiceFixture> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  installRoot(root);
  const instances = {
    2008: await createInstance(root, 'Old2008', 2008),
    2012: await createInstance(root, 'Mid2012', 2012),
    2014: await createInstance(root, 'Main2014', 2014, { backupOriginals: true }),
  } as Record<ToolYear, InstanceRef>;
  for (const ref of Object.values(instances)) {
    const s = await openInstance(ref);
    try {
      for (const [login, role] of Object.entries(FIXTURE_LOGINS)) {
        await addLogin(s.db, login, `${login}-pw`);
        await addRoleMember(s.db, role, login);
      }
    } finally {
      await s.close();
    }
  }
  const csv = path.join(root, 'input.csv');
  fs.writeFileSync(csv, QUICK_CSV);
  return { root, csv, instances, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A 2014 `MsDtsSrvr.ini.xml` listing the three instances and the file system store. */
export function fixtureServiceConfig(stopOnShutdown = true): string {
  const sql = (name: string, server: string) => `    <Folder xsi:type="SqlServerFolder">\r\n      <Name>${name}</Name>\r\n      <ServerName>${server}</ServerName>\r\n    </Folder>\r\n`;
  return (
    '<?xml version="1.0" encoding="utf-8"?>\r\n' +
    '<DtsServiceConfiguration xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\r\n' +
    `  <StopExecutingPackagesOnShutdown>${stopOnShutdown}</StopExecutingPackagesOnShutdown>\r\n` +
    '  <TopLevelFolders>\r\n' +
    sql('MSDB', '.') +
    sql('MSDB 2012', '.\\Mid2012') +
    sql('MSDB 2008', '.\\Old2008') +
    '    <Folder xsi:type="FileSystemFolder">\r\n      <Name>File System</Name>\r\n      <StorePath>..\\Packages</StorePath>\r\n    </Folder>\r\n' +
    '  </TopLevelFolders>\r\n' +
    '</DtsServiceConfiguration>\r\n'
  );
}

/** Writes {@link fixtureServiceConfig} into the 2014 installation of `root`. */
export function writeFixtureServiceConfig(root: string, stopOnShutdown = true): void {
  fs.writeFileSync(path.join(root, '120', 'DTS', 'Binn', 'MsDtsSrvr.ini.xml'), fixtureServiceConfig(stopOnShutdown));
}
