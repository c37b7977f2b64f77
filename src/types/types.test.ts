// Tests of the DT_* table, exact decimals, date/time values and conversions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  dataTypeOfDtsx, dataTypeOfCode, findDataType, typeSpec, SsisDecimal, SsisDateTime, parseDateTime, formatDateTime,
  convertValue, variableTypeOfCode, variableTypeOfName, createColumnVector, readCell, writeCell, formatTypeSpec, normalizeGuid,
  isTypedColumn, fastParse, byteLengthIn, truncateToBytes,
} from './index.ts';
import { SsisError } from '../errors.ts';

const T = typeSpec;

test('the type table knows every .dtsx spelling seen in real packages', () => {
  for (const [spelling, name] of [['i4', 'DT_I4'], ['wstr', 'DT_WSTR'], ['str', 'DT_STR'], ['numeric', 'DT_NUMERIC'], ['dbTimeStamp', 'DT_DBTIMESTAMP'],
    ['cy', 'DT_CY'], ['bool', 'DT_BOOL'], ['guid', 'DT_GUID'], ['nText', 'DT_NTEXT'], ['ui1', 'DT_UI1'], ['dbDate', 'DT_DBDATE'], ['bytes', 'DT_BYTES']]) {
    assert.equal(dataTypeOfDtsx(spelling)?.name, name, spelling);
  }
  assert.equal(dataTypeOfCode(130)?.name, 'DT_WSTR');
  assert.equal(dataTypeOfCode(304)?.dtsx, 'dbTimeStamp2');
  assert.equal(findDataType('dt_i8')?.max, 9223372036854775807n);
  assert.equal(findDataType('UI2')?.max, 65535n);
  assert.equal(formatTypeSpec(T('DT_NUMERIC', { precision: 10, scale: 2 })), 'DT_NUMERIC,10,2');
  assert.equal(formatTypeSpec(T('DT_STR', { length: 5 })), 'DT_STR,5,1252');
});

test('variable type codes map to .NET names and expression types', () => {
  assert.equal(variableTypeOfCode(3)?.netName, 'Int32');
  assert.equal(variableTypeOfCode(8)?.exprType, 'DT_WSTR');
  assert.equal(variableTypeOfCode(11)?.exprType, 'DT_BOOL');
  assert.equal(variableTypeOfCode(7)?.exprType, 'DT_DATE');
  assert.equal(variableTypeOfCode(20)?.netName, 'Int64');
  assert.equal(variableTypeOfName('system.string')?.code, 8);
  assert.equal(variableTypeOfCode(13)?.exprType, undefined);
});

test('decimals are exact', () => {
  const a = SsisDecimal.parse('0.1')!;
  const b = SsisDecimal.parse('0.2')!;
  assert.equal(a.add(b).toString(), '0.3');
  assert.equal(SsisDecimal.parse('137.1575')!.round(3).toString(), '137.1580');
  assert.equal(SsisDecimal.parse('-123.45')!.floor().toString(), '-124.00');
  assert.equal(SsisDecimal.parse('1')!.div(SsisDecimal.parse('3')!, 6).toString(), '0.333333');
  assert.equal(SsisDecimal.parse('2.5')!.toBigIntRoundHalfEven(), 2n);
  assert.equal(SsisDecimal.parse('abc'), undefined);
});

test('date/time values keep 100-ns precision and offsets', () => {
  const p = parseDateTime('1999-10-11 16:34:52.1234567 +05:35')!;
  assert.equal(formatDateTime(p.value, 'DT_DBTIMESTAMPOFFSET', 7), '1999-10-11 16:34:52.1234567 +05:35');
  assert.equal(p.value.toUtc().fields.hour, 10);
  assert.equal(SsisDateTime.of(2003, 8, 6).weekday, 4);
  assert.equal(SsisDateTime.of(2000, 1, 31).addMonths(1).fields.day, 29);
  assert.equal(SsisDateTime.fromOleDate(SsisDateTime.of(2005, 3, 4, 11, 6, 18).toOleDate()).compare(SsisDateTime.of(2005, 3, 4, 11, 6, 18)), 0);
  assert.equal(parseDateTime('8/6/2003')!.value.fields.month, 8);
  assert.equal(parseDateTime('2003-02-30'), undefined);
});

