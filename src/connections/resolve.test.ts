import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConnection } from './resolve.ts';
import { combineOverrides, loadConnectionSettings, parseConnSwitch } from './overrides.ts';
import { parseConnectionUrl, isConnectionUrl } from './connection-url.ts';
import { parseSqlServerDataSource } from './data-source.ts';
import { parameterStyleOf } from './connection-type.ts';
import { corpusConnections } from './corpus.test-helper.ts';
import { SsisError } from '../errors.ts';

const SQLNCLI = { name: 'localhost.Sales', creationName: 'OLEDB', connectionString: 'Data Source=SRV1\\INST,1533;Initial Catalog=Sales;Provider=SQLNCLI11;Integrated Security=SSPI;Connect Timeout=30;Application Name=SSIS-x;' };
const ADONET = { name: 'Ado.Sales', creationName: 'ADO.NET:System.Data.SqlClient.SqlConnection, System.Data, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089', connectionString: 'Data Source=srv-02;User ID=sa;Password=pw;Initial Catalog=Ops;' };

test('an OLE DB SQL Server connection maps to the mssql driver with ? parameters', () => {
  const c = resolveConnection(SQLNCLI);
  assert.equal(c.kind, 'mssql');
  assert.equal(c.host, 'SRV1');
  assert.equal(c.instance, 'INST');
  assert.equal(c.port, 1533);
  assert.equal(c.database, 'Sales');
  assert.equal(c.integratedSecurity, true);
  assert.equal(c.connectTimeoutSeconds, 30);
  assert.equal(c.parameterStyle, 'positional');
  assert.equal(c.via, 'connection-string');
});

test('ADO.NET SqlClient uses @name parameters; its OleDb and Odbc bridges use ?', () => {
  const c = resolveConnection(ADONET);
  assert.equal(c.kind, 'mssql');
  assert.equal(c.user, 'sa');
  assert.equal(c.password, 'pw');
  assert.equal(c.parameterStyle, 'named');
  assert.equal(parameterStyleOf('ADO.NET:System.Data.OleDb.OleDbConnection, System.Data'), 'positional');
  assert.equal(parameterStyleOf('ADO.NET:System.Data.Odbc.OdbcConnection, System.Data'), 'positional');
  assert.equal(parameterStyleOf('ODBC'), 'positional');
});

test('ODBC drivers and other providers pick their database', () => {
  assert.equal(resolveConnection({ name: 'p', creationName: 'ODBC', connectionString: 'Driver={PostgreSQL Unicode};Server=pg1;Port=5433;Database=d;Uid=u;Pwd=p' }).port, 5433);
  assert.equal(resolveConnection({ name: 'm', creationName: 'ODBC', connectionString: 'Driver={MariaDB ODBC 3.1 Driver};Server=m1;Database=d' }).kind, 'mysql');
  const s = resolveConnection({ name: 's', creationName: 'ADO.NET:System.Data.SQLite.SQLiteConnection', connectionString: 'Data Source=C:\\data\\x.sqlite' });
  assert.equal(s.kind, 'sqlite');
  assert.equal(s.file, '/data/x.sqlite');
  assert.equal(s.parameterStyle, 'named');
  assert.equal(resolveConnection({ name: 'b', creationName: 'OLEDB', connectionString: 'Provider=MSDASQL;Driver={SQL Server};Server=x' }).kind, 'mssql');
});

test('what cannot be reached is a clear error naming the connection manager', () => {
  const dsn = { name: 'Warehouse', creationName: 'ODBC', connectionString: 'uid=etl;Dsn=Warehouse;' };
  assert.throws(() => resolveConnection(dsn), (e: unknown) => e instanceof SsisError && /Warehouse/.test(e.message) && /\/CONN/.test(e.message));
  assert.throws(() => resolveConnection({ name: 'olap', creationName: 'MSOLAP100', connectionString: 'Data Source=localhost;Provider=MSOLAP.5;' }), (e: unknown) => e instanceof SsisError && /olap/.test(e.message));
  assert.throws(() => resolveConnection({ name: 'x', creationName: 'OLEDB', connectionString: 'Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\x.xls' }), (e: unknown) => e instanceof SsisError && /not supported/.test(e.message));
});

test('an override URL by name, by Data Source/Initial Catalog or * points SQL Server connections elsewhere', () => {
  const byName = resolveConnection(SQLNCLI, { connections: { 'LOCALHOST.sales': 'postgres://etl:s%40cret@127.0.0.1:5432/test?connectTimeout=3&ssl=true' } });
  assert.equal(byName.kind, 'postgres');
  assert.equal(byName.password, 's@cret');
  assert.equal(byName.database, 'test');
  assert.equal(byName.connectTimeoutSeconds, 3);
  assert.deepEqual(byName.options, { ssl: 'true' });
  assert.equal(byName.parameterStyle, 'positional', 'the package SQL still uses ? markers');
  assert.equal(byName.via, 'override');
  assert.equal(resolveConnection(SQLNCLI, { connections: { 'SRV1\\INST,1533/Sales': 'mysql://root@127.0.0.1/test' } }).kind, 'mysql');
  const all = resolveConnection(ADONET, { connections: { '*': 'sqlite:C:\\etl\\db.sqlite' }, pathRules: [{ from: 'C:\\etl', to: '/srv/etl' }] });
  assert.equal(all.file, '/srv/etl/db.sqlite');
  assert.equal(all.parameterStyle, 'named');
});

