// Unit tests of the flat file building blocks: tokenizer across chunk ends, number and date fast paths, value formatting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RowTokenizer, FIELD_MISSING, FIELD_ESCAPED } from './tokenizer.ts';
import { parseIntBytes, parseIsoDateBytes, parseRealBytes } from './field-parser.ts';
import { valueFormatter } from './value-writer.ts';
import { formatValue } from '../../types/index.ts';

const b = (s: string) => Buffer.from(s, 'latin1');
const cols = (n: number, qualified = true) =>
  Array.from({ length: n }, (_, i) => ({ delimiter: b(i === n - 1 ? '\r\n' : ','), width: 0, qualified }));

test('the tokenizer asks for more data when a row or a delimiter is cut at the end of a chunk', () => {
  const t = new RowTokenizer(cols(2), 34, true);
  assert.equal(t.next(b('ab,cd\r'), 0, 6, false), -1);
  assert.equal(t.next(b('ab,cd\r\n'), 0, 7, false), 7);
  assert.equal(t.next(b('"a'), 0, 2, false), -1);
  assert.equal(t.next(b('x,y'), 0, 3, true), 3);
});

test('qualified fields: doubled qualifiers are flagged, delimiters inside are kept', () => {
  const t = new RowTokenizer(cols(2), 34, true);
  const buf = b('"a,""b""",c\r\n');
  assert.equal(t.next(buf, 0, buf.length, false), buf.length);
  assert.equal(t.flags[0], FIELD_ESCAPED);
  assert.equal(buf.toString('latin1', t.starts[0], t.ends[0]), 'a,""b""');
});

test('2012 short rows end at the row delimiter; 2008 rows run on', () => {
  const buf = b('1\r\n2,3\r\n');
  const t12 = new RowTokenizer(cols(2, false), -1, true);
  assert.equal(t12.next(buf, 0, buf.length, false), 3);
  assert.equal(t12.flags[1], FIELD_MISSING);
  const t08 = new RowTokenizer(cols(2, false), -1, false);
  assert.equal(t08.next(buf, 0, buf.length, false), buf.length);
  assert.equal(buf.toString('latin1', t08.starts[0], t08.ends[0]), '1\r\n2');
});

test('fixed width and ragged right columns', () => {
  const t = new RowTokenizer([{ delimiter: new Uint8Array(0), width: 3, qualified: false }, { delimiter: b('\n'), width: 0, qualified: false }], -1, true);
  const buf = b('abcrest of line\nxyz\n');
  assert.equal(t.next(buf, 0, buf.length, false), 16);
  assert.equal(buf.toString('latin1', t.starts[1], t.ends[1]), 'rest of line');
});

test('number and date fast paths', () => {
  assert.equal(parseIntBytes(b(' -42 '), 0, 5), -42);
  assert.ok(Number.isNaN(parseIntBytes(b('4x'), 0, 2)));
  assert.equal(parseIntBytes(b('   '), 0, 3), 0);
  assert.equal(parseRealBytes(b('123.45'), 0, 6), 123.45);
  assert.equal(parseRealBytes(b('1e5'), 0, 3), undefined);
  assert.equal(parseIsoDateBytes(b('2024-02-29 13:45:10.5'), 0, 21)?.toString().slice(0, 27), '2024-02-29 13:45:10.5000000');
  assert.equal(parseIsoDateBytes(b('2023-02-29'), 0, 10), undefined);
});

test('reals are written with at most 15 significant digits, like SSIS', () => {
  const f = valueFormatter({ type: 'DT_R8' });
  assert.equal(f(150.00000000000003), '150');
  assert.equal(f(12.5), '12.5');
  assert.equal(f(-0.1 - 0.2), '-0.3');
});

test('reals with float noise are cut to 15 significant digits', () => {
  const f = valueFormatter({ type: 'DT_R8' });
  assert.equal(f(12.36 * 1.2), '14.832');
  assert.equal(f(0.1 + 0.2), '0.3');
  assert.equal(f(1e20), '1E+20');
});

test('a real is its shortest text when that is short (at most 15 characters, or 15 significant digits), else the 15-digit text', async () => {
  const fc = (await import('fast-check')).default;
  const f = valueFormatter({ type: 'DT_R8' });
  const digits = (s: string) => s.replace(/^-?[0.]*/, '').replace('.', '').length;
  fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }), (x) => {
    const shortest = String(x);
    const short = shortest.length <= 15 || (shortest.length <= 17 && !shortest.includes('e') && digits(shortest) <= 15);
    const expected = short ? shortest : formatValue(x, { type: 'DT_R8' });
    assert.equal(f(x), expected);
  }), { numRuns: 20000 });
});