test('conversions check range, format and truncation', () => {
  assert.equal(convertValue('42', T('DT_WSTR'), T('DT_I4')), 42);
  assert.equal(convertValue(3.57, T('DT_R8'), T('DT_I4')), 4);
  assert.throws(() => convertValue(300, T('DT_I4'), T('DT_UI1')), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDATACONVERSIONOVERFLOW');
  assert.throws(() => convertValue('abc', T('DT_WSTR'), T('DT_I4')), (e: SsisError) => e.code === '0xC00470C2');
  assert.throws(() => convertValue('Cats', T('DT_WSTR'), T('DT_WSTR', { length: 3 })), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALTRUNCATIONASERROR');
  assert.equal(convertValue('Cats', T('DT_WSTR'), T('DT_WSTR', { length: 3 }), { truncation: 'silent' }), 'Cat');
  assert.equal((convertValue(4000, T('DT_I4'), T('DT_NUMERIC', { precision: 7, scale: 3 })) as SsisDecimal).toString(), '4000.000');
  assert.throws(() => convertValue(40000, T('DT_I4'), T('DT_NUMERIC', { precision: 7, scale: 3 })), /overflow/);
  assert.equal(convertValue(true, T('DT_BOOL'), T('DT_I4')), -1);
  assert.equal(convertValue('True', T('DT_WSTR'), T('DT_BOOL')), true);
  assert.equal(convertValue(1.5, T('DT_R8'), T('DT_WSTR', { length: 10 })), '1.5');
  assert.equal(convertValue(9007199254740993n, T('DT_I8'), T('DT_WSTR')), '9007199254740993');
  const ts = convertValue('2009-05-13 14:17:30.917', T('DT_WSTR'), T('DT_DBTIMESTAMP')) as SsisDateTime;
  assert.equal(convertValue(ts, T('DT_DBTIMESTAMP'), T('DT_WSTR')), '2009-05-13 14:17:30.917000000');
  assert.equal(convertValue(ts, T('DT_DBTIMESTAMP'), T('DT_DBDATE'))!.toString().slice(0, 19), '2009-05-13 00:00:00');
  assert.throws(() => convertValue('1700-01-01', T('DT_WSTR'), T('DT_DBTIMESTAMP')), /overflow/);
  assert.equal(normalizeGuid('1a2b3c4d-0000-1111-2222-333344445555'), '{1A2B3C4D-0000-1111-2222-333344445555}');
  const g = '{1A2B3C4D-0000-1111-2222-333344445555}';
  assert.equal(convertValue(convertValue(g, T('DT_GUID'), T('DT_BYTES', { length: 16 })), T('DT_BYTES'), T('DT_GUID')), g);
});

test('column vectors use typed arrays for numbers', () => {
  const c = createColumnVector(T('DT_I4'), 4);
  assert.ok(c.values instanceof Int32Array);
  assert.equal(readCell(c, 0), null);
  writeCell(c, 1, 7);
  assert.equal(readCell(c, 1), 7);
  const b = createColumnVector(T('DT_BOOL'), 2);
  writeCell(b, 0, true);
  assert.equal(readCell(b, 0), true);
  assert.equal(isTypedColumn(T('DT_WSTR')), false);
});

test('fast parse accepts only the locale-insensitive forms', () => {
  assert.equal(fastParse('  -42\t', T('DT_I4')), -42);
  assert.equal(fastParse('   ', T('DT_I4')), 0);
  assert.throws(() => fastParse('$5', T('DT_I4')), (e: SsisError) => e.symbol === 'DTS_E_EXPREVALDATACONVERSIONFAILED');
  assert.throws(() => fastParse('1e3', T('DT_I8')), /could not be converted/);
  assert.throws(() => fastParse('300', T('DT_UI1')), /overflow/);
  assert.equal(fastParse('9223372036854775807', T('DT_I8')), 9223372036854775807n);
  const d = (text: string, t = T('DT_DBDATE')) => formatDateTime(fastParse(text, t) as SsisDateTime, t.type, t.scale ?? 0);
  assert.equal(d('20030806'), '2003-08-06');
  assert.equal(d(' 2003-08-06'), '2003-08-06');
  assert.equal(d('2003-08'), '2003-08-01');
  assert.equal(d('2003'), '2003-01-01');
  assert.throws(() => d('06-08-2003'), /could not be converted/);
  assert.throws(() => d('Aug 6 2003'), /could not be converted/);
  const time = T('DT_DBTIME2', { scale: 3 });
  assert.equal(d('101112', time), '10:11:12.000');
  assert.equal(d('10:11', time), '10:11:00.000');
  assert.equal(d('12.750', time), '12:45:00.000');
  assert.equal(d('10:11:12,5', time), '10:11:12.500');
  assert.equal(d('24:00:00', time), '00:00:00.000');
  assert.equal(d('10:11:12+05:00', time), '10:11:12.000');
  assert.throws(() => d('10:11 PM', time), /could not be converted/);
  const ts = T('DT_DBTIMESTAMPOFFSET', { scale: 0 });
  assert.equal(d('20030806T101112+0530', ts), '2003-08-06 10:11:12 +05:30');
  assert.equal(d('2003-08-06T10:11Z', ts), '2003-08-06 10:11:00 +00:00');
  assert.equal(d('2003-08-06T', T('DT_DBTIMESTAMP2', { scale: 1 })), '2003-08-06 00:00:00.0');
  assert.equal(d('20030806', T('DT_DBTIMESTAMP')), '2003-08-06 00:00:00');
});

test('DT_STR lengths count bytes of the code page', () => {
  assert.equal(byteLengthIn('aé€', 65001), 6);
  assert.equal(byteLengthIn('aé€', 1252), 3);
  assert.equal(byteLengthIn('中文', 936), 4);
  assert.equal(truncateToBytes('aé€', 65001, 5), 'aé');
  assert.throws(() => convertValue('aé€', T('DT_WSTR'), T('DT_STR', { length: 5, codePage: 65001 })), /truncation/);
  assert.equal(convertValue('aé€', T('DT_WSTR'), T('DT_STR', { length: 6, codePage: 65001 })), 'aé€');
});
