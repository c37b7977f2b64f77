import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SsisError } from '../errors.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { readConnectionManagerFile, readDeploymentManifest, readDtproj, readDtsConfig, readIspac, readProjectParams } from './index.ts';

const READERS: [string, (b: Uint8Array) => unknown][] = [
  ['other/lucmilot__SSIS_2014_Book__Config.dtsConfig', (b) => readDtsConfig(b, 'f.dtsConfig')],
  ['other/lucmilot__SSIS_2014_Book__Project.params', (b) => readProjectParams(b, 'Project.params', { password: 'x' })],
  ['other/arcanecode__Managing_SSIS_Projects__SourceDB.conmgr', (b) => readConnectionManagerFile(b, 'f.conmgr')],
  ['other/lucmilot__SSIS_2014_Book__SFSSUG.dtproj', (b) => readDtproj(b, 'f.dtproj', { password: 'x' })],
  ['other/linusamcm-source__msb_ssis2sql__Tutorial-Sample-1.SSISDeploymentManifest', (b) => readDeploymentManifest(b, 'f.SSISDeploymentManifest')],
];
const SOURCES = READERS.map(([rel]) => readFileSync(corpusFile(rel)));

function mutate(bytes: Buffer, at: number, length: number, insert: number[]): Buffer {
  const i = Math.floor(at * bytes.length);
  return Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(Math.min(bytes.length, i + length))]);
}

const edit = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 120 }), fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 }));

test('project file readers fail only with SsisError on mutated corpus files', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: READERS.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
      let bytes: Buffer = SOURCES[which];
      for (const [at, length, insert] of edits) bytes = mutate(bytes, at, length, insert);
      try {
        READERS[which][1](bytes);
      } catch (e) {
        assert.ok(e instanceof SsisError, `${READERS[which][0]}: not an SsisError: ${String(e)}`);
      }
    }),
    { seed: 120, numRuns: 600 },
  );
});

test('the .ispac reader fails only with SsisError on mutated archives', async () => {
  const ispac = readFileSync(corpusFile('other/johnwelch__ssisUnit__ISPACTesting.ispac'));
  await fc.assert(
    fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 2 }), async (edits) => {
      let bytes: Buffer = ispac;
      for (const [at, length, insert] of edits) bytes = mutate(bytes, at, Math.min(length, 8), insert);
      try {
        await readIspac(bytes, 'f.ispac');
      } catch (e) {
        assert.ok(e instanceof SsisError, `not an SsisError: ${String(e)}`);
      }
    }),
    { seed: 110, numRuns: 150 },
  );
});
