// No SQL Server runs here: these tests cover the driver's own logic (config, parameters, types, bulk-load columns)
// and a refused connection; queries against a real server are not exercised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import tedious from 'tedious';
import { SsisError } from '../../errors.ts';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { resolveConnection } from '../resolve.ts';
import type { TableColumn } from '../driver.ts';
import { tediousConfig, quoteMssqlName } from './config.ts';
import { mssqlDriver, procedureBatch, tediousBatches } from './driver.ts';
import { mapMetadata, mapMssqlType, nativeTypeText, parseNativeColumn, tediousCell, tediousParameter } from './types.ts';
import { bulkColumns, tediousBulkOptions } from './bulk-load.ts';

const { TYPES } = tedious;

test('a package connection string becomes a tedious config', () => {
  const cfg = tediousConfig(resolveConnection({ name: 'srv-02.Ops', creationName: 'OLEDB', connectionString: 'Data Source=srv-02,1444;User ID=sa;Password=pw;Initial Catalog=Ops;Provider=SQLNCLI11.1;Connect Timeout=5;Application Name=SSIS-Package' }));
  assert.equal(cfg.server, 'srv-02');
  assert.deepEqual(cfg.authentication, { type: 'default', options: { userName: 'sa', password: 'pw' } });
  assert.equal(cfg.options?.port, 1444);
  assert.equal(cfg.options?.database, 'Ops');
  assert.equal(cfg.options?.connectTimeout, 5000);
  assert.equal(cfg.options?.appName, 'SSIS-Package');
  const named = tediousConfig(resolveConnection({ name: 'x', creationName: 'OLEDB', connectionString: 'Data Source=WORKSTATION\\SQLEXPRESS;Provider=SQLNCLI11;User ID=CORP\\etl;Password=p' }));
  assert.equal(named.options?.instanceName, 'SQLEXPRESS');
  assert.equal(named.options?.port, undefined);
  assert.deepEqual(named.authentication, { type: 'ntlm', options: { domain: 'CORP', userName: 'etl', password: 'p' } });
});

test('Windows authentication without a user is a clear error', () => {
  const config = resolveConnection({ name: 'x', creationName: 'OLEDB', connectionString: 'Data Source=(local);Initial Catalog=Sales;Provider=SQLNCLI11;Integrated Security=SSPI;' });
  assert.throws(() => tediousConfig(config), (e: unknown) => e instanceof SsisError && /Integrated Security=SSPI/.test(e.message) && /\/CONN/.test(e.message));
});

test('? markers become @P1… per GO batch; named markers keep their names; literals are untouched', () => {
  const b = tediousBatches("INSERT INTO t VALUES (?, '?', ?)\nGO\nEXEC p ?", [1, 'a', null]);
  assert.deepEqual(b.map((x) => x.sql), ["INSERT INTO t VALUES (@P1, '?', @P2)", 'EXEC p @P1']);
  assert.deepEqual(b.map((x) => x.parameters), [[{ name: 'P1', value: 1 }, { name: 'P2', value: 'a' }], [{ name: 'P1', value: null }]]);
  const n = tediousBatches('SELECT * FROM t WHERE a = @Start AND b = @start AND c = @local', { '@Start': 5 });
  assert.equal(n[0]!.sql, 'SELECT * FROM t WHERE a = @Start AND b = @Start AND c = @local');
  assert.deepEqual(n[0]!.parameters, [{ name: 'Start', value: 5 }]);
  assert.throws(() => tediousBatches('SELECT ?', []), SsisError);
});

test('parameter values get tedious types; decimals stay exact as text', () => {
  assert.equal(tediousParameter(5).type, TYPES.Int);
  assert.equal(tediousParameter(5.5).type, TYPES.Float);
  assert.equal(tediousParameter(3000000000).type, TYPES.Float);
  assert.deepEqual(tediousParameter(12n), { type: TYPES.BigInt, value: '12' });
  assert.deepEqual(tediousParameter(new SsisDecimal(12345678901234567890n, 4)), { type: TYPES.NVarChar, value: '1234567890123456.7890' });
  const dt = tediousParameter(SsisDateTime.of(2024, 2, 29, 13, 45, 6, 1230000));
  assert.equal(dt.type, TYPES.DateTime2);
  assert.equal((dt.value as Date).toISOString(), '2024-02-29T13:45:06.123Z');
  assert.equal(tediousParameter(null).value, null);
  assert.equal(tediousParameter(true).type, TYPES.Bit);
});

