// Tests of rewriting lineage references inside expressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineageReferences, mapLineageReferences } from './index.ts';

const REFS = new Map([['12', 'Package\\DFT\\Src.Outputs[Out].Columns[Id]'], ['13', 'Package\\DFT\\Src.Outputs[Out].Columns[Name]']]);

test('2008 lineage IDs become 2012 refIds, string literals untouched', () => {
  const text = '#12 > 0 ? "Order #12: " + #13 : (DT_WSTR,5)#99';
  const upgraded = mapLineageReferences(text, (id) => (REFS.has(id) ? `#{${REFS.get(id)}}` : undefined));
  assert.equal(upgraded, '#{Package\\DFT\\Src.Outputs[Out].Columns[Id]} > 0 ? "Order #12: " + #{Package\\DFT\\Src.Outputs[Out].Columns[Name]} : (DT_WSTR,5)#99');
  assert.deepEqual(lineageReferences(upgraded), [REFS.get('12'), REFS.get('13'), '99']);
});

test('refIds become names and back', () => {
  const byRef = new Map([...REFS].map(([id, ref]) => [ref, id]));
  const text = 'UPPER(#{Package\\DFT\\Src.Outputs[Out].Columns[Name]})';
  assert.equal(mapLineageReferences(text, (ref) => (byRef.has(ref) ? `#${byRef.get(ref)}` : undefined)), 'UPPER(#13)');
  assert.equal(mapLineageReferences(text, () => '[Name]'), 'UPPER([Name])');
});

test('text that does not tokenize is returned as is', () => {
  assert.equal(mapLineageReferences('"open #12', () => '#{x}'), '"open #12');
  assert.deepEqual(lineageReferences('"open #12'), []);
  assert.equal(mapLineageReferences('no references here', () => 'x'), 'no references here');
});
