import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SsisError } from '../errors.ts';
import { parseXml, serializeXml } from './index.ts';
import { corpusFile } from './test-corpus.ts';

const SOURCES = [
  'v2/linusamcm-source__msb_ssis2sql__SSMS-Import-from-Excel.dtsx',
  'v3/johnwelch__ssisUnit__AmpersandTest.dtsx',
  'v6/lucmilot__SSIS_2014_Book__04_TransactionDemo.dtsx',
  'v8/7045kHz__dtsx__WMIDataReader.dtsx',
  'other/lucmilot__SSIS_2014_Book__Project.params',
  'other/ceeae__SSIS_NDM_DTSX_PRD_TNS__A_Time_Period.dtsConfig',
].map((rel) => readFileSync(corpusFile(rel)));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] };

const INTERESTING = [0x3c, 0x3e, 0x2f, 0x26, 0x22, 0x27, 0x3d, 0x3a, 0x3f, 0x21, 0x5b, 0x5d, 0x2d, 0x3b, 0x23, 0x0d, 0x0a, 0x00, 0xff, 0xc3];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.constantFrom(...INTERESTING), { minLength: 1, maxLength: 6 }) }),
) as fc.Arbitrary<Mutation>;

function apply(bytes: Buffer, mutations: Mutation[]): Buffer {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * b.length);
    if (m.kind === 'truncate') b = b.subarray(0, at);
    else if (m.kind === 'flip') {
      if (at < b.length) b[at] = m.value;
    } else if (m.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
    else b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
  }
  return b;
}

test('mutated corpus files either parse (and then round-trip) or fail with an SsisError naming the place', { timeout: 120_000 }, () => {
  let failures = 0;
  let successes = 0;
  fc.assert(
    fc.property(fc.integer({ min: 0, max: SOURCES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
      const input = apply(SOURCES[which], mutations);
      let doc;
      try {
        doc = parseXml(input, 'fuzz.dtsx');
      } catch (e) {
        assert.ok(e instanceof SsisError, `not an SsisError: ${String(e)}`);
        assert.equal(e.code, '0xC0011007');
        assert.equal(e.location?.file, 'fuzz.dtsx');
        assert.ok((e.location?.line ?? 0) >= 1 && (e.location?.column ?? 0) >= 1);
        failures++;
        return;
      }
      successes++;
      assert.deepEqual(Buffer.from(serializeXml(doc)), input);
    }),
    { seed: 20141114, numRuns: 1500 },
  );
  // Both outcomes must have been exercised for the test to mean anything.
  assert.ok(failures > 0 && successes > 0, `failures ${failures}, successes ${successes}`);
});
