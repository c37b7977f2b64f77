import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readPackage, writePackage } from '../index.ts';
import { SsisError } from '../../errors.ts';
import { assertRunnable } from '../../package/index.ts';
import { CORPUS_DIR } from '../../../test/corpus/corpus-files.ts';

const v3 = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__Flat_File_Source.dtsx'), 'utf8');
const v8 = readFileSync(join(CORPUS_DIR, 'v8', 'johnwelch__ssisUnit__DataFlowComponent.dtsx'), 'utf8');

function fails(input: string, pattern: RegExp, line?: number): void {
  assert.throws(
    () => readPackage(input, { fileName: 'bad.dtsx' }),
    (e: unknown) => {
      assert.ok(e instanceof SsisError, String(e));
      assert.match(e.message, pattern);
      assert.equal(e.location?.file, 'bad.dtsx');
      if (line !== undefined) assert.equal(e.location?.line, line);
      return true;
    },
  );
}

test('not XML, truncated, XML but not a package, missing format, missing executable type', () => {
  fails('this is not xml', /not valid XML/);
  fails(v8.slice(0, 400), /not valid XML/);
  fails('<?xml version="1.0"?>\n<Project/>', /not an SSIS package/, 2);
  fails('<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts" DTS:ExecutableType="Microsoft.Package"/>', /PackageFormatVersion/);
  fails(v8.replace(/DTS:ExecutableType="Microsoft.Package"/, ''), /DTS:ExecutableType/);
});

test('a broken lineage reference in a 2008 package is an upgrade problem: inspectable, not runnable', () => {
  const src = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__XML_Source.dtsx'), 'utf8');
  const broken = src.replace(/lineageId="51"( usageType)/, 'lineageId="9999"$1');
  assert.notEqual(broken, src);
  const pkg = readPackage(broken, { fileName: 'bad.dtsx' });
  assert.equal(pkg.problems.length, 1);
  assert.match(pkg.problems[0].message, /lineage ID "9999"/);
  assert.throws(() => assertRunnable(pkg), (e: unknown) => e instanceof SsisError && e.code === '0xC0016020' && e.details.length === 1);
  assert.doesNotThrow(() => assertRunnable(readPackage(src)));
});

test('a broken precedence constraint end is a problem naming the constraint', () => {
  const src = readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__WMI_DataReader__Package.dtsx'), 'utf8');
  const broken = src.replace('IDREF="{FE7F7067-F2CE-4C8F-9F9F-90C07ABB9F6B}"', 'IDREF="{00000000-0000-0000-0000-000000000000}"');
  const pkg = readPackage(broken);
  assert.ok(pkg.problems.some((p) => p.where.includes('PrecedenceConstraints[') && /does not have/.test(p.message)));
});

test('fuzz: mutated corpus files only ever raise SsisError', () => {
  const sources = [v3, v8, ...['v2/linusamcm-source__msb_ssis2sql__SSMS-Import-from-Excel.dtsx', 'v6/BartekR__ssisUnitLearning__20_DataFlow.dtsx'].map((f) => readFileSync(join(CORPUS_DIR, f), 'utf8'))];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: sources.length - 1 }),
      fc.nat(),
      fc.nat({ max: 200 }),
      fc.string({ maxLength: 12 }),
      (which, at, cut, insert) => {
        const src = sources[which];
        const pos = at % src.length;
        const mutated = src.slice(0, pos) + insert + src.slice(pos + cut);
        try {
          readPackage(mutated, { fileName: 'fuzz.dtsx' });
        } catch (e) {
          if (!(e instanceof SsisError)) throw e;
        }
      },
    ),
    { seed: 20261125, numRuns: 400 },
  );
});

test('fuzz: well-formed packages with changed attribute values or removed elements only ever raise SsisError', () => {
  const sources = [v3, v8, readFileSync(join(CORPUS_DIR, 'v3', 'lucmilot__SSIS_2014_Book__XML_Source.dtsx'), 'utf8')];
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: sources.length - 1 }),
      fc.nat(),
      fc.oneof(fc.constantFrom('', '0', '-1', '99999', 'True', '{00000000-0000-0000-0000-000000000000}', 'Package\\Nope'), fc.string({ maxLength: 8 }).map((s) => s.replace(/["<&]/g, ''))),
      fc.boolean(),
      (which, at, value, removeElement) => {
        const src = sources[which];
        let mutated: string;
        if (removeElement) {
          const starts = [...src.matchAll(/<[A-Za-z][^>]*\/>/g)];
          const m = starts[at % starts.length];
          mutated = src.slice(0, m.index) + src.slice(m.index! + m[0].length);
        } else {
          const values = [...src.matchAll(/="([^"]*)"/g)];
          const m = values[at % values.length];
          mutated = src.slice(0, m.index! + 2) + value + src.slice(m.index! + 2 + m[1].length);
        }
        try {
          const pkg = readPackage(mutated, { fileName: 'fuzz.dtsx' });
          writePackage(pkg, { format: 8 });
        } catch (e) {
          if (!(e instanceof SsisError)) throw e;
        }
      },
    ),
    { seed: 424242, numRuns: 400 },
  );
});

test('a Foreach Loop without its enumerator is an upgrade problem', () => {
  const src = readFileSync(join(CORPUS_DIR, 'v6', 'lucmilot__SSIS_2014_Book__ForeachADOEnumerator.dtsx'), 'utf8');
  const broken = src.replace(/<DTS:ForEachEnumerator[\s\S]*?<\/DTS:ForEachEnumerator>/, '');
  assert.notEqual(broken, src);
  const pkg = readPackage(broken);
  assert.equal(pkg.problems.length, 1);
  assert.match(pkg.problems[0].message, /without an enumerator/);
});

test('missing required attributes of components, connection managers and variables are problems naming the line', () => {
  const lines = v8.split('\n');
  const classLine = lines.findIndex((l) => l.includes('componentClassID="Microsoft.OLEDBSource"'));
  const broken = v8.replace('componentClassID="Microsoft.OLEDBSource"', '').replace('DTS:CreationName="OLEDB"', '');
  const pkg = readPackage(broken);
  const messages = pkg.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /without a class/.test(m)), messages.join('; '));
  assert.ok(messages.some((m) => /without a type \(CreationName\)/.test(m)), messages.join('; '));
  const component = pkg.problems.find((p) => /without a class/.test(p.message))!;
  assert.ok(component.line !== undefined && component.line <= classLine + 1 && component.line >= classLine - 3);
});
