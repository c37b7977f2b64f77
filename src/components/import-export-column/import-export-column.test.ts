// Export Column writes each row's text to its file; Import Column reads files back into a column.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { messages, runThrough, tempFolder } from '../shared/test-kit.ts';

const SRC = 'Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns';

test('Export Column then Import Column round-trip file contents', async () => {
  const t = tempFolder();
  try {
    const input = `${t.file('a.txt')},hello\r\n${t.file('b.txt')},wörld\r\n`;
    const cols = [{ name: 'path', dataType: 'wstr', length: 200 }, { name: 'body', dataType: 'nText' }];
    const exported = await runThrough({
      input,
      inColumns: cols,
      outColumns: ['path'],
      build: (f) => (
        f
          .add({ name: 'Export', classId: 'Microsoft.Extractor', inputs: [{ name: 'Export Column Input', columns: [{ name: 'path', properties: { FileDataColumnID: `#{${SRC}[body]}`, WriteBOM: 'true' } }, { name: 'body', properties: { FileDataColumnID: '0' } }] }], outputs: [{ name: 'Export Column Output', syncInput: 0 }] })
          .connect('Src', 'Export'),
        { last: 'Export' }
      ),
    });
    assert.equal(exported.result.success, true, messages(exported.result));
    assert.deepEqual([...readFileSync(t.file('b.txt'))].slice(0, 2), [0xff, 0xfe]);
    const imported = await runThrough({
      input: `${t.file('a.txt')}\r\n${t.file('b.txt')}\r\n`,
      inColumns: [{ name: 'path', dataType: 'wstr', length: 200 }],
      outColumns: ['content'],
      build: (f) => (
        f
          .add({ name: 'Import', classId: 'Microsoft.Injector', inputs: [{ name: 'Import Column Input', columns: [{ name: 'path', properties: { FileDataColumnID: '#{Package\\Data Flow Task\\Import.Outputs[Import Column Output].Columns[content]}' } }] }], outputs: [{ name: 'Import Column Output', syncInput: 0, columns: [{ name: 'content', dataType: 'nText', properties: { ExpectBOM: 'true' } }] }] })
          .connect('Src', 'Import'),
        { last: 'Import' }
      ),
    });
    assert.equal(imported.result.success, true, messages(imported.result));
    assert.equal(imported.out, 'hello\r\nwörld\r\n');
  } finally {
    t.remove();
  }
});
