import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMarkers, splitGoBatches, splitStatements } from './sql-text.ts';
import { bindStatement, checkAllBound } from './parameters.ts';
import { SsisError } from '../errors.ts';

test('markers outside strings, identifiers and comments are found', () => {
  const sql = `SELECT '?', "a?", [b?], \`c?\` -- ?\n/* ? */ FROM t WHERE x = ? AND y = @p AND z = @@ROWCOUNT AND e = 'x@y'`;
  const m = findMarkers(sql);
  assert.deepEqual(m.map((x) => x.kind + (x.name ?? '')), ['?', '@p']);
});

test('PostgreSQL dollar quotes and MySQL backslash escapes are skipped', () => {
  assert.equal(findMarkers(`DO $$ BEGIN PERFORM '?'; END $$; SELECT $tag$ ? $tag$, ?`, { dollarQuotes: true }).length, 1);
  assert.equal(findMarkers(`SELECT 'it\\'s ?', ?`, { backslashEscapes: true }).length, 1);
  assert.equal(findMarkers(`SELECT E'\\'?', ?`, { dollarQuotes: true }).length, 1);
});

test('scripts split at ; and GO lines; trigger bodies stay whole', () => {
  const s = splitStatements('CREATE TABLE a(x INT);\nINSERT INTO a VALUES (?);\nGO\nSELECT 1;;\ngo -- next\nCREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; END;');
  assert.deepEqual(s.map((x) => x.text), ['CREATE TABLE a(x INT)', 'INSERT INTO a VALUES (?)', 'SELECT 1', 'CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET x = 1; END']);
  assert.equal(s[1]!.markers.length, 1);
  assert.equal(s[1]!.text.slice(s[1]!.markers[0]!.start, s[1]!.markers[0]!.end), '?');
  assert.deepEqual(splitGoBatches('a\nGO\nb\n  go  \n'), ['a', 'b']);
});

test('positional values bind in order across statements; named values bind by name, case-insensitively', () => {
  const [a, b] = splitStatements('INSERT INTO t VALUES (?, ?); SELECT * FROM t WHERE x = ?');
  const cursor = { next: 0 };
  const pg = { placeholder: (n: number) => `$${n}`, reuse: true };
  assert.deepEqual(bindStatement(a!, [1, 2, 3], pg, cursor), { sql: 'INSERT INTO t VALUES ($1, $2)', values: [1, 2] });
  assert.deepEqual(bindStatement(b!, [1, 2, 3], pg, cursor), { sql: 'SELECT * FROM t WHERE x = $1', values: [3] });
  checkAllBound([1, 2, 3], cursor);
  const [n] = splitStatements('SELECT @A, @b, @a, @declared');
  assert.deepEqual(bindStatement(n!, { a: 1, '@B': 2 }, pg), { sql: 'SELECT $1, $2, $1, @declared', values: [1, 2] });
  assert.deepEqual(bindStatement(n!, { a: 1, '@B': 2 }, { placeholder: () => '?', reuse: false }), { sql: 'SELECT ?, ?, ?, @declared', values: [1, 2, 1] });
});

test('too few or too many values are an SsisError', () => {
  const [s] = splitStatements('SELECT ?, ?');
  assert.throws(() => bindStatement(s!, [1], { placeholder: () => '?', reuse: false }), SsisError);
  const cursor = { next: 0 };
  bindStatement(s!, [1, 2, 3], { placeholder: () => '?', reuse: false }, cursor);
  assert.throws(() => checkAllBound([1, 2, 3], cursor), SsisError);
});
