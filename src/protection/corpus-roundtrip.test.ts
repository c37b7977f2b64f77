import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseXml, serializeXml, serializeXmlToString, type XmlDocument } from '../xml/index.ts';
import { corpusFiles } from '../xml/test-corpus.ts';
import { unwrapParameterValue } from './sensitive.ts';
import { decryptPackageXml, encryptPackageXml, protectionLevelOf, ProtectionLevel, sensitiveElements, sensitiveValueUnavailable, setProtectionLevelInXml } from './index.ts';

/** The one corpus password (the rtumaykin project's). */
const CORPUS_PASSWORD = 'ssis123';
const PASSWORD_LEVELS = [ProtectionLevel.EncryptSensitiveWithPassword, ProtectionLevel.EncryptAllWithPassword] as const;
const FOLDERS = ['v2', 'v3', 'v6', 'v8'];
const packages = corpusFiles(FOLDERS, ['.dtsx']);

/** A corpus package as loaded, its password-encrypted values opened. */
function load(file: string): XmlDocument {
  return decryptPackageXml(parseXml(readFileSync(file), basename(file)), CORPUS_PASSWORD).doc;
}

/**
 * What decrypting must give back: the package with the new level written and its user-key values blank (they
 * cannot be read here, so they are saved empty).
 */
function expected(file: string, level: ProtectionLevel): XmlDocument {
  const doc = load(file);
  setProtectionLevelInXml(doc, level);
  for (const el of sensitiveElements(doc).filter(sensitiveValueUnavailable)) {
    el.attributes = el.attributes.filter((a) => a.name !== 'Encrypted');
    el.children = [];
    unwrapParameterValue(el);
  }
  return parseXml(serializeXml(doc), basename(file));
}

test('the corpus has packages of every format to protect', () => {
  for (const folder of FOLDERS) assert.ok(corpusFiles([folder], ['.dtsx']).length > 0, `no packages in ${folder}`);
});

for (const level of PASSWORD_LEVELS) {
  test(`every corpus package survives encryption at level ${level}, a save, and decryption`, () => {
    const failures: string[] = [];
    for (const file of packages) {
      try {
        const protectedDoc = encryptPackageXml(load(file), level, 'Pa$$w0rd');
        const saved = parseXml(serializeXml(protectedDoc), basename(file));
        assert.equal(protectionLevelOf(saved), level);
        const back = decryptPackageXml(saved, 'Pa$$w0rd');
        assert.deepEqual(back.unavailable, []);
        // Byte for byte: the envelope holds the package text as written, and each value's plaintext its element.
        assert.equal(serializeXmlToString(back.doc), serializeXmlToString(expected(file, level)));
      } catch (e) {
        failures.push(`${basename(file)}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
}
