// Character Map: case, width and kana mappings in place and into new columns; Audit: system variables as columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAP, mapCharacters } from './index.ts';
import { messages, runThrough } from '../shared/test-kit.ts';

test('mapping flags', () => {
  assert.equal(mapCharacters('Straße', MAP.upper), 'STRASSE');
  assert.equal(mapCharacters('ABC', MAP.lower), 'abc');
  assert.equal(mapCharacters('AB 1', MAP.fullWidth), 'ＡＢ\u3000１');
  assert.equal(mapCharacters('ＡＢ１', MAP.halfWidth), 'AB1');
  assert.equal(mapCharacters('ひらがな', MAP.katakana), 'ヒラガナ');
});

test('in place and new columns, through a data flow; Audit adds the package name', async () => {
  const r = await runThrough({
    input: 'Hello,x\r\n',
    inColumns: [{ name: 'a', dataType: 'wstr', length: 10 }, { name: 'b', dataType: 'wstr', length: 10 }],
    outColumns: ['a', 'b', 'lower', 'pkg'],
    context: { variables: { 'System::PackageName': 'Orders' } },
    build: (f) => (
      f
        .add({
          name: 'Map',
          classId: 'Microsoft.CharacterMap',
          inputs: [{ name: 'Character Map Input', columns: [{ name: 'a', usageType: 'readWrite', properties: { MapFlags: String(MAP.upper) } }, { name: 'b' }] }],
          outputs: [{ name: 'Character Map Output', syncInput: 0, columns: [{ name: 'lower', dataType: 'wstr', length: 10, properties: { MapFlags: String(MAP.lower), InputColumnLineageId: '#{Package\\Data Flow Task\\Src.Outputs[Flat File Source Output].Columns[a]}' } }] }],
        })
        .add({ name: 'Audit', classId: 'Microsoft.Lineage', inputs: [{ name: 'Audit Input' }], outputs: [{ name: 'Audit Output', syncInput: 0, columns: [{ name: 'pkg', dataType: 'wstr', length: 20, properties: { LineageItemSelected: '2' } }] }] })
        .connect('Src', 'Map')
        .connect('Map', 'Audit'),
      { last: 'Audit' }
    ),
  });
  assert.equal(r.result.success, true, messages(r.result));
  assert.equal(r.out, 'HELLO,x,hello,Orders\r\n');
});
