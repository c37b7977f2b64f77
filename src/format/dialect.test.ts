import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseBool, parseIntOr, LEGACY, MODERN } from './dialect.ts';
import { attrLocal } from './dom.ts';
import { descendants, parseXml } from '../xml/index.ts';
import { CORPUS_DIR } from '../../test/corpus/corpus-files.ts';

/** The readings before the fast paths were added: trimmed, case-folded, through Number(). */
function slowBool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '-1' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return fallback;
}
function slowInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.trim());
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

const NUMBERISH = fc.oneof(
  fc.integer().map(String),
  fc.stringMatching(/^[ \t]?-?[0-9]{0,20}(\.[0-9]{0,3})?(e[0-9])?[ \r\n]?$/),
  fc.constantFrom('-', '-0', '0x1F', '1e3', ' 7 ', '', '  ', 'True', 'Infinity', '12345678901234567890', '999999999999999', '-999999999999999'),
  fc.string({ maxLength: 6 }),
);

test('parseIntOr reads every string as Number(trimmed) truncated, or the fallback', () => {
  fc.assert(fc.property(NUMBERISH, fc.integer(), (v, f) => Object.is(parseIntOr(v, f), slowInt(v, f))), { numRuns: 3000 });
  assert.equal(parseIntOr(undefined, 7), 7);
  assert.equal(parseIntOr('-12', 0), -12);
  assert.ok(Object.is(parseIntOr('-0', 5), -0));
});

test('parseBool reads every spelling, trimmed and in any case, or the fallback', () => {
  const spellings = fc.oneof(fc.constantFrom('True', 'true', 'TRUE', ' False', 'false ', '-1', '1', '0', '2', 'yes', ''), fc.string({ maxLength: 6 }));
  fc.assert(fc.property(spellings, fc.boolean(), (v, f) => parseBool(v, f) === slowBool(v, f)), { numRuns: 2000 });
  assert.equal(parseBool(undefined, true), true);
});

test('attrLocal finds an attribute by local name, first in document order, never a namespace declaration', () => {
  const el = parseXml('<a xmlns:DTS="urn:d" xmlns:Name="urn:n" x="1" DTS:Name="p" Name="q" DTS:ObjectName="o" DTS:Nam="r"/>').root;
  assert.equal(attrLocal(el, 'Name'), 'p');
  assert.equal(attrLocal(el, 'ObjectName'), 'o');
  assert.equal(attrLocal(el, 'x'), '1');
  assert.equal(attrLocal(el, 'Nam'), 'r');
  assert.equal(attrLocal(el, 'ame'), undefined);
  assert.equal(attrLocal(el, 'DTS'), undefined);
});

test('props: both dialects read attributes and simple <DTS:Property> children, each in its own order of precedence', () => {
  const el = parseXml(
    '<DTS:E xmlns:DTS="urn:d" DTS:A="attr" DTS:C="c"><DTS:Property DTS:Name="A">prop</DTS:Property>' +
    '<DTS:Property DTS:Name="B">b</DTS:Property><DTS:Property DTS:Name="N"><DTS:Property DTS:Name="X">x</DTS:Property></DTS:Property>' +
    '<DTS:Property DTS:Name="B">second</DTS:Property></DTS:E>',
  ).root;
  assert.deepEqual(MODERN.props(el), { A: 'attr', C: 'c', B: 'b' });
  assert.deepEqual(LEGACY.props(el), { A: 'prop', B: 'b', C: 'c' });
  assert.equal(MODERN.prop(el, 'A'), 'attr');
  assert.equal(LEGACY.prop(el, 'A'), 'prop');
  assert.equal(LEGACY.prop(el, 'C'), 'c');
});

test('propertiesOf answers exactly as prop does, for every element and name of corpus packages of both dialects', () => {
  const files: [string, typeof LEGACY][] = [
    ['v2/lucmilot__SSIS_2014_Book__Package.dtsx', LEGACY],
    ['v3/lucmilot__SSIS_2014_Book__DEMO_1B_USCities.dtsx', LEGACY],
    ['v6/lucmilot__SSIS_2014_Book__CDCIncremental.dtsx', MODERN],
    ['v8/jbernier51__SSIS_Projects__MasterParallelPackage_Proc.dtsx', MODERN],
  ];
  let asked = 0;
  for (const [file, d] of files) {
    const root = parseXml(readFileSync(join(CORPUS_DIR, file)), file).root;
    for (const el of [root, ...descendants(root)]) {
      const index = d.propertiesOf(el);
      const names = new Set(['ObjectName', 'Missing', 'xmlns']);
      for (const a of el.attributes) names.add(a.name.slice(a.name.indexOf(':') + 1));
      for (const c of el.children) if (c.type === 'element') names.add(attrLocal(c, 'Name') ?? c.localName);
      for (const n of names) {
        assert.equal(index.get(n), d.prop(el, n), `${file}: <${el.name}> ${n}`);
        asked++;
      }
    }
  }
  assert.ok(asked > 1000);
});
