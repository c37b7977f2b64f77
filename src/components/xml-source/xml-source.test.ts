// XML Source: rowsets by element name, columns from attributes and child elements, generated parent keys, conversions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { messages, runThrough } from '../shared/test-kit.ts';

test('nested elements become two rowsets linked by generated keys', async () => {
  {
    const xml = '<rss><channel><title>News</title><item id="7"><title>A</title><price>1.5</price></item><item id="8"><title>B</title></item></channel></rss>';
    const source = () => ({
      name: 'Xml',
      classId: 'Microsoft.XmlSourceAdapter',
      properties: { AccessMode: '2', XMLDataVariable: 'User::Doc' },
      outputs: [
        { name: 'item', properties: { RowsetID: 'item' }, columns: [{ name: 'id', dataType: 'i4' }, { name: 'title', dataType: 'wstr', length: 10 }, { name: 'price', dataType: 'r8' }, { name: 'channel_Id', dataType: 'ui8' }] },
        { name: 'channel', properties: { RowsetID: 'channel' }, columns: [{ name: 'title', dataType: 'wstr', length: 10 }, { name: 'channel_Id', dataType: 'ui8' }] },
      ],
    });
    const items = await runThrough({
      input: '',
      inColumns: [],
      outColumns: ['id', 'title', 'price', 'channel_Id'],
      context: { variables: { 'User::Doc': xml } },
      build: (f) => (f.add(source()), { last: 'Xml', output: 'item' }),
    });
    assert.equal(items.result.success, true, messages(items.result));
    assert.equal(items.out, '7,A,1.5,1\r\n8,B,,1\r\n');
    const channels = await runThrough({
      input: '',
      inColumns: [],
      outColumns: ['title', 'channel_Id'],
      context: { variables: { 'User::Doc': xml } },
      build: (f) => (f.add(source()), { last: 'Xml', output: 'channel' }),
    });
    assert.equal(channels.out, 'News,1\r\n');
  }
});
