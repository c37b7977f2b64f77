import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  attr, cloneDocument, createDocument, createElement, appendChild, firstChild, parseXml, removeAttr, serializeXml, serializeXmlToString, setAttr, setText,
  type XmlElement,
} from './index.ts';
import { corpusFiles } from './test-corpus.ts';

const XML_FILES = corpusFiles(undefined, ['.dtsx', '.dtsconfig', '.params', '.conmgr']);

test('a copy of every corpus file is written byte for byte like the original', () => {
  assert.ok(XML_FILES.length >= 80, `only ${XML_FILES.length} corpus files found`);
  for (const file of XML_FILES) {
    const bytes = readFileSync(file);
    const copy = cloneDocument(parseXml(bytes, file));
    assert.equal(Buffer.from(serializeXml(copy)).equals(bytes), true, basename(file));
  }
});

const SOURCE = '<?xml version="1.0"?>\r\n<!-- c --><a xmlns:x="urn:x" k=\'1\' x:m="2"><x:b  n="3" /><c>t&amp;u<![CDATA[<z>]]></c><?p d?></a>\r\n';

test('a copy keeps positions, names and namespaces, and has none of the original\'s nodes', () => {
  const doc = parseXml(SOURCE);
  const copy = cloneDocument(doc);
  const b = firstChild(copy.root, 'x:b')!;
  const original = firstChild(doc.root, 'x:b')!;
  assert.notEqual(b, original);
  assert.equal(b.parent, copy.root);
  assert.equal(b.namespaceUri, 'urn:x');
  assert.equal(b.localName, 'b');
  assert.deepEqual([b.line, b.column], [original.line, original.column]);
  assert.equal(copy.root.attributes[1] === doc.root.attributes[1], false);
  assert.equal(copy.prolog[0] === doc.prolog[0], false);
  assert.equal(serializeXmlToString(copy), serializeXmlToString(doc));
});

test('editing the copy leaves the original alone, and the copy writes its edits as the original would', () => {
  const doc = parseXml(SOURCE);
  const copy = cloneDocument(doc);
  const edit = (d: typeof doc): void => {
    setAttr(d.root, 'k', '9');
    removeAttr(firstChild(d.root, 'x:b')!, 'n');
    setText(firstChild(d.root, 'c')!, 'v<w');
    appendChild(d.root, createElement(null, 'e', { f: 'g' }));
  };
  edit(copy);
  assert.equal(serializeXmlToString(doc), SOURCE);
  const expected = parseXml(SOURCE);
  edit(expected);
  assert.equal(serializeXmlToString(copy), serializeXmlToString(expected));
  assert.equal(attr(doc.root, 'k'), '1');
});

test('a copy of an edited document is written with the edits, and an attribute moved between elements stays moved', () => {
  const doc = parseXml(SOURCE);
  const c = firstChild(doc.root, 'c') as XmlElement;
  const moved = doc.root.attributes.splice(1, 1)[0];
  c.attributes.push(moved);
  assert.equal(serializeXmlToString(cloneDocument(doc)), serializeXmlToString(doc));
});

test('a created document is copied too', () => {
  const doc = createDocument('r', { bom: false, lineEnding: '\n' });
  appendChild(doc.root, createElement(null, 's', { t: 'u' }));
  const copy = cloneDocument(doc);
  assert.equal(copy.lineEnding, '\n');
  assert.equal(Buffer.from(serializeXml(copy)).equals(Buffer.from(serializeXml(doc))), true);
});
