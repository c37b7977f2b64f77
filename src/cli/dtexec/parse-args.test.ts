// Tests of the dtexec command-line parser: short forms, case, quoting, `;` parts, command files, versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { versionOfYear } from '../../versions/index.ts';
import { parseDtexecArgs, type ParseContext } from './parse-args.ts';
import { splitParts, tokenizeCommandText } from './split-parts.ts';

const files: Record<string, string> = {
  'opts.txt': '/Set "\\Package.Variables[User::A].Value";"x y" /Rem comment\n/Rep EW',
  'loop.txt': '/Com loop.txt',
};
const ctx = (year: 2008 | 2012 | 2014 = 2014): ParseContext => ({
  features: versionOfYear(year).features,
  readCommandFile: (p) => {
    const t = files[p];
    if (t === undefined) throw new Error('not found');
    return t;
  },
});

test('switches take / or -, any case, and every prefix down to the short form', () => {
  for (const sw of ['/F', '-f', '/FILE', '/fil', '-File']) {
    assert.deepEqual(parseDtexecArgs([sw, '/tmp/a.dtsx'], ctx()).source, { kind: 'file', path: '/tmp/a.dtsx' });
  }
  assert.equal(parseDtexecArgs(['/F', 'a', '/Conn', 'C;x'], ctx()).settings.length, 1);
  assert.throws(() => parseDtexecArgs(['/Con', 'C;x'], ctx()), /Option "\/Con" is not valid/);
  assert.throws(() => parseDtexecArgs(['/Filex', 'a'], ctx()), /Option "\/Filex" is not valid/);
  assert.throws(() => parseDtexecArgs(['a.dtsx'], ctx()), /Option "a.dtsx" is not valid/);
});

test('a Linux path after an option that takes a value is the value, not a switch', () => {
  const cmd = parseDtexecArgs(['/F', '/tmp/p.dtsx', '/CheckF', '/tmp/cp.chk', '/VLog', '/tmp/v.log'], ctx());
  assert.equal(cmd.checkpointFile, '/tmp/cp.chk');
  assert.equal(cmd.vlog, '/tmp/v.log');
  const bare = parseDtexecArgs(['/F', 'p', '/CheckF', '/Va'], ctx());
  assert.equal(bare.checkpointFile, '');
  assert.equal(bare.validateOnly, true);
});

test('/Set splits at the first unquoted ; and keeps the rest of the value', () => {
  const cmd = parseDtexecArgs(['/F', 'p', '/Set', '\\Package.Variables[User::V].Value;a;b', '/SET', '"\\Package.Variables[User::W].Value";"c;""d"""', '/set', '$Sensitive::\\Package.Variables[$Package::P];1'], ctx());
  assert.deepEqual(cmd.settings, [
    { kind: 'set', path: '\\Package.Variables[User::V].Value', value: 'a;b', sensitive: false },
    { kind: 'set', path: '\\Package.Variables[User::W].Value', value: 'c;"d"', sensitive: false },
    { kind: 'set', path: '\\Package.Variables[$Package::P]', value: '1', sensitive: true },
  ]);
  assert.throws(() => parseDtexecArgs(['/F', 'p', '/Set', 'novalue'], ctx()), /PropertyPath;Value/);
});

test('/Set, /Conn and /ConfigFile keep their command-line order', () => {
  const cmd = parseDtexecArgs(['/Conf', 'a.dtsConfig', '/Conn', 'Src;Data Source=x;Initial Catalog=y', '/Set', 'p;1'], ctx());
  assert.deepEqual(cmd.settings.map((s) => s.kind), ['configFile', 'conn', 'set']);
  assert.deepEqual(cmd.settings[1], { kind: 'conn', connection: 'Src', connectionString: 'Data Source=x;Initial Catalog=y' });
});

test('/Rep takes N or V alone or any of E W I C D P, with excluded events', () => {
  assert.deepEqual([...parseDtexecArgs(['/Rep', 'ewi'], ctx()).reporting.levels].sort(), ['E', 'I', 'W']);
  assert.deepEqual([...parseDtexecArgs([], ctx()).reporting.levels].sort(), ['E', 'P', 'W']);
  assert.equal(parseDtexecArgs(['/Rep', 'N'], ctx()).reporting.levels.size, 0);
  assert.equal(parseDtexecArgs(['/Rep', 'V'], ctx()).reporting.levels.size, 6);
  assert.deepEqual(parseDtexecArgs(['/Rep', 'E;OnPreExecute;OnPostExecute'], ctx()).reporting.excluded, ['OnPreExecute', 'OnPostExecute']);
  assert.throws(() => parseDtexecArgs(['/Rep', 'NV'], ctx()), /reporting level "NV" is not valid/);
  assert.throws(() => parseDtexecArgs(['/Rep', 'EX'], ctx()), /reporting level/);
});

