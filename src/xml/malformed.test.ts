import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SsisError } from '../errors.ts';
import { parseXml, serializeXmlToString } from './index.ts';

function failure(input: string | Uint8Array): SsisError {
  try {
    parseXml(input, 'bad.dtsx');
  } catch (e) {
    assert.ok(e instanceof SsisError, `expected SsisError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the parse to fail');
}

const cases: { name: string; xml: string; line: number; column: number; message: RegExp }[] = [
  { name: 'not XML at all', xml: 'hello world', line: 1, column: 1, message: /text is not allowed before the root element/ },
  { name: 'empty file', xml: '', line: 1, column: 1, message: /empty/ },
  { name: 'only a declaration', xml: '<?xml version="1.0"?>\n', line: 2, column: 1, message: /root element is missing/ },
  { name: 'truncated inside a start tag', xml: '<?xml version="1.0"?>\n<a>\n  <b x="1"', line: 3, column: 11, message: /unexpected end of file in(side)? the start tag of <b>/ },
  { name: 'truncated inside an attribute value', xml: '<a>\n<b x="1', line: 2, column: 8, message: /end of file in the value of attribute "x"/ },
  { name: 'truncated content', xml: '<a>\n  <b>text</b>\n  <c>', line: 3, column: 6, message: /element <c> opened at line 3, column 3 is not closed/ },
  { name: 'mismatched end tag', xml: '<a>\n  <b>\n  </c>\n</a>', line: 3, column: 3, message: /end tag <\/c> does not match start tag <b> at line 2, column 3/ },
  { name: 'undeclared entity', xml: '<a>\n x &nbsp; y</a>', line: 2, column: 4, message: /undeclared entity "&nbsp;"/ },
  { name: 'bare ampersand', xml: '<a>R&D</a>', line: 1, column: 5, message: /"&" must start an entity/ },
  { name: 'bad character reference', xml: '<a v="&#0;"/>', line: 1, column: 7, message: /character reference "&#0;"/ },
  { name: 'undeclared element prefix', xml: '<DTS:Executable/>', line: 1, column: 2, message: /prefix "DTS" of <DTS:Executable> is not declared/ },
  { name: 'undeclared attribute prefix', xml: '<a\r\n  p:x="1"/>', line: 2, column: 3, message: /prefix "p" of attribute "p:x" is not declared/ },
  { name: 'duplicate attribute', xml: '<a x="1" x="2"/>', line: 1, column: 10, message: /appears twice/ },
  { name: 'unquoted attribute', xml: '<a x=1/>', line: 1, column: 6, message: /must be in quotes/ },
  { name: '< in an attribute value', xml: '<a x="<"/>', line: 1, column: 7, message: /"<" is not allowed/ },
  { name: 'two root elements', xml: '<a/>\n<b/>', line: 2, column: 1, message: /multiple root elements/ },
  { name: 'text after the root', xml: '<a/>\nxyz', line: 2, column: 1, message: /text is not allowed after the root element/ },
  { name: 'control character', xml: '<a>\u0001</a>', line: 1, column: 4, message: /U\+0001 is not allowed/ },
  { name: 'unterminated comment', xml: '<a><!-- x </a>', line: 1, column: 4, message: /comment is not closed/ },
  { name: 'double dash in a comment', xml: '<a><!-- x -- y --></a>', line: 1, column: 11, message: /"--" is not allowed/ },
  { name: 'unterminated CDATA', xml: '<a><![CDATA[ x </a>', line: 1, column: 4, message: /CDATA section is not closed/ },
  { name: 'misplaced XML declaration', xml: '<a><?xml version="1.0"?></a>', line: 1, column: 4, message: /only allowed at the very start/ },
  { name: 'no whitespace between attributes', xml: '<a x="1"y="2"/>', line: 1, column: 9, message: /whitespace is required/ },
  { name: 'bad element name', xml: '<1a/>', line: 1, column: 2, message: /cannot start an element name/ },
  { name: 'CRLF lines count once', xml: '<a>\r\n\r\n<b></a>', line: 3, column: 4, message: /does not match/ },
];

for (const c of cases) {
  test(`malformed: ${c.name} → line ${c.line}, column ${c.column}`, () => {
    const e = failure(c.xml);
    assert.equal(e.code, '0xC0011007');
    assert.equal(e.symbol, 'DTS_E_FUNDAMENTALLOADINGERROR');
    assert.match(e.message, c.message);
    assert.match(e.message, /bad\.dtsx/);
    assert.equal(e.location?.file, 'bad.dtsx');
    assert.equal(e.location?.line, c.line, `line of: ${e.message}`);
    assert.equal(e.location?.column, c.column, `column of: ${e.message}`);
    assert.match(e.format(), /^bad\.dtsx\(\d+,\d+\): Error 0xC0011007 \(DTS_E_FUNDAMENTALLOADINGERROR\)/);
  });
}

test('invalid UTF-8 bytes are reported, not replaced', () => {
  const e = failure(new Uint8Array([0x3c, 0x61, 0x3e, 0xff, 0xfe, 0x3c, 0x2f, 0x61, 0x3e]));
  assert.match(e.message, /not valid UTF-8/);
});

test('a UTF-16 declaration without a byte-order mark is refused like .NET does', () => {
  const e = failure(Buffer.from('<?xml version="1.0" encoding="utf-16"?><a/>', 'latin1'));
  assert.match(e.message, /no Unicode byte order mark/);
});

test('an unknown encoding is named', () => {
  const e = failure(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><a/>', 'latin1'));
  assert.match(e.message, /encoding "x-klingon"/);
});

test('deep nesting does not overflow the stack', () => {
  const depth = 100_000;
  const doc = parseXml('<a>'.repeat(depth) + '</a>'.repeat(depth), 'deep.xml');
  let n = 0;
  for (let el = doc.root; el.children.length > 0; el = el.children[0] as typeof el) n++;
  assert.equal(n, depth - 1);
});

test('deep nesting serializes without overflowing the stack', () => {
  const depth = 100_000;
  const text = '<a>'.repeat(depth) + '</a>'.repeat(depth);
  const doc = parseXml(text, 'deep.xml');
  doc.root.name = 'b';
  const out = serializeXmlToString(doc);
  assert.equal(out, `<b>${'<a>'.repeat(depth - 1)}${'</a>'.repeat(depth - 1)}</b>`);
});
