import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseXml, serializeXml, serializeXmlToString } from './index.ts';
import { corpusFiles } from './test-corpus.ts';

const XML_FILES = corpusFiles(undefined, ['.dtsx', '.dtsconfig', '.params', '.conmgr', '.dtproj', '.ssisdeploymentmanifest']);

test('the corpus holds XML files of every kind', () => {
  assert.ok(XML_FILES.length >= 90, `only ${XML_FILES.length} corpus files found`);
  for (const ext of ['.dtsx', '.dtsConfig', '.params', '.conmgr', '.dtproj', '.SSISDeploymentManifest']) {
    assert.ok(XML_FILES.some((f) => f.endsWith(ext)), `no ${ext} file in the corpus`);
  }
});

for (const file of XML_FILES) {
  test(`round-trips byte for byte: ${basename(file)}`, () => {
    const bytes = readFileSync(file);
    const doc = parseXml(bytes, file);
    assert.deepEqual(Buffer.from(serializeXml(doc)), bytes);
    // The text path regenerates nothing either: it is the decoded input, BOM included.
    const text = serializeXmlToString(doc);
    assert.equal(Buffer.from(text, 'utf8').equals(bytes), true);
  });
}
