import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldTypeName, mapMysqlType } from './types.ts';

test('column types map to DT_* types', () => {
  assert.deepEqual(mapMysqlType('int(11) unsigned'), { dataType: 'DT_UI4' });
  assert.deepEqual(mapMysqlType('tinyint(1)'), { dataType: 'DT_BOOL' });
  assert.deepEqual(mapMysqlType('decimal(12,2)'), { dataType: 'DT_NUMERIC', precision: 12, scale: 2 });
  assert.deepEqual(mapMysqlType('varchar(5000)'), { dataType: 'DT_NTEXT' });
  assert.deepEqual(mapMysqlType('varchar(40)'), { dataType: 'DT_WSTR', length: 40 });
  assert.deepEqual(mapMysqlType('datetime(3)'), { dataType: 'DT_DBTIMESTAMP2', scale: 3 });
  assert.deepEqual(mapMysqlType('bit(16)'), { dataType: 'DT_BYTES', length: 2 });
});

test('result-set fields name their type', () => {
  assert.equal(fieldTypeName({ columnType: 246, columnLength: 14, decimals: 2, flags: 0, characterSet: 63 }), 'decimal(12,2)');
  assert.equal(fieldTypeName({ columnType: 253, columnLength: 160, decimals: 0, flags: 0, characterSet: 45 }), 'varchar(40)');
  assert.equal(fieldTypeName({ columnType: 253, columnLength: 120, decimals: 0, flags: 0, characterSet: 33 }), 'varchar(40)');
  assert.equal(fieldTypeName({ columnType: 252, columnLength: 65535, decimals: 0, flags: 128, characterSet: 63 }), 'longblob');
  assert.equal(fieldTypeName({ columnType: 3, columnLength: 10, decimals: 0, flags: 32, characterSet: 63 }), 'int unsigned');
});
