// `opendts expr` in-process: value and type, variables and parameters, versions, errors with a caret, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryIo } from '../io.ts';
import { run } from './expr.ts';

async function expr(...args: string[]) {
  const io = memoryIo();
  const code = await run(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

test('prints the value and its SSIS type', async () => {
  assert.deepEqual(await expr('40 + 2'), { code: 0, out: '42 (DT_I4)', err: '' });
  assert.equal((await expr('UPPER("ab") + "c"')).out, '"ABc" (DT_WSTR,3)');
  assert.equal((await expr('1.5 * 2')).out, '3.0 (DT_NUMERIC,13,1)');
  assert.equal((await expr('NULL(DT_BOOL)')).out, 'NULL (DT_BOOL)');
  assert.equal((await expr('(DT_DBTIMESTAMP)"2003-08-06 10:11:12"')).out, '2003-08-06 10:11:12 (DT_DBTIMESTAMP)');
});

test('variables and parameters', async () => {
  assert.equal((await expr('@[User::X] * 2', '--var', 'User::X=Int32:21')).out, '42 (DT_I4)');
  assert.equal((await expr('@Name + "!"', '--var', 'Name=hi')).out, '"hi!" (DT_WSTR)');
  assert.equal((await expr('@[User::When] > (DT_DBTIMESTAMP)"2000-01-01"', '--var', 'When=DateTime:2005-03-04 11:06:18')).out, 'True (DT_BOOL)');
  assert.equal((await expr('@[$Package::P] + 1', '--param', 'P=Int32:41')).out, '42 (DT_I4)');
  assert.equal((await expr('@[$Project::Env]', '--param', '$Project::Env=String:prod')).out, '"prod" (DT_WSTR)');
  assert.equal((await expr('LEN(@[System::MachineName]) > 0')).out, 'True (DT_BOOL)');
  const assigned = await expr('@[User::I] = @[User::I] + 1', '--assign', '--var', 'User::I=Int32:1');
  assert.equal(assigned.out, '2 (DT_I4)');
});

test('the product version decides which functions exist', async () => {
  assert.equal((await expr('LEFT("abc", 1)', '--product-version', '2012')).out, '"a" (DT_WSTR,3)');
  const old = await expr('LEFT("abc", 1)', '--product-version', '2008');
  assert.equal(old.code, 1);
  assert.match(old.err, /0xC004708A \(DTS_E_EXPREVALINVALIDFUNCTION\)/);
  const env = memoryIo({ OPENDTS_PRODUCT_VERSION: '2008' });
  assert.equal(await run(['TOKENCOUNT("a b", " ")'], env), 1);
});

test('errors print the code, the symbol and a caret under the position', async () => {
  const r = await expr('1 + 2 / 0');
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.deepEqual(r.err.split('\n'), [
    'Error 0xC004707B (DTS_E_EXPREVALDIVBYZERO): A divide-by-zero error occurred. The right side operand evaluates to zero (character 7).',
    '  1 + 2 / 0',
    '        ^',
  ]);
  const single = await expr('@x = 1', '--var', 'x=Int32:1');
  assert.match(single.err, /DTS_E_EXPREVALINVALIDTOKENSINGLEEQUAL[\s\S]*\n {5}\^$/);
  assert.match((await expr('@[User::Nope]')).err, /DTS_E_EXPREVALVARIABLENOTFOUND/);
});

test('bad arguments exit 2 with a message', async () => {
  assert.equal((await expr()).code, 2);
  assert.equal((await expr('1', '2')).code, 2);
  assert.match((await expr('1', '--var', 'X=Bogus:1')).err, /not a variable type/);
  assert.match((await expr('1', '--var', 'X=Int32:abc')).err, /bad variable value/);
  assert.match((await expr('1', '--product-version', '2016')).err, /unknown product version/);
  assert.equal((await expr('1', '--frobnicate')).code, 2);
  assert.equal((await expr('--help')).code, 0);
});

test('data flow columns can be given to try Derived Column and Conditional Split expressions', async () => {
  assert.equal((await expr('UPPER(TRIM(name)) + "-" + (DT_WSTR,10)id', '--column', 'name=DT_WSTR:  ann ', '--column', 'id=DT_I4:7')).out, '"ANN-7" (DT_WSTR)');
  assert.equal((await expr('amount * 1.2 > 100 && !ISNULL(country)', '--column', 'amount=Double:90', '--column', 'country=DT_WSTR')).out, 'False (DT_BOOL)');
  assert.equal((await expr('[Src].[x] + 1', '--column', 'x=DT_I8:41')).code, 1);
  assert.match((await expr('nope', '--column', 'a=DT_I4:1')).err, /DTS_E_EXPREVALINPUTCOLUMNNAMENOTFOUND/);
  assert.match((await expr('a', '--column', 'a=DT_BOGUS:1')).err, /not a data type/);
});

test('the caret points into the right line of a multi-line expression', async () => {
  const r = await expr('1 +\n  2 / 0');
  assert.deepEqual(r.err.split('\n').slice(1), ['    2 / 0', '      ^']);
});
