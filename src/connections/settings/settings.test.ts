import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readPackageFile } from '../../format/index.ts';
import type { ConnectionManager } from '../../package/index.ts';
import { SsisError } from '../../errors.ts';
import { corpusDir } from '../corpus.test-helper.ts';
import { cacheConnectionSettings, encodingForCodePage, excelConnectionSettings, fileConnectionSettings, flatFileConnectionSettings, ftpConnectionSettings, httpConnectionSettings, smtpConnectionSettings } from './index.ts';

function connection(file: string, type: string): ConnectionManager {
  const pkg = readPackageFile(path.join(corpusDir(), file));
  const cm = pkg.connectionManagers.find((c) => c.type === type || c.creationName === type);
  assert.ok(cm, `${file} has a ${type} connection manager`);
  return cm;
}

test('FILE: path mapped to Linux, usage type read (2012 format)', () => {
  const cm = connection('v6/lucmilot__SSIS_2014_Book__CorporationLoad.dtsx', 'FILE');
  const s = fileConnectionSettings(cm);
  assert.deepEqual(s, { rawPath: 'C:\\ProSSIS\\Data\\Ch08\\Archive', path: '/ProSSIS/Data/Ch08/Archive', usage: 'existingFolder', isFolder: true });
});

test('FLATFILE: format, qualifier, header, encoding and typed columns (2012 and 2008 formats)', () => {
  const s = flatFileConnectionSettings(connection('v6/lucmilot__SSIS_2014_Book__CorporationLoad.dtsx', 'FLATFILE'));
  assert.equal(s.format, 'Delimited');
  assert.equal(s.textQualifier, '"');
  assert.equal(s.columnNamesInFirstDataRow, true);
  assert.equal(s.encoding, 'windows-1252');
  assert.equal(s.columns.length, 11);
  assert.deepEqual(s.columns[0], { name: 'CorporateNumber', columnType: 'Delimited', delimiter: ',', width: 0, maximumWidth: 50, dataType: 'DT_STR', precision: 0, scale: 0, textQualified: true, fastParse: false });
  assert.equal(s.columns[10]!.delimiter, '\r\n');
  const old = flatFileConnectionSettings(connection('v3/Sky-Italia-Corporate__RGT_Solution__TEST_SQLITE_IMPORT.dtsx', 'FLATFILE'), [{ from: '\\\\hypdb-svl01\\StagingArea', to: '/srv/staging' }]);
  assert.equal(old.encoding, 'utf8');
  assert.equal(old.columns[0]!.dataType, 'DT_WSTR');
  assert.equal(old.columns[0]!.delimiter, '|');
  assert.equal(old.columnNamesInFirstDataRow, true);
});

test('SMTP: server, SSL and Windows authentication from the connection string', () => {
  const s = smtpConnectionSettings(connection('v8/Davidm-Spectrum__WWB-Load-Hotlines__08_FTP_Down_Production_File.dtsx', 'SMTP'));
  assert.deepEqual(s, { host: 'mail.spectrumdata.org', port: 25, enableSsl: false, useWindowsAuthentication: false, timeoutSeconds: 100 });
  assert.equal(smtpConnectionSettings({ name: 'x', connectionString: 'SmtpServer=127.0.0.1:2525;EnableSsl=True;' }).port, 2525);
  assert.throws(() => smtpConnectionSettings({ name: 'x', connectionString: 'EnableSsl=True' }), SsisError);
});

test('FTP: server, user, passive mode; an encrypted password is not used', () => {
  const s = ftpConnectionSettings(connection('v6/lucmilot__SSIS_2014_Book__Package.dtsx', 'FTP'));
  assert.deepEqual(s, { host: 'ftp.microsoft.com', port: 21, user: 'anonymous', password: undefined, passive: true, timeoutSeconds: 60, chunkSizeKb: 1, retries: 5 });
});

test('HTTP: URL and defaults', () => {
  const s = httpConnectionSettings(connection('v6/lucmilot__SSIS_2014_Book__Web_Service_Conversion.dtsx', 'HTTP'));
  assert.equal(s.url, 'http://www.webservicex.net/CurrencyConvertor.asmx?wsdl');
  assert.equal(s.password, undefined);
  assert.equal(s.timeoutSeconds, 30);
  assert.equal(s.proxy, undefined);
});

test('CACHE: columns with types and index positions', () => {
  const s = cacheConnectionSettings(connection('v8/7045kHz__dtsx__Scanner.dtsx', 'CACHE'));
  assert.equal(s.useFile, false);
  assert.deepEqual(s.columns[0], { name: 'ProductID', dataType: 'DT_I4', length: 0, precision: 0, scale: 0, codePage: 0, indexPosition: 1 });
  assert.deepEqual([s.columns[1]!.dataType, s.columns[1]!.length, s.columns[1]!.indexPosition], ['DT_WSTR', 50, 0]);
});

test('EXCEL: workbook path, version and header from the Jet/ACE string', () => {
  const s = excelConnectionSettings({ name: 'x', connectionString: 'Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\Ch05_ProSSIS\\Example.xls;Extended Properties="EXCEL 8.0;HDR=YES;IMEX=1";' });
  assert.deepEqual(s, { rawPath: 'C:\\Ch05_ProSSIS\\Example.xls', path: '/Ch05_ProSSIS/Example.xls', provider: 'Microsoft.Jet.OLEDB.4.0', version: 'Excel 97-2003', extendedVersion: 'EXCEL 8.0', firstRowHasColumnNames: true, importMixedAsText: true });
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
