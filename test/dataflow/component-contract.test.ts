// The contract every component plug-in keeps: a unique canonical class ID that the package reader produces for each of
// its spellings, lookup by every alias, and validation that reports problems as SsisErrors instead of crashing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinComponents } from '../../src/components/index.ts';
import { ComponentRegistry } from '../../src/dataflow/registry.ts';
import { isSsisError, SsisError } from '../../src/errors.ts';
import { canonicalClassId } from '../../src/versions/index.ts';
import type { ComponentModel } from '../../src/dataflow/model.ts';

const registry = new ComponentRegistry(builtinComponents);

test('class IDs are unique and every alias finds its component', () => {
  const ids = builtinComponents.map((f) => f.classId.toLowerCase());
  assert.equal(new Set(ids).size, ids.length);
  for (const f of builtinComponents) {
    for (const id of [f.classId, ...(f.aliases ?? [])]) assert.equal(registry.find(id), f, `${id} → ${f.classId}`);
  }
});

test('the package reader canonicalises every known spelling to the class ID the component is registered under', () => {
  for (const f of builtinComponents) {
    for (const alias of f.aliases ?? []) {
      const canonical = canonicalClassId(alias, 'component');
      // Spellings the version table does not know come back unchanged; known ones must land on this component.
      if (canonical !== alias) assert.equal(registry.find(canonical), f, `${alias} → ${canonical}`);
    }
  }
});

test('validation of an empty component reports SsisErrors and never crashes', () => {
  for (const f of builtinComponents) {
    const model: ComponentModel = { refId: `Package\\DFT\\${f.classId}`, name: f.classId, classId: f.classId, rawClassId: f.classId, properties: {}, connections: [], inputs: [], outputs: [] };
    const v = { inputLayout: () => undefined, outputLayout: () => undefined, error: (code: string, symbol: string, message: string) => new SsisError(code, symbol, message) };
    try {
      const errors = f.validate?.(model, v) ?? [];
      assert.ok(Array.isArray(errors) && errors.every(isSsisError), f.classId);
    } catch (e) {
      assert.ok(isSsisError(e), `${f.classId} threw ${String(e)}`);
    }
  }
});
