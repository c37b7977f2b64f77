// Excel Destination then Excel Source over a real .xlsx: header row, types, and the .xls refusal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DataFlowConnection } from '../../dataflow/context.ts';
import { messages, runThrough, tempFolder } from '../shared/test-kit.ts';
import { sheetName } from './workbook-path.ts';

const excel = (path: string): DataFlowConnection => ({ name: 'Book', refId: 'Package.ConnectionManagers[Book]', creationName: 'EXCEL', connectionString: `Provider=Microsoft.ACE.OLEDB.12.0;Data Source=${path};Extended Properties="Excel 12.0 XML;HDR=YES";`, properties: {} });

test('sheet names from OpenRowset or a SQL command', () => {
  assert.equal(sheetName('Sheet1$', undefined), 'Sheet1');
  assert.equal(sheetName(undefined, 'SELECT * FROM [Orders$]'), 'Orders');
});

test('rows written to a worksheet read back with their types', async () => {
  const t = tempFolder();
  try {
    const book = excel(t.file('book.xlsx'));
    const w = await runThrough({
      input: '1,ann,2.5\r\n2,bob,\r\n',
      inColumns: [{ name: 'id', dataType: 'i4' }, { name: 'name', dataType: 'wstr', length: 10 }, { name: 'amount', dataType: 'r8' }],
      outColumns: ['id'],
      connections: [book],
      build: (f) => (
        f
          .add({ name: 'Copy', classId: 'Microsoft.Multicast', inputs: [{ name: 'In' }], outputs: [{ name: 'A', syncInput: 0 }, { name: 'B', syncInput: 0 }] })
          .add({ name: 'Xl', classId: 'Microsoft.ExcelDestination', properties: { OpenRowset: 'Orders$' }, connections: { ExcelConnection: 'Book' }, inputs: [{ name: 'Excel Destination Input', columns: [{ name: 'id', external: 'id' }, { name: 'name', external: 'name' }, { name: 'amount', external: 'amount' }] }] })
          .connect('Src', 'Copy')
          .connect('Copy', 'Xl', 'A'),
        { last: 'Copy', output: 'B' }
      ),
    });
    assert.equal(w.result.success, true, messages(w.result));
    const r = await runThrough({
      input: '',
      inColumns: [],
      outColumns: ['id', 'name', 'amount'],
      connections: [book],
      build: (f) => (f.add({ name: 'XlIn', classId: 'Microsoft.ExcelSource', properties: { AccessMode: '2', SqlCommand: 'SELECT * FROM [Orders$]' }, connections: { ExcelConnection: 'Book' }, outputs: [{ name: 'Excel Source Output', columns: [{ name: 'id', dataType: 'r8', external: 'id' }, { name: 'name', dataType: 'wstr', length: 255, external: 'name' }, { name: 'amount', dataType: 'r8', external: 'amount' }] }] }), { last: 'XlIn' }),
    });
    assert.equal(r.result.success, true, messages(r.result));
    assert.equal(r.out, '1,ann,2.5\r\n2,bob,\r\n');
    const xls = await runThrough({
      input: '',
      inColumns: [],
      outColumns: ['id'],
      connections: [excel(t.file('old.xls'))],
      build: (f) => (f.add({ name: 'XlIn', classId: 'Microsoft.ExcelSource', properties: { OpenRowset: 'Sheet1$' }, connections: { ExcelConnection: 'Book' }, outputs: [{ name: 'Excel Source Output', columns: [{ name: 'id', dataType: 'r8' }] }] }), { last: 'XlIn' }),
    });
    assert.equal(xls.result.success, false);
    assert.match(messages(xls.result), /\.xls\) format/);
  } finally {
    t.remove();
  }
});
