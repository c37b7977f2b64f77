// Every real package of the corpus: loads in the 2014 version, saves back byte for byte, and survives the upgrade to format 8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPackage, writePackage } from '../../src/format/index.ts';
import { allDataFlows, walkExecutables } from '../../src/package/index.ts';
import { corpusPackages } from './corpus-files.ts';
import { packageCounts } from './package-counts.ts';
import { packageShape } from './package-shape.ts';

const packages = corpusPackages();

test('the corpus has packages of every format', () => {
  for (const folder of ['v2', 'v3', 'v6', 'v8']) assert.ok(packages.some((p) => p.folder === folder), folder);
});

for (const p of packages) {
  test(`${p.folder}/${p.name}: loads in 2014, saves byte-identical, upgrades to format 8 keeping its counts`, () => {
    const pkg = readPackage(p.bytes, { fileName: p.name, tool: 2014 });
    assert.equal(pkg.sourceFormat, Number(p.folder.slice(1)));
    assert.equal(pkg.formatVersion, 8);
    assert.ok(pkg.name.length > 0);
    assert.ok(Buffer.from(writePackage(pkg)).equals(p.bytes), 'load -> save must give back the same bytes');
    if (pkg.sourceFormat === 2) {
      const to2008 = readPackage(writePackage(pkg, { format: 3 }), { fileName: `${p.name} (2008)`, tool: 2008 });
      assert.equal(to2008.sourceFormat, 3);
      assert.equal(to2008.executableType, 'SSIS.Package.2');
      assert.deepEqual(packageCounts(to2008), packageCounts(pkg));
      assert.deepEqual(packageShape(to2008), packageShape(pkg));
    }
    if (pkg.sourceFormat === 8) return;
    const upgraded = readPackage(writePackage(pkg, { format: 8 }), { fileName: `${p.name} (upgraded)` });
    assert.equal(upgraded.sourceFormat, 8);
    assert.deepEqual(packageCounts(upgraded), packageCounts(pkg));
    assert.deepEqual(upgraded.problems, []);
    // Everything the model reads (settings, variables, constraints, columns, lineage, …) survives the upgrade.
    assert.deepEqual(packageShape(upgraded), packageShape(pkg));
    assert.deepEqual([...walkExecutables(upgraded)].map((e) => e.refId), [...walkExecutables(pkg)].map((e) => e.refId));
    assert.deepEqual(
      allDataFlows(upgraded).flatMap((f) => f.dataFlow.components.map((c) => c.classId)),
      allDataFlows(pkg).flatMap((f) => f.dataFlow.components.map((c) => c.classId)),
    );
  });
}
