// Every data flow in the shared corpus builds its execution plan, or fails validation with messages naming the unsupported pieces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPackageFile } from '../../src/format/read-file.ts';
import { allDataFlows } from '../../src/package/walk.ts';
import { dataFlowOfTask } from '../../src/dataflow/from-package.ts';
import { planDataFlow, validateDataFlow } from '../../src/dataflow/index.ts';
import { isSsisError } from '../../src/errors.ts';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const corpus = join(root, '../shared/corpus');

function packages(): string[] {
  if (!existsSync(corpus)) return [];
  return ['v2', 'v3', 'v6', 'v8'].flatMap((d) => readdirSync(join(corpus, d)).filter((f) => f.endsWith('.dtsx')).map((f) => join(corpus, d, f)));
}

test('the corpus is present', () => {
  assert.ok(packages().length > 0, `no packages under ${corpus}`);
});

test('every corpus data flow plans, or fails validation naming what is unsupported', () => {
  let flows = 0;
  let planned = 0;
  for (const file of packages()) {
    let pkg;
    try {
      pkg = readPackageFile(file);
    } catch (e) {
      if (isSsisError(e)) continue; // unreadable packages (encrypted, …) are the format tests' business
      throw e;
    }
    for (const { task } of allDataFlows(pkg)) {
      flows++;
      const model = dataFlowOfTask(task);
      const plan = planDataFlow(model);
      assert.ok(plan.trees.length >= 0);
      const errors = validateDataFlow(model);
      if (errors.length === 0) {
        planned++;
        continue;
      }
      for (const e of errors) {
        assert.ok(isSsisError(e), `${file}: ${String(e)}`);
        // each message names the component (or path) it is about
        const named = model.components.some((c) => e.message.includes(c.name)) || model.paths.some((p) => e.message.includes(p.name));
        assert.ok(named, `${file}: message does not name a component: ${e.message}`);
      }
    }
  }
  assert.ok(flows > 0, 'the corpus has data flows');
  // 45 of 50 at the time of writing: the rest are Script Components without a JavaScript port, third-party (CDC) components and one broken lineage.
  assert.ok(planned >= 40, `only ${planned} of ${flows} data flows validate`);
});
