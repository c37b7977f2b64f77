import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPackage } from '../format/index.ts';
import { allDataFlows, allTasks, allVariables, ancestry, findExecutable, walkExecutables } from './walk.ts';
import { CORPUS_DIR } from '../../test/corpus/corpus-files.ts';

const pkg = readPackage(readFileSync(join(CORPUS_DIR, 'v6', 'johnwelch__ssisUnit__PropertyTest2012.dtsx')));

test('walking a package: executables (event handlers included), tasks, variables', () => {
  const refIds = [...walkExecutables(pkg)].map((e) => e.refId);
  assert.equal(refIds[0], 'Package');
  assert.ok(refIds.includes('Package.EventHandlers[OnError]\\Script Task'));
  assert.equal(allTasks(pkg).length, refIds.length - 3); // package, sequence and the event handler are containers
  assert.ok(allVariables(pkg).some((v) => v.refId === 'Package.EventHandlers[OnError].Variables[System::Propagate]'));
  assert.deepEqual(allDataFlows(pkg), []);
});

test('finding an executable and its ancestry by refId', () => {
  assert.equal(findExecutable(pkg, 'Package\\Sequence Container\\Script Task')?.kind, 'Script');
  assert.equal(findExecutable(pkg, 'Package\\Nope'), undefined);
  assert.deepEqual(ancestry(pkg, 'Package\\Sequence Container\\Script Task').map((e) => e.refId), ['Package', 'Package\\Sequence Container', 'Package\\Sequence Container\\Script Task']);
  assert.deepEqual(ancestry(pkg, 'Package.EventHandlers[OnError]\\Script Task').map((e) => e.kind), ['Package', 'EventHandler', 'Script']);
  assert.deepEqual(ancestry(pkg, 'Package\\Nope'), []);
});
