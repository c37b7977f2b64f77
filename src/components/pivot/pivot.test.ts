// Pivot (set key, pivot key, pivot value) and Unpivot (values to rows, NULLs skipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages, runThrough } from '../shared/test-kit.ts';

const SRC = 'Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns';

test('Pivot turns (customer, quarter, amount) rows into one row per customer', async () => {
  const r = await runThrough({
    input: 'ann,Q1,10\r\nann,Q2,20\r\nbob,Q2,5\r\n',
    inColumns: [{ name: 'customer', dataType: 'wstr', length: 10 }, { name: 'quarter', dataType: 'wstr', length: 2 }, { name: 'amount', dataType: 'i4' }],
    outColumns: ['customer', 'Q1', 'Q2'],
    build: (f) => (
      f
        .add({
          name: 'Pivot',
          classId: 'Microsoft.Pivot',
          inputs: [{ name: 'Pivot Default Input', columns: [
            { name: 'customer', properties: { PivotUsage: '1' } },
            { name: 'quarter', properties: { PivotUsage: '2' } },
            { name: 'amount', properties: { PivotUsage: '3' } },
          ] }],
          outputs: [{ name: 'Pivot Default Output', columns: [
            { name: 'customer', dataType: 'wstr', length: 10, properties: { SourceColumn: `#{${SRC}[customer]}` } },
            { name: 'Q1', dataType: 'i4', properties: { PivotKeyValue: 'Q1' } },
            { name: 'Q2', dataType: 'i4', properties: { PivotKeyValue: 'Q2' } },
          ] }],
        })
        .connect('Src', 'Pivot'),
      { last: 'Pivot' }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  assert.equal(r.out, 'ann,10,20\r\nbob,,5\r\n');
});

test('Unpivot turns columns into rows and skips NULL values', async () => {
  const out = 'Package\\Data Flow Task\\Unpivot.Outputs[Unpivot Output].Columns';
  const r = await runThrough({
    input: 'ann,10,20\r\nbob,,5\r\n',
    inColumns: [{ name: 'customer', dataType: 'wstr', length: 10 }, { name: 'Q1', dataType: 'i4' }, { name: 'Q2', dataType: 'i4' }],
    outColumns: ['customer', 'quarter', 'amount'],
    build: (f) => (
      f
        .add({
          name: 'Unpivot',
          classId: 'Microsoft.UnPivot',
          inputs: [{ name: 'Unpivot Input', columns: [
            { name: 'customer' },
            { name: 'Q1', properties: { DestinationColumn: `#{${out}[amount]}`, PivotKeyValue: 'Q1' } },
            { name: 'Q2', properties: { DestinationColumn: `#{${out}[amount]}`, PivotKeyValue: 'Q2' } },
          ] }],
          outputs: [{ name: 'Unpivot Output', columns: [
            { name: 'customer', dataType: 'wstr', length: 10 },
            { name: 'quarter', dataType: 'wstr', length: 2, properties: { PivotKey: 'true' } },
            { name: 'amount', dataType: 'i4' },
          ] }],
        })
        .connect('Src', 'Unpivot'),
      { last: 'Unpivot' }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  assert.equal(r.out, 'ann,Q1,10\r\nann,Q2,20\r\nbob,Q2,5\r\n');
});
