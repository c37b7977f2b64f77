import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { SsisError } from '../../errors.ts';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { runDriverContract } from '../contract/driver-contract.ts';
import { postgresDriver } from './driver.ts';

runDriverContract('postgres', {
  driver: postgresDriver,
  config: { kind: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test', parameterStyle: 'positional', via: 'override', description: 'test' },
  // 10.255.255.1 is not routed: the connect timeout, not a refusal, must end the attempt.
  unreachable: { kind: 'postgres', host: '10.255.255.1', port: 5432, user: 'postgres', database: 'test', connectTimeoutSeconds: 1, parameterStyle: 'positional', via: 'override', description: '10.255.255.1:5432' },
  identityColumn: 'id SERIAL PRIMARY KEY',
  sleep: (s) => `SELECT pg_sleep(${s})`,
  procedures: {
    procedure: (n) => `CREATE PROCEDURE ${n}(a INT, OUT b INT, INOUT c INT) LANGUAGE plpgsql AS $$ BEGIN b := a * 2; c := c + 1; END $$`,
    func: (n) => `CREATE FUNCTION ${n}(a INT) RETURNS INT LANGUAGE sql AS $$ SELECT a * 3 $$`,
  },
  types: [
    { nativeType: 'INT', dataType: 'DT_I4', value: -123 },
    { nativeType: 'BIGINT', dataType: 'DT_I8', value: 9007199254740993n },
    { nativeType: 'SMALLINT', dataType: 'DT_I2', value: 12 },
    { nativeType: 'REAL', dataType: 'DT_R4', value: 1.5 },
    { nativeType: 'DOUBLE PRECISION', dataType: 'DT_R8', value: 2.25 },
    { nativeType: 'NUMERIC(10,2)', dataType: 'DT_NUMERIC', value: new SsisDecimal(12345n, 2) },
    { nativeType: 'BOOLEAN', dataType: 'DT_BOOL', value: true },
    { nativeType: 'MONEY', dataType: 'DT_CY', value: new SsisDecimal(15000n, 4) },
    { nativeType: 'VARCHAR(30)', dataType: 'DT_WSTR', value: 'héllo ünïcode' },
    { nativeType: 'TEXT', dataType: 'DT_WSTR', value: 'long text' },
    { nativeType: 'BYTEA', dataType: 'DT_IMAGE', value: new Uint8Array([0, 1, 254, 255]) },
    { nativeType: 'DATE', dataType: 'DT_DBDATE', value: SsisDateTime.of(2024, 2, 29) },
    { nativeType: 'TIMESTAMP', dataType: 'DT_DBTIMESTAMP2', value: SsisDateTime.of(2001, 12, 31, 23, 59, 59, 1234560) },
    { nativeType: 'TIMESTAMPTZ', dataType: 'DT_DBTIMESTAMPOFFSET', value: SsisDateTime.of(2001, 12, 31, 23, 59, 59, 0, 0) },
    { nativeType: 'TIME', dataType: 'DT_DBTIME2', value: SsisDateTime.of(1970, 1, 1, 8, 30, 15) },
    { nativeType: 'UUID', dataType: 'DT_GUID', value: '{0F8FAD5B-D9CB-469F-A165-70867728950E}' },
  ],
});

test('postgres: the fast load honours CommandTimeout', async () => {
  const c = await postgresDriver.connect({ kind: 'postgres', host: '127.0.0.1', user: 'postgres', database: 'test', parameterStyle: 'positional', via: 'override', description: 'test' });
  const t = `odts_slow_${randomBytes(4).toString('hex')}`;
  try {
    await c.query(`CREATE TABLE ${t} (n INT)`);
    await c.query(`CREATE FUNCTION ${t}_f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(3); RETURN NEW; END $$`);
    await c.query(`CREATE TRIGGER ${t}_t BEFORE INSERT ON ${t} FOR EACH ROW EXECUTE FUNCTION ${t}_f()`);
    await assert.rejects(c.bulkLoad(t, ['n'], [[[1]]], { timeoutSeconds: 1 }), (e: unknown) => e instanceof SsisError && /timeout/i.test(e.message));
    const r = await c.query(`SELECT COUNT(*) FROM ${t}`);
    assert.equal(Number(r.resultSets[0]!.rows[0]![0]), 0);
  } finally {
    await c.query(`DROP TABLE IF EXISTS ${t}; DROP FUNCTION IF EXISTS ${t}_f()`);
    await c.close();
  }
});