test('SQL Server types map to SSIS types as the OLE DB source does', () => {
  assert.deepEqual(mapMssqlType('varchar', 50), { dataType: 'DT_STR', length: 50 });
  assert.deepEqual(mapMssqlType('nvarchar', -1), { dataType: 'DT_NTEXT' });
  assert.deepEqual(mapMssqlType('decimal', undefined, 19, 4), { dataType: 'DT_NUMERIC', precision: 19, scale: 4 });
  assert.deepEqual(mapMssqlType('money'), { dataType: 'DT_CY' });
  assert.deepEqual(mapMssqlType('datetime'), { dataType: 'DT_DBTIMESTAMP' });
  assert.deepEqual(mapMssqlType('uniqueidentifier'), { dataType: 'DT_GUID' });
  assert.deepEqual(mapMetadata({ type: { name: 'IntN' }, dataLength: 8 }), { dataType: 'DT_I8' });
  assert.deepEqual(mapMetadata({ type: { name: 'NVarChar' }, dataLength: 100 }), { dataType: 'DT_WSTR', length: 50 });
  assert.deepEqual(mapMetadata({ type: { name: 'FloatN' }, dataLength: 4 }), { dataType: 'DT_R4' });
  assert.deepEqual(mapMetadata({ type: { name: 'VarChar' }, dataLength: 30, collation: { codepage: 'CP1251' } }), { dataType: 'DT_STR', length: 30, codePage: 1251 });
  assert.deepEqual(mapMetadata({ type: { name: 'VarChar' }, dataLength: 30 }), { dataType: 'DT_STR', length: 30, codePage: 1252 });
  assert.equal(nativeTypeText('nvarchar', -1), 'nvarchar(max)');
  assert.deepEqual(parseNativeColumn('decimal(12,2)'), { name: 'decimal', precision: 12, scale: 2 });
  assert.deepEqual(parseNativeColumn('varbinary(max)'), { name: 'varbinary', length: -1 });
  assert.equal(quoteMssqlName('dbo.My]Table'), '[dbo].[My]]Table]');
});

test('bulk-load columns follow the table; identity columns are left out; KeepIdentity is refused', () => {
  const col = (name: string, nativeType: string, identity = false): TableColumn => ({ name, nativeType, identity, nullable: !identity, ...mapMssqlType(parseNativeColumn(nativeType).name, parseNativeColumn(nativeType).length) });
  const table = [col('Id', 'int', true), col('Name', 'nvarchar(50)'), col('Amount', 'decimal(12,2)'), col('At', 'datetime2(3)')];
  const { columns, indexes } = bulkColumns('dbo.T', ['id', 'amount', 'name', 'at'], table, {});
  assert.deepEqual(columns.map((c) => [c.name, c.type, c.options]), [
    ['Amount', TYPES.Decimal, { precision: 12, scale: 2 }],
    ['Name', TYPES.NVarChar, { length: 50 }],
    ['At', TYPES.DateTime2, { scale: 3 }],
  ]);
  assert.deepEqual(indexes, [1, 2, 3]);
  assert.throws(() => bulkColumns('dbo.T', ['Id'], table, { keepIdentity: true }), (e: unknown) => e instanceof SsisError && /KeepIdentity/.test(e.message));
  assert.throws(() => bulkColumns('dbo.T', ['Nope'], table, {}), SsisError);
  assert.deepEqual(tediousBulkOptions({ tableLock: true, checkConstraints: true }), { keepNulls: false, checkConstraints: true, fireTriggers: false, lockTable: true });
  assert.equal(tediousCell(new SsisDecimal(1250n, 2), 'decimal'), 12.5);
  assert.equal(tediousCell('{0F8FAD5B-D9CB-469F-A165-70867728950E}', 'uniqueidentifier'), '0F8FAD5B-D9CB-469F-A165-70867728950E');
});

test('a refused connection is a clear SsisError, not a hang', async () => {
  await assert.rejects(
    mssqlDriver.connect({ kind: 'mssql', host: '127.0.0.1', port: 1, user: 'sa', password: 'x', connectTimeoutSeconds: 2, parameterStyle: 'positional', via: 'override', description: 'SQL Server 127.0.0.1,1' }),
    (e: unknown) => e instanceof SsisError && e.symbol === 'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER' && /127\.0\.0\.1/.test(e.message),
  );
});

test('procedure calls become EXEC batches with output parameters, positional or by name', () => {
  const positional = procedureBatch('meta.uspStart', [
    { name: '@P1', direction: 'returnValue' },
    { name: '@P2', direction: 'input', value: 5 },
    { name: '@P3', direction: 'output' },
  ]);
  assert.equal(positional.sql, 'EXEC @odts_return = [meta].[uspStart] @P2, @P3 OUTPUT');
  assert.deepEqual(positional.parameters.map((p) => [p.name, p.output]), [['odts_return', true], ['P2', false], ['P3', true]]);
  const named = procedureBatch('usp_GetDetail', [{ name: '@ID', direction: 'input', value: 1 }, { name: '@Total', direction: 'output' }]);
  assert.equal(named.sql, 'EXEC [usp_GetDetail] @ID = @ID, @Total = @Total OUTPUT');
});
