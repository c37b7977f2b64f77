import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { attr, childElements, parseXml, serializeXml, setAttr, setText, textOf } from './index.ts';

const SAMPLE =
  '<?xml version="1.0" encoding="ENC"?>\r\n' +
  '<!DOCTYPE r [ <!ELEMENT r ANY> <!-- a > inside --> ]>\n' +
  '<?pi some data?>\r\n' +
  '<!-- prolog comment -->\n' +
  "<r xmlns:DTS='www.microsoft.com/SqlServer/Dts'   DTS:a=\"&#xD;&#13;&amp;&quot;\"\tb = 'x'>\r\n" +
  '  <DTS:e v="Grüße – €"/><f></f>\n' +
  '  <g>&lt;tag&gt; &#x41;&#66;&apos;</g>\r' +
  '  <![CDATA[ <raw> & ]]>\r\n' +
  '</r >\r\n' +
  '<!-- epilog -->';

function roundTrip(bytes: Buffer, expectedEncoding: string): void {
  const doc = parseXml(bytes, 'sample.xml');
  assert.equal(doc.encoding, expectedEncoding);
  assert.deepEqual(Buffer.from(serializeXml(doc)), bytes);
  assert.equal(attr(doc.root, 'DTS:a'), '\r\r&"');
  assert.equal(attr(doc.root, '{www.microsoft.com/SqlServer/Dts}a'), '\r\r&"');
  assert.equal(attr(childElements(doc.root)[0], 'v'), 'Grüße – €');
  assert.equal(textOf(childElements(doc.root)[2]), "<tag> AB'");
  assert.equal(doc.mixedLineEndings, true);
  // An edit keeps the encoding and BOM, and the untouched non-ASCII text survives.
  setAttr(doc.root, 'b', 'ü€');
  const edited = Buffer.from(serializeXml(doc));
  const again = parseXml(edited, 'edited.xml');
  assert.equal(again.encoding, expectedEncoding);
  assert.equal(again.bom, doc.bom);
  assert.equal(attr(again.root, 'b'), 'ü€');
  assert.equal(attr(childElements(again.root)[0], 'v'), 'Grüße – €');
}

test('UTF-8 without BOM round-trips byte for byte', () => {
  roundTrip(Buffer.from(SAMPLE.replace('ENC', 'utf-8'), 'utf8'), 'utf-8');
});

test('UTF-8 with BOM round-trips byte for byte', () => {
  roundTrip(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE.replace('ENC', 'utf-8'), 'utf8')]), 'utf-8');
});

test('UTF-16 LE with BOM round-trips byte for byte', () => {
  roundTrip(Buffer.from('\uFEFF' + SAMPLE.replace('ENC', 'utf-16'), 'utf16le'), 'utf-16le');
});

test('UTF-16 BE with BOM round-trips byte for byte', () => {
  const le = Buffer.from('\uFEFF' + SAMPLE.replace('ENC', 'utf-16'), 'utf16le');
  roundTrip(Buffer.from(le).swap16(), 'utf-16be');
});

test('windows-1252 (via iconv-lite) round-trips byte for byte', () => {
  roundTrip(iconv.encode(SAMPLE.replace('ENC', 'windows-1252'), 'windows-1252'), 'windows-1252');
});

test('characters windows-1252 cannot hold are written as character references', () => {
  const doc = parseXml(iconv.encode('<?xml version="1.0" encoding="windows-1252"?><a>é</a>', 'windows-1252'), 'w.xml');
  setText(doc.root, 'é ✓ 😀');
  const out = Buffer.from(serializeXml(doc));
  assert.match(out.toString('latin1'), /<a>\xe9 &#x2713; &#x1F600;<\/a>/);
  assert.equal(textOf(parseXml(out, 'w.xml').root), 'é ✓ 😀');
});

test('line endings: CRLF documents write new line breaks as CRLF, LF documents as LF', () => {
  const crlf = parseXml('<a>\r\n  <b/>\r\n</a>', 'crlf.xml');
  assert.equal(crlf.lineEnding, '\r\n');
  assert.equal(crlf.mixedLineEndings, false);
  setText(childElements(crlf.root)[0], 'x\ny');
  assert.match(Buffer.from(serializeXml(crlf)).toString('utf8'), /<b>x\r\ny<\/b>/);
  const lf = parseXml('<a>\n  <b/>\n</a>', 'lf.xml');
  assert.equal(lf.lineEnding, '\n');
  setText(childElements(lf.root)[0], 'x\ny');
  assert.match(Buffer.from(serializeXml(lf)).toString('utf8'), /<b>x\ny<\/b>/);
});

test('decoded values follow XML normalization: CRLF → LF in text, literal whitespace → space in attributes', () => {
  const doc = parseXml('<a v="x\r\n\ty">l1\r\nl2\rl3</a>', 'n.xml');
  assert.equal(attr(doc.root, 'v'), 'x  y');
  assert.equal(textOf(doc.root), 'l1\nl2\nl3');
});

test('UTF-16 without BOM is detected from the first characters', () => {
  const bytes = Buffer.from('<?xml version="1.0" encoding="utf-16"?><a>ü</a>', 'utf16le');
  const doc = parseXml(bytes, 'nobom.xml');
  assert.equal(doc.encoding, 'utf-16le');
  assert.equal(doc.bom, false);
  assert.deepEqual(Buffer.from(serializeXml(doc)), bytes);
});
