// Raw File Destination then Source: every type round-trips exactly; Create once refuses an existing file; Append adds rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { FlowBuilder } from '../../dataflow/flow-builder.ts';
import { flatFileConnection, memoryContext } from '../../dataflow/memory-context.ts';
import { runDataFlow } from '../../dataflow/run.ts';
import { messages, runThrough, tempFolder } from '../shared/test-kit.ts';
import { flatSource } from '../shared/test-kit.ts';

const COLS = [{ name: 'n', dataType: 'i8' }, { name: 'd', dataType: 'dbTimeStamp' }, { name: 'x', dataType: 'numeric', precision: 10, scale: 2 }, { name: 's', dataType: 'wstr', length: 10 }];

test('rows written to a raw file read back unchanged; Create once refuses; Append adds', async () => {
  const t = tempFolder();
  try {
    writeFileSync(t.file('in.csv'), '1,2024-01-02 03:04:05.123,12.50,é\r\n2,,,\r\n');
    const write = async (option: string) => {
      const f = new FlowBuilder()
        .add(flatSource('Src', 'In', COLS, { RetainNulls: 'true' }))
        .add({ name: 'Raw', classId: 'Microsoft.RawDestination', properties: { AccessMode: '0', FileName: t.file('data.raw'), WriteOption: option }, inputs: [{ name: 'Raw Destination Input', columns: '*' }] })
        .connect('Src', 'Raw');
      return runDataFlow(f.build(), memoryContext({ connections: [flatFileConnection('In', t.file('in.csv'), COLS.map((c) => ({ name: c.name, dataType: c.dataType })))] }));
    };
    const first = await write('0');
    assert.equal(first.success, true, messages(first));
    const once = await write('1');
    assert.equal(once.success, false);
    assert.match(messages(once), /already exists/);
    const appended = await write('2');
    assert.equal(appended.success, true, messages(appended));
    const read = await runThrough({
      input: '',
      inColumns: [],
      outColumns: ['n', 'd', 'x', 's'],
      build: (f) => (f.add({ name: 'RawIn', classId: 'Microsoft.RawSource', properties: { AccessMode: '0', FileName: t.file('data.raw') }, outputs: [{ name: 'Raw Source Output', columns: COLS }] }), { last: 'RawIn' }),
    });
    assert.equal(read.result.success, true, messages(read.result));
    // DT_DBTIMESTAMP is written with nine fractional digits, as SSIS writes it.
    assert.equal(read.out, '1,2024-01-02 03:04:05.123000000,12.50,é\r\n2,,,\r\n'.repeat(2));
  } finally {
    t.remove();
  }
});
