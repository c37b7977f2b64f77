import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { runDriverContract } from '../contract/driver-contract.ts';
import { sqliteDriver } from './driver.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));

runDriverContract('sqlite', {
  driver: sqliteDriver,
  config: { kind: 'sqlite', file: path.join(dir, 'contract.sqlite'), parameterStyle: 'positional', via: 'override', description: 'test' },
  unreachable: { kind: 'sqlite', file: path.join(dir, 'no', 'such', 'folder', 'x.sqlite'), parameterStyle: 'positional', via: 'override', description: 'missing' },
  identityColumn: 'id INTEGER PRIMARY KEY',
  types: [
    { nativeType: 'INT', dataType: 'DT_I4', value: -123 },
    { nativeType: 'BIGINT', dataType: 'DT_I8', value: 9007199254740993n },
    { nativeType: 'SMALLINT', dataType: 'DT_I2', value: 12 },
    { nativeType: 'TINYINT', dataType: 'DT_UI1', value: 200 },
    { nativeType: 'REAL', dataType: 'DT_R8', value: 1.5 },
    { nativeType: 'DECIMAL(10,2)', dataType: 'DT_NUMERIC', value: new SsisDecimal(12345n, 2) },
    { nativeType: 'MONEY', dataType: 'DT_CY', value: new SsisDecimal(15000n, 4) },
    { nativeType: 'BIT', dataType: 'DT_BOOL', value: true },
    { nativeType: 'NVARCHAR(30)', dataType: 'DT_WSTR', value: 'héllo ünïcode' },
    { nativeType: 'VARBINARY(16)', dataType: 'DT_BYTES', value: new Uint8Array([0, 1, 254, 255]) },
    { nativeType: 'DATE', dataType: 'DT_DBDATE', value: SsisDateTime.of(2024, 2, 29) },
    { nativeType: 'DATETIME', dataType: 'DT_DBTIMESTAMP', value: SsisDateTime.of(2024, 2, 29, 13, 45, 6, 1230000) },
    { nativeType: 'DATETIME2', dataType: 'DT_DBTIMESTAMP2', value: SsisDateTime.of(2001, 12, 31, 23, 59, 59, 1234567) },
    { nativeType: 'TIME', dataType: 'DT_DBTIME2', value: SsisDateTime.of(1970, 1, 1, 8, 30, 15) },
    { nativeType: 'UNIQUEIDENTIFIER', dataType: 'DT_GUID', value: '{0F8FAD5B-D9CB-469F-A165-70867728950E}' },
  ],
});

// Registered after the contract's own clean-up, so the tables are dropped before the folder goes.
after(() => fs.rmSync(dir, { recursive: true, force: true }));
