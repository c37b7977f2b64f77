import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendChild, childElements, createCData, createComment, createDocument, createElement, createText, parseXml, serializeXml, serializeXmlToString, setAttr, setText, type XmlElement } from './index.ts';
import { shapeOf } from './test-shape.ts';

// Characters XML can carry, with the ones that need escaping over-represented.
const xmlChar = fc.oneof(
  fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', ' ', ']', '-', '?', 'é', '€', '😀'),
  fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme-ascii' }).filter((c) => c >= ' '),
);
const xmlString = fc.array(xmlChar, { maxLength: 12 }).map((a) => a.join(''));
const name = fc.constantFrom('a', 'b', 'DTS:Executable', 'DTS:Property', 'x.y-z', 'p:q');

interface Spec {
  name: string;
  attrs: [string, string][];
  content: ({ kind: 'text' | 'cdata' | 'comment'; value: string } | Spec)[];
}

const spec: fc.Arbitrary<Spec> = fc.letrec<{ node: Spec }>((tie) => ({
  node: fc.record({
    name,
    attrs: fc.uniqueArray(fc.tuple(fc.constantFrom('k', 'DTS:Name', 'v', 'p:w'), xmlString), { maxLength: 3, selector: (t) => t[0] }),
    content: fc.array(
      fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.record({ kind: fc.constant('text' as const), value: xmlString.filter((s) => s !== '') }),
        // Comments and CDATA cannot hold a carriage return (it is read as a line break).
        fc.record({ kind: fc.constant('cdata' as const), value: xmlString.map((s) => s.replace(/\r/g, '')) }),
        fc.record({ kind: fc.constant('comment' as const), value: xmlString.map((s) => s.replace(/-/g, '=').replace(/\r/g, '')) }),
        tie('node'),
      ),
      { maxLength: 4 },
    ),
  }),
})).node;

function build(s: Spec): XmlElement {
  const el = createElement(null, s.name, Object.fromEntries(s.attrs));
  let lastWasText = false;
  for (const c of s.content) {
    if ('name' in c) appendChild(el, build(c));
    else if (c.kind === 'text') {
      // Two adjacent text nodes read back as one; keep them apart with an empty comment.
      if (lastWasText) appendChild(el, createComment(''));
      appendChild(el, createText(c.value));
    } else appendChild(el, c.kind === 'cdata' ? createCData(c.value) : createComment(c.value));
    lastWasText = !('name' in c) && c.kind === 'text';
  }
  return el;
}

function documentOf(root: XmlElement, lineEnding: '\r\n' | '\n') {
  setAttr(root, 'xmlns:DTS', 'www.microsoft.com/SqlServer/Dts');
  setAttr(root, 'xmlns:p', 'urn:p');
  return createDocument(root, { lineEnding, attributesOnNewLines: lineEnding === '\n' });
}

test('any tree built in code is written as XML that reads back to the same tree', () => {
  fc.assert(
    fc.property(spec, fc.constantFrom('\r\n' as const, '\n' as const), (s, le) => {
      const doc = documentOf(build(s), le);
      const again = parseXml(serializeXml(doc), 'generated.xml');
      assert.deepEqual(shapeOf(again.root), shapeOf(doc.root));
    }),
    { seed: 4242, numRuns: 400 },
  );
});

test('editing any attribute or text of a parsed document keeps everything else and reads back as edited', () => {
  fc.assert(
    fc.property(spec, fc.array(fc.tuple(fc.nat(), xmlString, fc.boolean()), { minLength: 1, maxLength: 4 }), (s, edits) => {
      const original = serializeXmlToString(documentOf(build(s), '\r\n'));
      const doc = parseXml(original, 'parsed.xml');
      const elements: XmlElement[] = [doc.root];
      for (let i = 0; i < elements.length; i++) elements.push(...childElements(elements[i]));
      for (const [which, value, asText] of edits) {
        const el = elements[which % elements.length];
        if (asText && childElements(el).length === 0) setText(el, value);
        else setAttr(el, 'k', value);
      }
      const out = serializeXmlToString(doc);
      assert.deepEqual(shapeOf(parseXml(out, 'edited.xml').root), shapeOf(doc.root));
    }),
    { seed: 2424, numRuns: 300 },
  );
});
