import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalKey, connectionBoolean, connectionStringValue, formatConnectionString, parseConnectionString } from './connection-string.ts';
import { corpusConfiguredConnectionStrings, corpusConnections, corpusProjectConnectionStrings } from './corpus.test-helper.ts';
import { SsisError } from '../errors.ts';

test('OLE DB strings parse with case-insensitive keys and synonyms', () => {
  const p = parseConnectionString('Data Source=SRV1;Initial Catalog=Sales;Provider=SQLNCLI11.1;Integrated Security=SSPI;Auto Translate=False;');
  assert.equal(connectionStringValue(p, 'server'), 'SRV1');
  assert.equal(connectionStringValue(p, 'DATABASE'), 'Sales');
  assert.equal(connectionStringValue(p, 'provider'), 'SQLNCLI11.1');
  assert.equal(connectionBoolean(connectionStringValue(p, 'Trusted_Connection')), true);
  assert.equal(p.entries.length, 5);
});

test('synonyms fold: Server/Address, Database, UID, PWD', () => {
  assert.equal(canonicalKey('  Server '), 'data source');
  assert.equal(canonicalKey('Address'), 'data source');
  assert.equal(canonicalKey('Database'), 'initial catalog');
  assert.equal(canonicalKey('UID'), 'user id');
  assert.equal(canonicalKey('pwd'), 'password');
  const p = parseConnectionString('Driver={ODBC Driver 17 for SQL Server};Server=tcp:db,1433;UID=sa;PWD={p;w}}d};Database=x');
  assert.equal(connectionStringValue(p, 'Data Source'), 'tcp:db,1433');
  assert.equal(connectionStringValue(p, 'User ID'), 'sa');
  assert.equal(connectionStringValue(p, 'Password'), 'p;w}d');
  assert.equal(connectionStringValue(p, 'Driver'), 'ODBC Driver 17 for SQL Server');
});

test('quoted values: double quotes, single quotes, doubled quotes, == in keys', () => {
  const p = parseConnectionString(`Provider=Microsoft.Jet.OLEDB.4.0;Data Source=C:\\x.xls;Extended Properties="EXCEL 8.0;HDR=YES;IMEX=1";Password='it''s';a==b=c`);
  assert.equal(connectionStringValue(p, 'Extended Properties'), 'EXCEL 8.0;HDR=YES;IMEX=1');
  assert.equal(connectionStringValue(p, 'Password'), "it's");
  assert.equal(connectionStringValue(p, 'a=b'), 'c');
  assert.equal(connectionStringValue(p, 'Data Source'), 'C:\\x.xls');
});

test('a later duplicate wins; blanks and empty pairs are ignored', () => {
  const p = parseConnectionString(' ; Server = a ;; server=b ; Application Name = x y ;');
  assert.equal(connectionStringValue(p, 'Data Source'), 'b');
  assert.equal(connectionStringValue(p, 'Application Name'), 'x y');
});

test('malformed strings are clear errors', () => {
  assert.throws(() => parseConnectionString('Server=a;Password="open'), SsisError);
  assert.throws(() => parseConnectionString('Server=a;novalue'), SsisError);
  assert.throws(() => parseConnectionString('Password="a" b;'), SsisError);
});

test('format quotes what needs quoting and parses back to the same values', () => {
  const entries = [
    { key: 'Data Source', value: 'x' },
    { key: 'Password', value: 'a;b"c' },
    { key: 'Extended Properties', value: 'EXCEL 8.0;HDR=YES' },
    { key: 'Pad', value: ' lead' },
    { key: 'k=eq', value: "it's" },
  ];
  const back = parseConnectionString(formatConnectionString(entries));
  assert.deepEqual(back.entries, entries);
});

test('every key/value connection string in the corpus parses and formats back to the same values', () => {
  const project = corpusProjectConnectionStrings();
  assert.ok(project.length >= 5, `project files hold connection strings too, found ${project.length}`);
  const all = [...corpusConnections().map((c) => c.connectionString), ...corpusConfiguredConnectionStrings(), ...project];
  const keyValue = all.filter((s) => /^[^\\/:]*=/.test(s.trim()) && !/^https?:/i.test(s));
  assert.ok(keyValue.length >= 60, `expected the corpus to hold many connection strings, found ${keyValue.length}`);
  for (const s of keyValue) {
    const p = parseConnectionString(s);
    assert.ok(p.entries.length > 0, s);
    assert.deepEqual(parseConnectionString(formatConnectionString(p.entries)).entries, p.entries, s);
  }
});
