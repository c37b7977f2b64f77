// Every class ID the corpus uses is in the versions table, except third-party ones (Attunity's CDC and ODBC parts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPackage } from '../../src/format/index.ts';
import { allDataFlows, walkExecutables } from '../../src/package/index.ts';
import { classIdEntry } from '../../src/versions/index.ts';
import { corpusPackages } from './corpus-files.ts';

test('the class-ID table knows every Microsoft executable, component, enumerator and log provider of the corpus', () => {
  const unknown = new Set<string>();
  let seen = 0;
  for (const p of corpusPackages()) {
    const pkg = readPackage(p.bytes, { fileName: p.name });
    const ids: string[] = [];
    for (const e of walkExecutables(pkg)) {
      if (e.kind !== 'EventHandler') ids.push(e.classId);
      if (e.kind === 'ForeachLoop' && e.enumerator) ids.push(e.enumerator.classId);
    }
    for (const f of allDataFlows(pkg)) for (const c of f.dataFlow.components) ids.push(c.classId);
    for (const l of pkg.logProviders) ids.push(l.classId);
    for (const id of ids) {
      seen++;
      if (!classIdEntry(id)) unknown.add(id);
    }
  }
  assert.ok(seen > 500, `only ${seen} class IDs seen`);
  assert.deepEqual([...unknown].filter((id) => !id.startsWith('Attunity.')), []);
  assert.ok(unknown.size > 0, 'the corpus has third-party components');
});
