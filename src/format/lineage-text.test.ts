// Tests of rewriting 2008 lineage references in expression text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineageRefsToRefIds } from './lineage-text.ts';

const ids = new Map([[12, 'Package\\DFT\\Src.Outputs[Out].Columns[Id]']]);

test('#123 becomes #{refId} outside string literals only', () => {
  assert.equal(lineageRefsToRefIds('#12 + 1', ids), '#{Package\\DFT\\Src.Outputs[Out].Columns[Id]} + 1');
  assert.equal(lineageRefsToRefIds('"Order #12" + (DT_WSTR,5)#12', ids), '"Order #12" + (DT_WSTR,5)#{Package\\DFT\\Src.Outputs[Out].Columns[Id]}');
  assert.equal(lineageRefsToRefIds('"say \\"#12\\"" == #12', ids), '"say \\"#12\\"" == #{Package\\DFT\\Src.Outputs[Out].Columns[Id]}');
});

test('unknown IDs are kept and reported', () => {
  const missing: number[] = [];
  assert.equal(lineageRefsToRefIds('#7 + #12', ids, (id) => missing.push(id)).startsWith('#7 + #{'), true);
  assert.deepEqual(missing, [7]);
});
