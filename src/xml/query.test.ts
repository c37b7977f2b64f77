import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attr, childElements, descendants, firstChild, hasName, lookupNamespace, parseXml, textOf } from './index.ts';

const DOC = `<root xmlns="urn:default" xmlns:d="urn:dts">
  <d:item d:name="one" plain="p">a<![CDATA[b]]>c<inner>ignored</inner></d:item>
  <x:item xmlns:x="urn:dts" x:name="two"/>
  <item xmlns="" name="three"/>
</root>`;

test('namespace URIs resolve from the declarations in scope', () => {
  const doc = parseXml(DOC, 'q.xml');
  const [one, two, three] = childElements(doc.root);
  assert.equal(doc.root.namespaceUri, 'urn:default');
  assert.equal(one.namespaceUri, 'urn:dts');
  assert.equal(one.prefix, 'd');
  assert.equal(one.localName, 'item');
  assert.equal(two.namespaceUri, 'urn:dts');
  assert.equal(three.namespaceUri, null);
  assert.equal(lookupNamespace(three, 'd'), 'urn:dts');
  assert.equal(one.line, 2);
  assert.equal(one.column, 3);
});

test('attributes and elements are found by qualified name or by {uri}local', () => {
  const doc = parseXml(DOC, 'q.xml');
  const [one, two] = childElements(doc.root);
  assert.equal(attr(one, 'd:name'), 'one');
  assert.equal(attr(one, '{urn:dts}name'), 'one');
  assert.equal(attr(two, '{urn:dts}name'), 'two');
  assert.equal(attr(one, '{}plain'), 'p');
  assert.equal(attr(one, '{urn:dts}plain'), undefined);
  assert.equal(childElements(doc.root, '{urn:dts}item').length, 2);
  assert.equal(childElements(doc.root, 'd:item').length, 1);
  assert.equal(firstChild(doc.root, '{}item'), childElements(doc.root)[2]);
  assert.ok(hasName(one, '{urn:dts}item'));
  assert.equal(descendants(doc.root, '{urn:default}inner').length, 1);
});

test('textOf joins direct text and CDATA, not descendants', () => {
  const doc = parseXml(DOC, 'q.xml');
  assert.equal(textOf(childElements(doc.root)[0]), 'abc');
});

test('a renamed or moved element resolves its namespace again', () => {
  const doc = parseXml(DOC, 'q.xml');
  const [one, , three] = childElements(doc.root);
  one.name = 'item';
  assert.equal(one.namespaceUri, 'urn:default');
  one.parent = three;
  assert.equal(one.namespaceUri, null);
});
