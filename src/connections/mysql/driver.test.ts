import { SsisDateTime, SsisDecimal } from '../../types/index.ts';
import { runDriverContract } from '../contract/driver-contract.ts';
import { mysqlDriver } from './driver.ts';

runDriverContract('mariadb', {
  driver: mysqlDriver,
  config: { kind: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: 'test', parameterStyle: 'positional', via: 'override', description: 'test' },
  // 10.255.255.1 is not routed: the connect timeout, not a refusal, must end the attempt.
  unreachable: { kind: 'mysql', host: '10.255.255.1', port: 3306, user: 'root', database: 'test', connectTimeoutSeconds: 1, parameterStyle: 'positional', via: 'override', description: '10.255.255.1:3306' },
  identityColumn: 'id INT AUTO_INCREMENT PRIMARY KEY',
  sleep: (s) => `SELECT SLEEP(${s})`,
  procedures: {
    procedure: (n) => `CREATE PROCEDURE ${n}(IN a INT, OUT b INT, INOUT c INT) BEGIN SET b = a * 2; SET c = c + 1; END`,
    func: (n) => `CREATE FUNCTION ${n}(a INT) RETURNS INT DETERMINISTIC RETURN a * 3`,
  },
  types: [
    { nativeType: 'INT', dataType: 'DT_I4', value: -123 },
    { nativeType: 'INT UNSIGNED', dataType: 'DT_UI4', value: 4000000000 },
    { nativeType: 'BIGINT', dataType: 'DT_I8', value: 9007199254740993n },
    { nativeType: 'SMALLINT', dataType: 'DT_I2', value: 12 },
    { nativeType: 'TINYINT UNSIGNED', dataType: 'DT_UI1', value: 200 },
    { nativeType: 'DOUBLE', dataType: 'DT_R8', value: 2.25 },
    { nativeType: 'DECIMAL(10,2)', dataType: 'DT_NUMERIC', value: new SsisDecimal(12345n, 2) },
    { nativeType: 'BOOLEAN', dataType: 'DT_BOOL', value: true },
    { nativeType: 'VARCHAR(30)', dataType: 'DT_WSTR', value: 'héllo ünïcode' },
    { nativeType: 'VARBINARY(16)', dataType: 'DT_BYTES', value: new Uint8Array([0, 1, 254, 255]) },
    { nativeType: 'LONGTEXT', dataType: 'DT_NTEXT', value: 'long text' },
    { nativeType: 'DATE', dataType: 'DT_DBDATE', value: SsisDateTime.of(2024, 2, 29) },
    { nativeType: 'DATETIME(6)', dataType: 'DT_DBTIMESTAMP2', value: SsisDateTime.of(2001, 12, 31, 23, 59, 59, 1234560) },
    { nativeType: 'TIME', dataType: 'DT_DBTIME2', value: SsisDateTime.of(1970, 1, 1, 8, 30, 15) },
    { nativeType: 'UUID', dataType: 'DT_GUID', value: '{0F8FAD5B-D9CB-469F-A165-70867728950E}' },
  ],
});
