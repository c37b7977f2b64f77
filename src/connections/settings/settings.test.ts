import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readPackageFile } from '../../format/index.ts';
import type { ConnectionManager } from '../../package/index.ts';
import { SsisError } from '../../errors.ts';
import { corpusDir } from '../corpus.test-helper.ts';
import { cacheConnectionSettings, encodingForCodePage, excelConnectionSettings, fileConnectionSettings, flatFileConnectionSettings, ftpConnectionSettings, httpConnectionSettings, smtpConnectionSettings } from './index.ts';

/** The first value of `pattern` in a corpus file's raw text: expectations are read from the file, not copied from it. */
function rawValue(file: string, pattern: RegExp): string {
  const m = pattern.exec(fs.readFileSync(path.join(corpusDir(), file), 'utf8'));
  assert.ok(m, `${file} holds ${pattern}`);
  return m[1]!;
}

function connection(file: string, type: string): ConnectionManager {
  const pkg = readPackageFile(path.join(corpusDir(), file));
  const cm = pkg.connectionManagers.find((c) => c.type === type || c.creationName === type);
  assert.ok(cm, `${file} has a ${type} connection manager`);
  return cm;
}

test('FILE: path mapped to Linux, usage type read (2012 format)', () => {
  const file = 'v6/lucmilot__SSIS_2014_Book__CorporationLoad.dtsx';
  const raw = rawValue(file, /DTS:FileUsageType="2"\s+DTS:ConnectionString="([^"]*)"/);
  const s = fileConnectionSettings(connection(file, 'FILE'));
  assert.deepEqual(s, { rawPath: raw, path: raw.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/'), usage: 'existingFolder', isFolder: true });
});

test('FLATFILE: format, qualifier, header, encoding and typed columns (2012 and 2008 formats)', () => {
  const file = 'v6/lucmilot__SSIS_2014_Book__CorporationLoad.dtsx';
  const s = flatFileConnectionSettings(connection(file, 'FLATFILE'));
  assert.equal(s.format, 'Delimited');
  assert.equal(s.textQualifier, '"');
  assert.equal(s.columnNamesInFirstDataRow, true);
  assert.equal(s.encoding, 'windows-1252');
  assert.equal(s.columns.length, 11);
  const firstColumn = rawValue(file, /<DTS:FlatFileColumn[^>]*DTS:ObjectName="([^"]*)"/);
  assert.deepEqual(s.columns[0], { name: firstColumn, columnType: 'Delimited', delimiter: ',', width: 0, maximumWidth: 50, dataType: 'DT_STR', precision: 0, scale: 0, textQualified: true, fastParse: false });
  assert.equal(s.columns[10]!.delimiter, '\r\n');
  const oldFile = 'v3/Sky-Italia-Corporate__RGT_Solution__TEST_SQLITE_IMPORT.dtsx';
  const oldCm = connection(oldFile, 'FLATFILE');
  // Its path is a UNC share: map that share.
  const share = (oldCm.connectionString ?? '').split('\\').slice(0, 4).join('\\');
  const old = flatFileConnectionSettings(oldCm, [{ from: share, to: '/srv/staging' }]);
  assert.ok(old.path.startsWith('/srv/staging/'));
  assert.equal(old.encoding, 'utf8');
  assert.equal(old.columns[0]!.dataType, 'DT_WSTR');
  assert.equal(old.columns[0]!.delimiter, '|');
  assert.equal(old.columnNamesInFirstDataRow, true);
});

test('SMTP: server, SSL and Windows authentication from the connection string', () => {
  const file = 'v8/Davidm-Spectrum__WWB-Load-Hotlines__08_FTP_Down_Production_File.dtsx';
  const s = smtpConnectionSettings(connection(file, 'SMTP'));
  assert.deepEqual(s, { host: rawValue(file, /SmtpServer=([^;"]*)/), port: 25, enableSsl: false, useWindowsAuthentication: false, timeoutSeconds: 100 });
  assert.equal(smtpConnectionSettings({ name: 'x', connectionString: 'SmtpServer=127.0.0.1:2525;EnableSsl=True;' }).port, 2525);
  assert.throws(() => smtpConnectionSettings({ name: 'x', connectionString: 'EnableSsl=True' }), SsisError);
});

test('FTP: server, user, passive mode; an encrypted password is not used', () => {
  const file = 'v6/lucmilot__SSIS_2014_Book__Package.dtsx';
  const s = ftpConnectionSettings(connection(file, 'FTP'));
  assert.deepEqual(s, { host: rawValue(file, /DTS:ServerName="([^"]*)"/), port: 21, user: rawValue(file, /DTS:ServerUserName="([^"]*)"/), password: undefined, passive: true, timeoutSeconds: 60, chunkSizeKb: 1, retries: 5 });
});

test('HTTP: URL and defaults', () => {
  const file = 'v6/lucmilot__SSIS_2014_Book__Web_Service_Conversion.dtsx';
  const s = httpConnectionSettings(connection(file, 'HTTP'));
  assert.equal(s.url, rawValue(file, /DTS:ServerURL="([^"]*)"/));
  assert.equal(s.password, undefined);
  assert.equal(s.timeoutSeconds, 30);
  assert.equal(s.proxy, undefined);
});

test('CACHE: columns with types and index positions', () => {
  const file = 'v8/7045kHz__dtsx__Scanner.dtsx';
  const s = cacheConnectionSettings(connection(file, 'CACHE'));
  assert.equal(s.useFile, false);
  assert.deepEqual(s.columns[0], { name: rawValue(file, /<DTS:CacheColumn[^>]*?DTS:ObjectName="([^"]*)"/), dataType: 'DT_I4', length: 0, precision: 0, scale: 0, codePage: 0, indexPosition: 1 });
  assert.deepEqual([s.columns[1]!.dataType, s.columns[1]!.length, s.columns[1]!.indexPosition], ['DT_WSTR', 50, 0]);
});

test('EXCEL: workbook path, version and header from the Jet/ACE string', () => {
  const s = excelConnectionSettings({ name: 'x', connectionString: 'Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\Books\\Example.xls;Extended Properties="EXCEL 8.0;HDR=YES;IMEX=1";' });
  assert.deepEqual(s, { rawPath: 'C:\\Books\\Example.xls', path: '/Books/Example.xls', provider: 'Microsoft.Jet.OLEDB.4.0', version: 'Excel 97-2003', extendedVersion: 'EXCEL 8.0', firstRowHasColumnNames: true, importMixedAsText: true });
  const x = excelConnectionSettings({ name: 'x', connectionString: 'Provider=Microsoft.ACE.OLEDB.12.0;Data Source=/data/a.xlsx;Extended Properties="Excel 12.0 Xml;HDR=NO"' });
  assert.equal(x.version, 'Excel 2007+');
  assert.equal(x.firstRowHasColumnNames, false);
  const pkgExcel = excelConnectionSettings(connection('v2/linusamcm-source__msb_ssis2sql__SSMS-Export-to-Excel.dtsx', 'EXCEL'));
  assert.equal(pkgExcel.version, 'Excel 97-2003');
});

test('code pages map to encodings; unknown ones are a clear error', () => {
  assert.equal(encodingForCodePage(1252), 'windows-1252');
  assert.equal(encodingForCodePage(65001), 'utf8');
  assert.equal(encodingForCodePage(437), 'cp437');
  assert.equal(encodingForCodePage(1252, true), 'utf16le');
  assert.throws(() => encodingForCodePage(99999), (e: unknown) => e instanceof SsisError && /99999/.test(e.message));
});