test('/Par parses scope, name, type and value; the project options exist from 2012 only', () => {
  const cmd = parseDtexecArgs(['/Proj', 'p.ispac', '/Pack', 'Child.dtsx', '/Par', '$Project::Count(Int32);5', '/Par', 'Name;x;y'], ctx(2012));
  assert.deepEqual(cmd.parameters, [
    { scope: 'Project', name: 'Count', type: 'Int32', value: '5' },
    { scope: 'Package', name: 'Name', type: 'String', value: 'x;y' },
  ]);
  assert.throws(() => parseDtexecArgs(['/Proj', 'p.ispac', '/Pack', 'a'], ctx(2008)), /Option "\/Proj" is not valid/);
  assert.throws(() => parseDtexecArgs(['/Pack', 'a'], ctx()), /needs \/Project/);
});

test('only one package source', () => {
  assert.throws(() => parseDtexecArgs(['/F', 'a', '/SQL', 'b'], ctx()), /cannot be used together/);
});

test('checkpoint, restart, MaxConcurrent, verify options', () => {
  const cmd = parseDtexecArgs(['/Checkp', 'off', '/Res', 'ifPossible', '/M', '-1', '/VerifyB', '1;2', '/VerifyS', '/W', '/X86', '/Rem', 'hello'], ctx());
  assert.equal(cmd.checkpointing, false);
  assert.equal(cmd.restart, 'IfExists');
  assert.equal(cmd.maxConcurrent, -1);
  assert.deepEqual(cmd.verifyBuild, { major: 1, minor: 2, build: undefined });
  assert.equal(cmd.verifySigned, true);
  assert.equal(cmd.warnAsError, true);
  assert.equal(parseDtexecArgs(['/Checkp', '/Res'], ctx()).restart, 'Always');
  assert.equal(parseDtexecArgs(['/Checkp'], ctx()).checkpointing, true);
  assert.throws(() => parseDtexecArgs(['/M', 'x'], ctx()), /not a valid integer/);
  assert.throws(() => parseDtexecArgs(['/M', '-2'], ctx()), /not valid/);
  assert.throws(() => parseDtexecArgs(['/F'], ctx()), /requires a value/);
});

test('/Com expands a command file where it appears, /Rem is thrown away', () => {
  const cmd = parseDtexecArgs(['/F', 'p', '/Com', 'opts.txt', '/Set', 'q;2'], ctx());
  assert.deepEqual(cmd.settings.map((s) => (s.kind === 'set' ? s.value : '')), ['x y', '2']);
  assert.deepEqual([...cmd.reporting.levels].sort(), ['E', 'W']);
  assert.throws(() => parseDtexecArgs(['/Com', 'missing.txt'], ctx()), /could not be read/);
  assert.throws(() => parseDtexecArgs(['/Com', 'loop.txt'], ctx()), /nest too deeply/);
});

test('/ConsoleLog picks columns and include/exclude lists; a bare one resets the columns', () => {
  const cmd = parseDtexecArgs(['/Cons', 'NM;I;OnError', '/Cons'], ctx());
  assert.equal(cmd.consoleLog?.columns.size, 8);
  assert.deepEqual(cmd.consoleLog?.include, ['OnError']);
  assert.deepEqual([...parseDtexecArgs(['/Cons', 'SM;E;OnInformation'], ctx()).consoleLog!.columns], ['S', 'M']);
  assert.throws(() => parseDtexecArgs(['/Cons', 'Q'], ctx()), /display options/);
});

test('splitting and tokenizing', () => {
  assert.deepEqual(splitParts('a;"b;c";d', 99), ['a', 'b;c', 'd']);
  assert.deepEqual(splitParts('"say ""hi""";x', 2), ['say "hi"', 'x']);
  assert.deepEqual(tokenizeCommandText('/F  "a b.dtsx"\n/Set x;"1 2"'), ['/F', '"a b.dtsx"', '/Set', 'x;"1 2"']);
});
