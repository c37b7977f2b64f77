// Tests of dtutil's command line: abbreviations, / and -, case, ; parts with quotes, and every syntax error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDtutilArgs } from './parse.ts';
import { matchOption, DTUTIL_OPTIONS } from './options.ts';

function ok(args: string[]) {
  const r = parseDtutilArgs(args);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return r.command;
}
function bad(args: string[], pattern: RegExp) {
  const r = parseDtutilArgs(args);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.message, pattern);
}

test('every option is matched by its shortest abbreviation and its full name, in any case', () => {
  for (const o of DTUTIL_OPTIONS) {
    assert.equal(matchOption(o.min)?.name, o.name);
    assert.equal(matchOption(o.name.toUpperCase())?.name, o.name);
    assert.equal(matchOption(o.name.toLowerCase())?.name, o.name);
  }
  assert.equal(matchOption('D'), undefined);
  assert.equal(matchOption('De'), undefined);
  assert.equal(matchOption('Dest'), undefined);
  assert.equal(matchOption('Fo'), undefined);
  assert.equal(matchOption('DT')?.name, 'DTS');
  assert.equal(matchOption('SQ')?.name, 'SQL');
  assert.equal(matchOption('S'), undefined);
});

test('the documented examples parse', () => {
  assert.deepEqual(ok(['/SQL', 'srcPackage', '/COPY', 'DTS;destFolder\\destPackage']).action, { kind: 'COPY', dest: 'DTS', path: 'destFolder\\destPackage' });
  const c = ok(['/FILE', 'c:\\sourcepkg.dtsx', '/DestServer', 'srv', '/COPY', 'SQL;destpkgname']);
  assert.equal(c.destServer, 'srv');
  assert.deepEqual(c.source, { kind: 'FILE', path: 'c:\\sourcepkg.dtsx' });
  assert.deepEqual(ok(['/I', '/FILE', 'copiedpkg.dtsx']).action, { kind: 'IDREGENERATE' });
  const d = ok(['/SQL', 'delPackage', '/SOURCEUSER', 'srcUserName', '/SOURCEPASSWORD', '#8nGs*w7F', '/DELETE']);
  assert.equal(d.sourcePassword, '#8nGs*w7F');
  assert.deepEqual(d.action, { kind: 'DELETE' });
  assert.deepEqual(ok(['-sql', 'srcPackage', '-exists']).action, { kind: 'EXISTS' });
  assert.deepEqual(ok(['/FILE', 'PackageToEncrypt.dtsx', '/ENCRYPT', 'file;EncryptedPackage.dtsx;3;EncPswd']).action, {
    kind: 'ENCRYPT',
    dest: 'FILE',
    path: 'EncryptedPackage.dtsx',
    level: 3,
    password: 'EncPswd',
  });
  assert.deepEqual(ok(['/file', 'C:\\Package.dtsx', '/encrypt', 'file;"C:\\Package.dtsx";2;strongpassword']).action, {
    kind: 'ENCRYPT',
    dest: 'FILE',
    path: 'C:\\Package.dtsx',
    level: 2,
    password: 'strongpassword',
  });
  const q = ok(['/FILE', 'x.dtsx', '/DestServer', 'S', '/COPY', 'SQL;"\\Maintenance Plans\\Name"', '/QUIET', '/R', 'a remark', '/Rem']);
  assert.equal(q.quiet, true);
  assert.deepEqual(q.remarks, ['a remark', '']);
  assert.deepEqual(q.action, { kind: 'COPY', dest: 'SQL', path: '\\Maintenance Plans\\Name' });
  assert.equal(ok(['/Decrypt', 'pw', '/IDRegenerate', '/DTS', 'MSDB\\folder\\pkg']).decrypt, 'pw');
});

test('folder actions and their parts', () => {
  assert.deepEqual(ok(['/FCreate', 'SQL;\\;Sales']).action, { kind: 'FCREATE', store: 'SQL', parent: '\\', name: 'Sales' });
  assert.deepEqual(ok(['/FDi', 'DTS;File System;S']).action, { kind: 'FDIRECTORY', store: 'DTS', path: 'File System', recursive: true });
  assert.deepEqual(ok(['/FE', 'SQL;Sales', '/SourceS', 'I1']).action, { kind: 'FEXISTS', store: 'SQL', path: 'Sales' });
  assert.deepEqual(ok(['/FR', 'SQL;\\;Old;New']).action, { kind: 'FRENAME', store: 'SQL', parent: '\\', oldName: 'Old', newName: 'New' });
  assert.deepEqual(ok(['/FDe', 'DTS;File System;Old']).action, { kind: 'FDELETE', store: 'DTS', parent: 'File System', name: 'Old' });
});

test('syntax and semantic errors are reported', () => {
  bad(['/Bogus'], /not valid/);
  bad(['SQL'], /start with \/ or -/);
  bad(['/ SQL', 'x'], /not valid/);
  bad(['/SQL'], /requires an argument/);
  bad(['/SQL', 'a', '/FILE', 'b', '/EXISTS'], /cannot be combined/);
  bad(['/SQL', 'a', '/DELETE', '/EXISTS'], /cannot be combined/);
  bad(['/SQL', 'a', '/SQL', 'b'], /more than once/);
  bad(['/DTS', 'a', '/SourceServer', 's', '/EXISTS'], /only valid with \/SQL/);
  bad(['/SQL', 'a', '/SourcePassword', 'p', '/EXISTS'], /requires \/SourceUser/);
  bad(['/FILE', 'a', '/DestServer', 's', '/COPY', 'FILE;b'], /only valid with a SQL action/);
  bad(['/FILE', 'a'], /No action/);
  bad([], /No package source/);
  bad(['/DELETE'], /needs a package source/);
  bad(['/FILE', 'a', '/COPY', 'TAPE;b'], /SQL, FILE, DTS/);
  bad(['/FILE', 'a', '/COPY', 'SQL'], /missing arguments/);
  bad(['/FILE', 'a', '/ENCRYPT', 'DTS;b;1'], /does not support the DTS store/);
  bad(['/FILE', 'a', '/ENCRYPT', 'FILE;b;9'], /protection level "9"/);
  bad(['/FILE', 'a', '/ENCRYPT', 'FILE;b;3'], /needs a password/);
  bad(['/FILE', 'a', '/FCREATE', 'SQL;\\;x'], /cannot be combined/);
  bad(['/FDirectory', 'SQL;x;Z'], /must be S/);
});

test('/? and /H take no action', () => {
  assert.equal(ok(['/?']).help, true);
  assert.equal(ok(['/H', 'Quiet']).help, 'Quiet');
  assert.equal(ok(['-help']).help, true);
});
