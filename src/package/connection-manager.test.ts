import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connectionProperty, parseConnectionString } from './connection-manager.ts';

test('connection strings: pairs, quoted values, case-insensitive look-up', () => {
  const p = parseConnectionString('Data Source=localhost;Initial Catalog="a;b";Provider=SQLNCLI11.1;Password=\'x\'\'y\';Integrated Security=SSPI;');
  assert.equal(p['Data Source'], 'localhost');
  assert.equal(p['Initial Catalog'], 'a;b');
  assert.equal(p['Password'], "x'y");
  assert.equal(connectionProperty({ connectionProperties: p }, 'integrated security'), 'SSPI');
  assert.equal(connectionProperty({ connectionProperties: p }, 'missing'), undefined);
});
