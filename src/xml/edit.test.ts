import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  appendChild,
  attr,
  childElements,
  cloneNode,
  createComment,
  createCData,
  createDocument,
  createElement,
  descendants,
  firstChild,
  insertBefore,
  parseXml,
  removeAttr,
  removeChild,
  serializeXml,
  serializeXmlToString,
  setAttr,
  setText,
  textOf,
  type XmlElement,
} from './index.ts';
import { corpusFile } from './test-corpus.ts';
import { shapeOf } from './test-shape.ts';

const DTS = 'www.microsoft.com/SqlServer/Dts';

function reparsed(doc: ReturnType<typeof parseXml>) {
  return parseXml(serializeXml(doc), 'reparsed.xml');
}

test('setting an attribute changes only that attribute, keeping quotes and surrounding bytes', () => {
  const src = `<?xml version="1.0"?>\r\n<a  x='1'\r\n   y="2" z="&#xA;"  >\r\n  <b q="&amp;"/>\r\n</a>`;
  const doc = parseXml(src, 't.xml');
  setAttr(doc.root, 'x', 'it\'s <new> & "quoted"');
  const out = serializeXmlToString(doc);
  assert.equal(out, `<?xml version="1.0"?>\r\n<a  x='it&apos;s &lt;new&gt; &amp; "quoted"'\r\n   y="2" z="&#xA;"  >\r\n  <b q="&amp;"/>\r\n</a>`);
  assert.equal(attr(reparsed(doc).root, 'x'), 'it\'s <new> & "quoted"');
});

test('a new attribute goes at the end, separated like its siblings, and newlines are written as &#xA;', () => {
  const doc = parseXml('<a\n  x="1"\n  y="2">t</a>', 't.xml');
  setAttr(doc.root, 'DTS:New', 'line1\r\nline2\ttab');
  assert.equal(serializeXmlToString(doc), '<a\n  x="1"\n  y="2"\n  DTS:New="line1&#xD;&#xA;line2&#x9;tab">t</a>');
  // An undeclared prefix on a new attribute is the caller's problem: the re-parse says so.
  assert.throws(() => reparsed(doc), /namespace prefix "DTS"/);
});

test('removing an attribute keeps the others as written', () => {
  const doc = parseXml('<a x="1"   y=\'2\' z="3"/>', 't.xml');
  removeAttr(doc.root, 'y');
  assert.equal(serializeXmlToString(doc), '<a x="1" z="3"/>');
  removeAttr(doc.root, 'absent');
  assert.equal(serializeXmlToString(doc), '<a x="1" z="3"/>');
});

test('setText escapes as SSIS does and uses the document line ending', () => {
  const doc = parseXml('<r>\r\n  <p>old</p>\r\n  <q/>\r\n</r>', 't.xml');
  const [p, q] = childElements(doc.root);
  setText(p, 'a < b && c > d\nnext');
  setText(q, 'filled');
  assert.equal(serializeXmlToString(doc), '<r>\r\n  <p>a &lt; b &amp;&amp; c &gt; d\r\nnext</p>\r\n  <q>filled</q>\r\n</r>');
  const again = reparsed(doc);
  assert.equal(textOf(childElements(again.root)[0]), 'a < b && c > d\nnext');
  setText(p, '');
  assert.equal(serializeXmlToString(doc), '<r>\r\n  <p></p>\r\n  <q>filled</q>\r\n</r>');
});

test('adding, inserting and removing children re-parses to the edited tree and leaves the rest byte-identical', () => {
  const bytes = readFileSync(corpusFile('v8/7045kHz__dtsx__WMIDataReader.dtsx'));
  const doc = parseXml(bytes, 'WMIDataReader.dtsx');
  const original = bytes.toString('utf8');
  const variables = firstChild(doc.root, `{${DTS}}Variables`) ?? firstChild(doc.root, 'DTS:Variables');
  assert.ok(variables, 'the package has DTS:Variables');
  const v = createElement(doc, 'DTS:Variable', { 'DTS:ObjectName': 'Added', 'DTS:Namespace': 'User' });
  appendChild(v, createElement(doc, 'DTS:VariableValue', { 'DTS:DataType': '8' }));
  setText(childElements(v)[0], 'x & y');
  appendChild(variables, v);
  insertBefore(doc.root, createComment(' added by a test '), doc.root.children[0]);
  const executables = firstChild(doc.root, 'DTS:Executables');
  if (executables) removeChild(doc.root, executables);
  const out = serializeXmlToString(doc);
  const again = parseXml(out, 'again.dtsx');
  assert.deepEqual(shapeOf(again.root), shapeOf(doc.root));
  // Everything before the first change is the original text.
  const firstChange = out.indexOf('<!-- added by a test -->');
  assert.ok(firstChange > 0);
  assert.equal(out.slice(0, firstChange), original.slice(0, firstChange));
  // The variables we did not touch are there byte for byte.
  for (const old of childElements(variables).slice(0, -1)) {
    const el = old as XmlElement & { srcStart: number; srcEnd: number };
    assert.ok(out.includes(original.slice(el.srcStart, el.srcEnd)));
  }
  assert.equal(descendants(again.root, 'DTS:Variable').filter((e) => attr(e, 'DTS:ObjectName') === 'Added').length, 1);
  // New elements follow the 2012+ layout of the file: each attribute on its own line, two spaces deeper.
  assert.ok(out.includes('<DTS:Variable\n      DTS:ObjectName="Added"\n      DTS:Namespace="User">'), 'attribute layout');
  // So does a new attribute on an element that had none.
  setAttr(variables, 'DTS:Extra', 'x');
  assert.ok(serializeXmlToString(doc).includes('<DTS:Variables\n    DTS:Extra="x">'), 'new attribute layout');
});

