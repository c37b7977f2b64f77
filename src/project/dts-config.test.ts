import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SsisError } from '../errors.ts';
import { corpusFile, corpusFiles } from '../xml/test-corpus.ts';
import { readDtsConfig, readDtsConfigFile } from './index.ts';

test('every corpus .dtsConfig reads, each entry with a package path, a type and a value', () => {
  const files = corpusFiles(['other'], ['.dtsConfig']);
  assert.ok(files.length >= 5);
  for (const f of files) {
    const config = readDtsConfig(readFileSync(f), basename(f));
    assert.ok(config.configurations.length >= 1, basename(f));
    for (const c of config.configurations) {
      assert.equal(c.configuredType, 'Property');
      assert.match(c.path, /^\\Package\./);
      assert.ok(c.valueType.length > 0);
      assert.ok(c.line >= 1);
    }
  }
});

test('a configuration file gives its heading and entries exactly', () => {
  const config = readDtsConfig(readFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__Config.dtsConfig')), 'Config.dtsConfig');
  assert.deepEqual(config.heading, {
    generatedBy: 'SSISMVP-RC0\\MVP',
    generatedFromPackageName: 'ConfigFiles',
    generatedFromPackageId: '{D1A65B15-5EB7-486D-B396-B204B0D2CB42}',
    generatedDate: '9/26/2011 12:24:09 PM',
  });
  assert.deepEqual(config.configurations, [
    { configuredType: 'Property', path: '\\Package.Variables[User::strMessage].Properties[Value]', valueType: 'String', configuredValue: 'Config File Changed Value', line: 6 },
  ]);
});

test('a file that is not a configuration, or a bad entry, is refused with SSIS configuration codes', () => {
  assert.throws(() => readDtsConfig('<Other/>', 'x.dtsConfig'), (e) => e instanceof SsisError && e.code === '0xC0012019' && /not a package configuration file/.test(e.message));
  assert.throws(
    () => readDtsConfig('<DTSConfiguration>\n<Configuration ConfiguredType="Property" ValueType="String"/></DTSConfiguration>', 'x.dtsConfig'),
    (e) => e instanceof SsisError && e.code === '0xC0012019' && e.location?.line === 2,
  );
  assert.throws(
    () => readDtsConfig('<DTSConfiguration><Configuration Path="Package.Variables[X]"/></DTSConfiguration>', 'x.dtsConfig'),
    (e) => e instanceof SsisError && e.code === '0xC0012018' && /does not begin with package delimiter/.test(e.message),
  );
  assert.throws(() => readDtsConfig('<DTSConfiguration>', 'x.dtsConfig'), (e) => e instanceof SsisError && e.code === '0xC0011007');
});

test('readDtsConfigFile reads a file by path (any encoding the XML declares) and names a missing one with SSIS\'s code', () => {
  const corpus = corpusFile('other/lucmilot__SSIS_2014_Book__Config.dtsConfig');
  assert.deepEqual(readDtsConfigFile(corpus).configurations, readDtsConfig(readFileSync(corpus), corpus).configurations);
  const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
  try {
    const utf16 = join(dir, 'wide.dtsConfig');
    const text = '<?xml version="1.0" encoding="utf-16"?>\r\n<DTSConfiguration><Configuration ConfiguredType="Property" Path="\\Package.Properties[MaxErrorCount]" ValueType="Int32"><ConfiguredValue>5</ConfiguredValue></Configuration></DTSConfiguration>';
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    assert.deepEqual(
      readDtsConfigFile(utf16).configurations.map((c) => [c.path, c.valueType, c.configuredValue]),
      [['\\Package.Properties[MaxErrorCount]', 'Int32', '5']],
    );
    const missing = join(dir, 'missing.dtsConfig');
    assert.throws(
      () => readDtsConfigFile(missing),
      (e) => e instanceof SsisError && e.code === '0x80012014' && e.symbol === 'DTS_W_CONFIGFILENOTFOUND' && e.message.includes(`"${missing}" cannot be found`),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
