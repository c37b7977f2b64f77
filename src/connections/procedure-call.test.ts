import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseProcedureCall, procedureParameters } from './procedure-call.ts';

test('EXEC and ODBC call forms with markers are recognised', () => {
  assert.deepEqual(parseProcedureCall('EXEC\t[dbo].[usp_Weekly] ?'), { name: '[dbo].[usp_Weekly]', returnsValue: false, args: [{ output: false }] });
  assert.deepEqual(parseProcedureCall('EXECUTE ? = meta.uspStart ?, ? OUTPUT;'), { name: 'meta.uspStart', returnsValue: true, args: [{ output: false }, { output: true }] });
  assert.deepEqual(parseProcedureCall('{? = call get_total(?, ?)}'), { name: 'get_total', returnsValue: true, args: [{ output: false }, { output: false }] });
  assert.deepEqual(parseProcedureCall('{call refresh}'), { name: 'refresh', returnsValue: false, args: [] });
  assert.deepEqual(parseProcedureCall('EXEC sp_updatestats'), { name: 'sp_updatestats', returnsValue: false, args: [] });
});

test('anything else is not a procedure call', () => {
  assert.equal(parseProcedureCall('SELECT * FROM t WHERE a = ?'), undefined);
  assert.equal(parseProcedureCall("EXEC proc @a = 1, ?"), undefined);
  assert.equal(parseProcedureCall('INSERT INTO t VALUES (?)'), undefined);
});

test('bindings become procedure parameters by ordinal, with directions', () => {
  const call = parseProcedureCall('EXEC ? = p ?, ? OUTPUT, ?')!;
  const params = procedureParameters(call, 'OLEDB', [
    { name: '0', direction: 'ReturnValue' },
    { name: '1', direction: 'Input', value: 5 },
    { name: '2', direction: 'Input', value: 1 },
    { name: '3', direction: 'Output' },
  ]);
  assert.deepEqual(params, [
    { name: '@P1', direction: 'returnValue' },
    { name: '@P2', direction: 'input', value: 5 },
    { name: '@P3', direction: 'inputOutput', value: 1 },
    { name: '@P4', direction: 'output' },
  ]);
  const odbc = procedureParameters(parseProcedureCall('{call q(?)}')!, 'ODBC', [{ name: '1', direction: 'Output' }]);
  assert.deepEqual(odbc, [{ name: '@P1', direction: 'output' }]);
});