test('a self-closing element that gains children becomes a pair; a renamed element renames its end tag', () => {
  const doc = parseXml('<a><b x="1" /><c>t</c></a>', 't.xml');
  const [b, c] = childElements(doc.root);
  appendChild(b, createCData('x]]>y'));
  c.name = 'd';
  assert.equal(serializeXmlToString(doc), '<a><b x="1"><![CDATA[x]]]]><![CDATA[>y]]></b><d>t</d></a>');
  const again = reparsed(doc);
  assert.equal(textOf(childElements(again.root)[0]), 'x]]>y');
});

test('nodes moved from another document keep their own source text', () => {
  const a = parseXml('<a><x k="&#xD;">1</x></a>', 'a.xml');
  const b = parseXml('<b>\n  <y/>\n</b>', 'b.xml');
  appendChild(b.root, childElements(a.root)[0]);
  assert.equal(serializeXmlToString(b), '<b>\n  <y/>\n<x k="&#xD;">1</x></b>');
  assert.equal(serializeXmlToString(a), '<a></a>');
});

test('cloned (regenerated) trees of corpus files re-parse to the same tree', () => {
  for (const rel of ['v3/johnwelch__ssisUnit__PropertyTest.dtsx', 'v6/lucmilot__SSIS_2014_Book__09ErrorRows.dtsx', 'other/lucmilot__SSIS_2014_Book__Project.params']) {
    const doc = parseXml(readFileSync(corpusFile(rel)), rel);
    const before = shapeOf(doc.root);
    doc.root = cloneNode(doc.root);
    assert.deepEqual(shapeOf(parseXml(serializeXml(doc), rel).root), before);
  }
});

test('a document built in code is written with a declaration, BOM, CRLF and SSIS-style empty tags', () => {
  const doc = createDocument('DTS:Executable', { lineEnding: '\r\n' });
  setAttr(doc.root, 'xmlns:DTS', DTS);
  appendChild(doc.root, createElement(doc, 'DTS:Variables'));
  const bytes = Buffer.from(serializeXml(doc));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(bytes.subarray(3).toString('utf8'), `<?xml version="1.0"?>\r\n<DTS:Executable xmlns:DTS="${DTS}"><DTS:Variables /></DTS:Executable>`);
  const again = parseXml(bytes, 'new.dtsx');
  assert.equal(again.root.namespaceUri, DTS);
  assert.equal(childElements(again.root)[0].localName, 'Variables');
});

test('inserting an element into itself is refused', () => {
  const doc = parseXml('<a><b/></a>', 't.xml');
  assert.throws(() => appendChild(childElements(doc.root)[0], doc.root), /into itself/);
});

test('generated comments, CDATA and PIs stay well-formed whatever their content', () => {
  const doc = parseXml('<a/>', 't.xml');
  appendChild(doc.root, createComment('x---y-'));
  appendChild(doc.root, createCData('a]]>b\r\nc'));
  const out = serializeXmlToString(doc);
  assert.equal(out, '<a><!--x- - -y- --><![CDATA[a]]]]><![CDATA[>b\r\nc]]></a>');
  const again = parseXml(out, 't.xml');
  assert.equal(textOf(again.root), 'a]]>b\nc');
});

test('the document does not share memory with the input or the output', () => {
  const input = Buffer.from('<a x="1"/>');
  const doc = parseXml(input, 't.xml');
  input[4] = 0x79;
  const out = serializeXml(doc);
  assert.equal(Buffer.from(out).toString('utf8'), '<a x="1"/>');
  out[1] = 0x62;
  assert.equal(Buffer.from(serializeXml(doc)).toString('utf8'), '<a x="1"/>');
});
