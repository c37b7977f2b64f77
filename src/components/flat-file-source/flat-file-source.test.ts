// Flat File Source and Destination end to end: delimited, qualifiers, short rows (2008 vs 2012), header rows, RetainNulls, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { FlowBuilder } from '../../dataflow/flow-builder.ts';
import { flatFileConnection, memoryContext } from '../../dataflow/memory-context.ts';
import { runDataFlow } from '../../dataflow/index.ts';
import { ROW_ERROR } from '../../dataflow/error-rows.ts';
import { flatDestination, flatSource, tempFolder } from '../shared/test-kit.ts';

const COLS = [{ name: 'id', dataType: 'i4' }, { name: 'name', dataType: 'str', length: 10 }, { name: 'amount', dataType: 'r8' }];

async function copyThrough(input: string, opts: { year?: 2008 | 2012 | 2014; inSettings?: object; srcProps?: Record<string, string>; disp?: 'RedirectRow' | 'IgnoreFailure' } = {}) {
  const t = tempFolder();
  try {
    writeFileSync(t.file('in.csv'), input, 'latin1');
    const inConn = flatFileConnection('In', t.file('in.csv'), COLS.map((c) => ({ name: c.name, dataType: c.dataType })), { textQualifier: '"', ...opts.inSettings });
    const outConn = flatFileConnection('Out', t.file('out.csv'), COLS.map((c) => ({ name: c.name })), { textQualifier: '"' });
    const errConn = flatFileConnection('Err', t.file('err.csv'), [{ name: 'Flat File Source Error Output Column' }, { name: 'ErrorCode' }, { name: 'ErrorColumn' }]);
    const cols = COLS.map((c) => ({ ...c, errorRowDisposition: opts.disp, truncationRowDisposition: opts.disp }));
    const f = new FlowBuilder()
      .add(flatSource('Src', 'In', cols, opts.srcProps))
      .add(flatDestination('Dst', 'Out', COLS.map((c) => c.name)))
      .connect('Src', 'Dst');
    if (opts.disp === 'RedirectRow') {
      f.add(flatDestination('Errors', 'Err', ['Flat File Source Error Output Column', 'ErrorCode', 'ErrorColumn'])).connect('Src', 'Errors', 'Flat File Source Error Output');
    }
    const ctx = memoryContext({ connections: [inConn, outConn, errConn], year: opts.year });
    const result = await runDataFlow(f.build(), ctx);
    const out = existsSync(t.file('out.csv')) ? readFileSync(t.file('out.csv'), 'latin1') : undefined;
    const err = existsSync(t.file('err.csv')) ? readFileSync(t.file('err.csv'), 'latin1') : undefined;
    return { result, out, err, files: readdirSync(t.dir), ctx };
  } finally {
    t.remove();
  }
}

test('a delimited file goes through unchanged, with qualifiers where the column is qualified', async () => {
  const r = await copyThrough('1,abc,1.5\r\n2,"d,e",20\r\n');
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '"1","abc","1.5"\r\n"2","d,e","20"\r\n');
  assert.equal(r.result.paths[0]!.rows, 2);
});

test('2012 rules: a doubled qualifier is one literal qualifier; short rows end at the row delimiter with NULLs', async () => {
  const r = await copyThrough('1,"a""b",2\r\n2\r\n3,x,4\r\n');
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '"1","a""b","2"\r\n"2","",""\r\n"3","x","4"\r\n');
});

test('2008 rules: a short row swallows the next line', async () => {
  const r = await copyThrough('1,x,2\r\n2,y\r\n3,4\r\n', { year: 2008, inSettings: { textQualifier: '<none>' } });
  // Row 2's name runs on to the next comma, across the line break; its amount is the next line's last field.
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '"1","x","2"\r\n"2","y\r\n3","4"\r\n');
  const r2012 = await copyThrough('1,x,2\r\n2,y\r\n3,4\r\n', { year: 2012, inSettings: { textQualifier: '<none>' } });
  assert.equal(r2012.out, '"1","x","2"\r\n"2","y",""\r\n"3","4",""\r\n');
});