test('an override that is a connection string replaces the package one, as dtexec /CONN does', () => {
  const c = resolveConnection(SQLNCLI, { connections: { [SQLNCLI.name]: 'Data Source=other;Initial Catalog=db2;Provider=SQLNCLI11;User ID=u;Password=p' } });
  assert.equal(c.kind, 'mssql');
  assert.equal(c.host, 'other');
  assert.equal(c.integratedSecurity, undefined);
  assert.equal(c.via, 'override');
});

test('URLs of every scheme parse', () => {
  assert.equal(isConnectionUrl('postgresql://x/y'), true);
  assert.equal(isConnectionUrl('Data Source=x'), false);
  assert.equal(isConnectionUrl('C:\\x'), false);
  assert.equal(parseConnectionUrl('sqlite::memory:', 'positional').file, ':memory:');
  assert.equal(parseConnectionUrl('sqlite:///var/x.sqlite', 'positional').file, '/var/x.sqlite');
  assert.equal(parseConnectionUrl('sqlite:/var/x.sqlite', 'positional').file, '/var/x.sqlite');
  const m = parseConnectionUrl('mssql://sa:pw@sql1:1444/db?instance=SQLEXPRESS&encrypt=false', 'named');
  assert.deepEqual([m.kind, m.host, m.port, m.instance, m.database, m.options], ['mssql', 'sql1', 1444, 'SQLEXPRESS', 'db', { encrypt: 'false' }]);
  assert.equal(parseConnectionUrl('mariadb://u@h/d', 'positional').kind, 'mysql');
  assert.throws(() => parseConnectionUrl('sqlite:', 'positional'), SsisError);
});

test('SQL Server data sources split into host, instance and port', () => {
  assert.deepEqual(parseSqlServerDataSource('(local)'), { host: 'localhost' });
  assert.deepEqual(parseSqlServerDataSource('.'), { host: 'localhost' });
  assert.deepEqual(parseSqlServerDataSource('WORKSTATION-7\\SQLEXPRESS'), { host: 'WORKSTATION-7', instance: 'SQLEXPRESS' });
  assert.deepEqual(parseSqlServerDataSource('tcp:db.example.com,1433'), { host: 'db.example.com', port: 1433 });
});

test('/CONN values, settings files and the environment combine, later wins', () => {
  assert.deepEqual(parseConnSwitch('"My Conn";"postgres://h/d"'), { name: 'My Conn', value: 'postgres://h/d' });
  assert.throws(() => parseConnSwitch('no-separator'), SsisError);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  try {
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ connections: { a: 'sqlite:/x', b: 'sqlite:/y' }, pathMap: { 'C:\\': '/c/' } }));
    const settings = loadConnectionSettings(file);
    const all = combineOverrides({ settings, conn: ['b;mysql://h/d'], env: { OPENDTS_PATH_MAP: 'C:\\=/env-c/' } });
    assert.deepEqual(all.connections, { a: 'sqlite:/x', b: 'mysql://h/d' });
    assert.equal(all.pathRules?.length, 2);
    fs.writeFileSync(file, '{ not json');
    assert.throws(() => loadConnectionSettings(file), (e: unknown) => e instanceof SsisError && e.message.includes(file));
    assert.throws(() => loadConnectionSettings(path.join(dir, 'missing.json')), SsisError);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('every database connection manager in the corpus resolves or fails with an SsisError', () => {
  const databases = corpusConnections().filter((c) => /^(OLEDB|ADO\.NET|ODBC|MSOLAP)/i.test(c.creationName));
  assert.ok(databases.length >= 40, `found ${databases.length}`);
  let resolved = 0;
  for (const cm of databases) {
    try {
      const config = resolveConnection(cm);
      assert.ok(config.description.length > 0);
      resolved++;
    } catch (e) {
      assert.ok(e instanceof SsisError, `${cm.file} ${cm.name}: ${String(e)}`);
      assert.ok(e.message.includes(`"${cm.name}"`), `the message names the connection manager: ${e.message}`);
    }
  }
  assert.ok(resolved >= databases.length - 5, `${resolved} of ${databases.length} resolved`);
});

test('an encrypted connection string is a clear error unless an override supplies the connection', () => {
  const cm = { name: 'Secret', dtsId: '{0A1B}', creationName: 'OLEDB', connectionString: undefined };
  assert.throws(() => resolveConnection(cm), (e: unknown) => e instanceof SsisError && /encrypted/.test(e.message) && /\/CONN "Secret"/.test(e.message));
  assert.equal(resolveConnection(cm, { connections: { '{0a1b}': 'postgres://h/d' } }).kind, 'postgres');
});

test('a connection string that is an override URL (set by /SET or a configuration) is used as one', () => {
  const c = resolveConnection({ ...SQLNCLI, connectionString: 'sqlite:/tmp/x.sqlite' });
  assert.equal(c.kind, 'sqlite');
  assert.equal(c.file, '/tmp/x.sqlite');
  assert.equal(c.parameterStyle, 'positional');
});
