import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parametersFromBindings } from './bindings.ts';
import { SsisError } from '../errors.ts';

test('OLE DB binds by 0-based position, ODBC by 1-based, whatever the binding order', () => {
  assert.deepEqual(parametersFromBindings('OLEDB', [{ name: '1', value: 'b' }, { name: '0', value: 'a' }]), ['a', 'b']);
  assert.deepEqual(parametersFromBindings('ODBC', [{ name: '2', value: 'b' }, { name: '1', value: 'a' }]), ['a', 'b']);
  assert.deepEqual(parametersFromBindings('EXCEL', [{ name: '0', value: 1 }]), [1]);
});

test('ADO and non-numeric names bind in binding order; ADO.NET by name', () => {
  assert.deepEqual(parametersFromBindings('ADO', [{ name: 'Param1', value: 1 }, { name: 'Param2', value: 2 }]), [1, 2]);
  assert.deepEqual(parametersFromBindings('OLEDB', [{ name: '@Start', value: 1 }, { name: '@End', value: 2 }]), [1, 2]);
  assert.deepEqual(parametersFromBindings('ADO.NET:System.Data.SqlClient.SqlConnection, System.Data', [{ name: '@Start', value: 1 }, { name: 'End', value: 2 }]), { Start: 1, End: 2 });
  assert.deepEqual(parametersFromBindings('ADO.NET:System.Data.Odbc.OdbcConnection, System.Data', [{ name: '1', value: 'x' }]), ['x']);
});

test('gaps, duplicates and ODBC position 0 are errors', () => {
  assert.throws(() => parametersFromBindings('OLEDB', [{ name: '0', value: 1 }, { name: '2', value: 2 }]), SsisError);
  assert.throws(() => parametersFromBindings('OLEDB', [{ name: '0', value: 1 }, { name: '0', value: 2 }]), SsisError);
  assert.throws(() => parametersFromBindings('ODBC', [{ name: '0', value: 1 }]), SsisError);
});

test('output values match parameters by name, the rest by position', async () => {
  const { outputsFromRow } = await import('./procedures.ts');
  const cols = [{ name: 'b', nativeType: '', dataType: 'DT_I4' as const }, { name: 'x', nativeType: '', dataType: 'DT_I4' as const }];
  const params = [
    { name: '@a', direction: 'input' as const, value: 1 },
    { name: '@other', direction: 'output' as const },
    { name: '@B', direction: 'inputOutput' as const, value: 2 },
  ];
  assert.deepEqual(outputsFromRow(params, cols, [10, 20]), { '@B': 10, '@other': 20 });
  assert.deepEqual(outputsFromRow(params, cols, undefined), {});
});