test('header rows, column names and data rows to skip are skipped', async () => {
  const r = await copyThrough('title line\r\nid,name,amount\r\nskip,me,0\r\n7,z,1\r\n', { inSettings: { headerRowsToSkip: 1, columnNamesInFirstDataRow: true, dataRowsToSkip: 1 } });
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '"7","z","1"\r\n');
});

test('RetainNulls keeps empty fields NULL; without it they take the type default', async () => {
  const kept = await copyThrough('1,,\r\n', { srcProps: { RetainNulls: 'true' } });
  assert.equal(kept.out, '"1","",""\r\n');
  const dflt = await copyThrough('1,,\r\n');
  assert.equal(dflt.out, '"1","","0"\r\n');
});

test('a conversion error fails the component by default, and no output file is left behind', async () => {
  const r = await copyThrough('1,a,1\r\nX,b,2\r\n');
  assert.equal(r.result.success, false);
  assert.match(r.result.errors[0]!.message, /data conversion for column "id"/);
  assert.ok(r.result.errors.some((e) => e.symbol === 'DTS_E_PRIMEOUTPUTFAILED'));
  assert.equal(r.out, undefined);
  assert.deepEqual(r.files.filter((f) => f !== 'in.csv'), []);
});

test('RedirectRow sends the bad row with its raw text, ErrorCode and ErrorColumn to the error output', async () => {
  const r = await copyThrough('1,a,1\r\nX,b,2\r\n3,a very long name,3\r\n', { disp: 'RedirectRow' });
  assert.equal(r.result.success, true, r.result.errors.map((e) => e.message).join('\n'));
  assert.equal(r.out, '"1","a","1"\r\n');
  const lines = r.err!.trim().split('\r\n');
  assert.equal(lines.length, 2);
  assert.equal(lines[0], `X,b,2,${ROW_ERROR.conversion},1`);
  assert.equal(lines[1], `3,a very long name,3,${ROW_ERROR.truncation},2`);
});

test('IgnoreFailure keeps the row with NULL for an error and the truncated value for a truncation', async () => {
  const r = await copyThrough('X,a very long name,3\r\n', { disp: 'IgnoreFailure' });
  assert.equal(r.result.success, true);
  assert.equal(r.out, '"","a very lon","3"\r\n');
});

test('code pages: a UTF-16 (Unicode) file and a 1252 file with accents read to the same text; the destination writes its own code page', async () => {
  const t = tempFolder();
  try {
    const text = 'id,name\r\n1,Müller\r\n2,Ærøskøbing\r\n';
    writeFileSync(t.file('u16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(t.file('w1252.csv'), Buffer.from(text, 'latin1'));
    const cols = [{ name: 'id', dataType: 'i4' }, { name: 'name', dataType: 'wstr', length: 20 }];
    for (const [file, settings] of [['u16.csv', { unicode: true }], ['w1252.csv', { codePage: 1252 }]] as const) {
      const f = new FlowBuilder()
        .add(flatSource('Src', 'In', cols))
        .add(flatDestination('Dst', 'Out', ['id', 'name']))
        .connect('Src', 'Dst');
      const conns = [
        flatFileConnection('In', t.file(file), cols.map((c) => ({ name: c.name, dataType: c.dataType })), { columnNamesInFirstDataRow: true, ...settings }),
        flatFileConnection('Out', t.file('out.csv'), [{ name: 'id' }, { name: 'name' }], { codePage: 65001 }),
      ];
      const r = await runDataFlow(f.build(), memoryContext({ connections: conns }));
      assert.equal(r.success, true, r.errors.map((e) => e.message).join('\n'));
      assert.equal(readFileSync(t.file('out.csv'), 'utf8'), '1,Müller\r\n2,Ærøskøbing\r\n', file);
    }
  } finally {
    t.remove();
  }
});
