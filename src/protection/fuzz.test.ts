import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SsisError } from '../errors.ts';
import { parseXml } from '../xml/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { decryptPackageXml } from './index.ts';

const SOURCES = ['other/rtumaykin__ssis-build__Package_221.dtsx', 'v6/rtumaykin__ssis-build__Package_221.dtsx'].map((rel) => readFileSync(corpusFile(rel), 'utf8'));
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';

test('decrypting tampered cipher values fails only with the SSIS password errors', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: SOURCES.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: BASE64.length - 1 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 }),
      (which, edits) => {
        let text = SOURCES[which];
        // Edit inside the first CipherValue: replace, insert or delete base64 characters.
        const start = text.indexOf('<CipherValue>') + '<CipherValue>'.length;
        let end = text.indexOf('</CipherValue>', start);
        for (const [at, ch, op] of edits) {
          const i = start + Math.floor(at * (end - start));
          const c = BASE64[ch];
          text = op === 0 ? text.slice(0, i) + c + text.slice(i + 1) : op === 1 ? text.slice(0, i) + c + text.slice(i) : text.slice(0, i) + text.slice(i + 1);
          end = text.indexOf('</CipherValue>', start);
        }
        try {
          decryptPackageXml(parseXml(text, 'tampered.dtsx'), 'ssis123');
        } catch (e) {
          assert.ok(e instanceof SsisError, `not an SsisError: ${String(e)}`);
          assert.ok(['0xC0014037', '0xC001405F'].includes(e.code), e.code);
        }
      },
    ),
    { seed: 37, numRuns: 200 },
  );
});
