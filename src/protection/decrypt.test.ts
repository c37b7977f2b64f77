import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SsisError } from '../errors.ts';
import { attr, childElements, descendants, firstChild, parseXml, serializeXml, serializeXmlToString, textOf, type XmlElement } from '../xml/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { decryptPackageXml, deriveKey, protectionLevelOf, ProtectionLevel, sensitiveValueUnavailable } from './index.ts';

const ENCRYPTED_ALL = 'other/rtumaykin__ssis-build__Package_221.dtsx';
const load = (rel: string) => parseXml(readFileSync(corpusFile(rel)), rel);

function byName(root: XmlElement, name: string, key: string): string[] {
  return descendants(root, name).map((e) => attr(e, key) ?? '').filter((x) => x !== '').sort();
}

test('the key derivation is CryptDeriveKey(SHA1, 192) over the UTF-8 password', () => {
  const key = deriveKey('ssis123');
  assert.equal(key.length, 24);
  assert.notDeepEqual(deriveKey('ssis124'), key);
  assert.deepEqual(deriveKey('ssis123'), key);
});

test('the package encrypted whole (EncryptAllWithPassword) decrypts with ssis123 to the same package as the v8 copy', () => {
  const encrypted = load(ENCRYPTED_ALL);
  assert.equal(protectionLevelOf(encrypted), ProtectionLevel.EncryptAllWithPassword);
  const result = decryptPackageXml(encrypted, 'ssis123');
  assert.equal(result.wholeDocument, true);
  assert.equal(result.level, ProtectionLevel.EncryptAllWithPassword);
  assert.deepEqual(result.unavailable, []);
  const root = result.doc.root;
  assert.equal(root.name, 'DTS:Executable');
  assert.equal(attr(root, 'DTS:ObjectName'), 'Package 221');
  // The prolog (BOM and declaration) is kept around the decrypted package.
  const bytes = Buffer.from(serializeXml(result.doc));
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.match(bytes.subarray(3, 40).toString('utf8'), /^<\?xml version="1.0"\?><DTS:Executable /);

  const v8 = load('v8/rtumaykin__ssis-build__Package_221.dtsx').root;
  const pkgFormat = (r: XmlElement) => textOf(childElements(r, 'DTS:Property').find((p) => attr(p, 'DTS:Name') === 'PackageFormatVersion')!);
  assert.equal(pkgFormat(root), pkgFormat(v8));
  assert.equal(attr(root, 'DTS:DTSID'), attr(v8, 'DTS:DTSID'));
  for (const [name, key] of [
    ['DTS:Executable', 'DTS:refId'],
    ['DTS:ConnectionManager', 'DTS:ObjectName'],
    ['DTS:Variable', 'DTS:ObjectName'],
  ]) {
    assert.deepEqual(byName(root, name, key), byName(v8, name, key), `${name} differ`);
  }
  // Documented differences: the encrypted file is a later revision of the same package (VersionBuild 29 against 24)
  // that adds a package parameter and a Derived Column (with its path) and renames a precedence constraint.
  assert.equal(attr(root, 'DTS:VersionBuild'), '29');
  assert.equal(attr(v8, 'DTS:VersionBuild'), '24');
  assert.deepEqual(byName(root, 'DTS:PackageParameter', 'DTS:ObjectName'), ['Source_Password']);
  assert.deepEqual(byName(v8, 'DTS:PackageParameter', 'DTS:ObjectName'), []);
  const components = (r: XmlElement) => byName(r, 'component', 'refId');
  assert.deepEqual(
    components(root).filter((c) => !components(v8).includes(c)),
    ['Package\\Data Flow Task\\Derived Column'],
  );
  assert.deepEqual(components(v8).filter((c) => !components(root).includes(c)), []);
});

test('sensitive values encrypted with a password (format 6 test vector) decrypt in place', () => {
  const doc = load('v6/rtumaykin__ssis-build__Package_221.dtsx');
  assert.equal(protectionLevelOf(doc), ProtectionLevel.EncryptSensitiveWithPassword);
  const result = decryptPackageXml(doc, 'ssis123');
  assert.equal(result.doc, doc);
  assert.equal(result.decrypted, 2);
  assert.equal(result.wholeDocument, false);
  assert.equal(descendants(doc.root, '{http://www.w3.org/2001/04/xmlenc#}EncryptedData').length, 0);
  const password = descendants(doc.root, 'DTS:Password')[0];
  assert.equal(textOf(password), 'db-01');
  assert.equal(attr(password, 'xmlns:DTS'), undefined, 'the inlined namespace declaration is dropped');
  const param = descendants(doc.root, 'DTS:PackageParameter').find((p) => attr(p, 'DTS:ObjectName') === 'Parameterwere')!;
  const value = childElements(param, 'DTS:Property')[0];
  assert.equal(attr(value, 'DTS:Name'), 'ParameterValue');
  assert.equal(attr(value, 'DTS:DataType'), '3');
  assert.equal(textOf(value), '2');
  // The rest of the document is untouched: it re-parses, and everything before the first value is byte-identical.
  const text = serializeXmlToString(doc);
  const original = readFileSync(corpusFile('v6/rtumaykin__ssis-build__Package_221.dtsx'), 'utf8');
  const cut = original.indexOf('<EncryptedData');
  assert.equal(text.slice(0, cut), original.slice(0, cut));
  parseXml(text, 'decrypted.dtsx');
});

test('a wrong password: 0xC0014037 DTS_E_PACKAGEPASSWORD for a whole package, 0xC001405F DTS_E_DECRYPTXML_PASSWORD for values', () => {
  assert.throws(
    () => decryptPackageXml(load(ENCRYPTED_ALL), 'ssis124'),
    (e) => e instanceof SsisError && e.code === '0xC0014037' && e.symbol === 'DTS_E_PACKAGEPASSWORD' && /password was not specified, or is not correct/.test(e.message),
  );
  assert.throws(
    () => decryptPackageXml(load('v6/rtumaykin__ssis-build__Package_221.dtsx'), 'ssis124'),
    (e) =>
      e instanceof SsisError &&
      e.code === '0xC001405F' &&
      e.symbol === 'DTS_E_DECRYPTXML_PASSWORD' &&
      /Failed to decrypt an encrypted XML node .* \(<EncryptedData> of Package\.ConnectionManagers\[source\] \(line 268\)\)/.test(e.message),
  );
});

test('with wrongPassword: skip, a wrong password leaves the values out and the load continues, as SSIS does', () => {
  const doc = load('v6/rtumaykin__ssis-build__Package_221.dtsx');
  const result = decryptPackageXml(doc, 'ssis124', { wrongPassword: 'skip' });
  assert.equal(result.decrypted, 0);
  assert.deepEqual(result.unavailable.map((u) => [u.reason, u.code]), [['wrong-password', '0xC001405F'], ['wrong-password', '0xC001405F']]);
  assert.match(result.unavailable[0].message, /^Failed to decrypt an encrypted XML node because the password was not specified or not correct\./);
  // Whole packages still fail.
  assert.throws(() => decryptPackageXml(load(ENCRYPTED_ALL), 'ssis124', { wrongPassword: 'skip' }), (e) => e instanceof SsisError && e.code === '0xC0014037');
});

test('a package encrypted whole needs the password; sensitive values without it are reported as missing', () => {
  assert.throws(() => decryptPackageXml(load(ENCRYPTED_ALL)), (e) => e instanceof SsisError && e.code === '0xC0014037' && /no password was given/.test(e.message));
  const result = decryptPackageXml(load('v6/rtumaykin__ssis-build__Package_221.dtsx'));
  assert.equal(result.decrypted, 0);
  assert.deepEqual(result.unavailable.map((u) => u.reason), ['no-password', 'no-password']);
  assert.match(result.unavailable[0].message, /Package\.ConnectionManagers\[source\]/);
});

test('values encrypted with a Windows user key are reported, left in place, and the rest loads', () => {
  const rel = 'v6/lucmilot__SSIS_2014_Book__Package.dtsx';
  const doc = load(rel);
  const result = decryptPackageXml(doc, 'anything');
  assert.equal(result.unavailable.length, 4);
  for (const u of result.unavailable) {
    assert.equal(u.reason, 'user-key');
    assert.equal(u.code, '0xC0016016');
    assert.equal(u.symbol, 'DTS_E_UNPROTECTXMLFAILED');
    assert.ok(sensitiveValueUnavailable(u.element));
    assert.match(u.message, /^Failed to decrypt protected XML node "[^"]+" with error 0x8009000B "Key not valid for use in specified state\."\. /);
    assert.match(u.message, /Windows user key .* treated as missing/);
  }
  assert.match(result.unavailable[0].location, /Name="ServerPassword"> of Package\.ConnectionManagers\[FTP Connection Manager\] \(line \d+\)/);
  // Nothing was changed: the file saves back byte for byte.
  assert.deepEqual(Buffer.from(serializeXml(result.doc)), readFileSync(corpusFile(rel)));
});

test('a document encrypted whole with a user key is refused with 0xC0014060', () => {
  const doc = parseXml(
    '<?xml version="1.0"?><EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#"><CipherData><CipherValue>AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAAabc=</CipherValue></CipherData></EncryptedData>',
    'userkey.dtsx',
  );
  assert.equal(protectionLevelOf(doc), ProtectionLevel.EncryptAllWithUserKey);
  assert.throws(() => decryptPackageXml(doc, 'x'), (e) => e instanceof SsisError && e.code === '0xC0014060' && e.symbol === 'DTS_E_DECRYPTPACKAGE_USERKEY');
});

// Test vectors from rtumaykin/ssis-build (Apache-2.0) sample project, password "ssis123" (reference §6.4).
const CONMGR_VECTOR = `<?xml version="1.0"?>
<DTS:ConnectionManager xmlns:DTS="www.microsoft.com/SqlServer/Dts"
  DTS:ObjectName="db-01 msdb">
  <DTS:ObjectData>
    <DTS:ConnectionManager
      DTS:ConnectionString="Data Source=db-01;User ID=sa;Initial Catalog=msdb;">
      <DTS:Password
        DTS:Name="Password"
        Sensitive="1"
        p4:Salt="m3bNfFshBg=="
        p4:IV="Xy+UAWKJ71A=" xmlns:p4="www.microsoft.com/SqlServer/SSIS">zxfZBGrK57N99PRIU4lPgB58CxWtFpDqK3wFyT2Wm6exRAJjEmdOFPG7xhpOqcXph/OVCxS0PVFufMXlF1XD7L87AyIdfr/TpHaOqt12K59/irCoaldbCKLEmxBEaavtVH99kRF5bsD02TdIMLZWdvHQhc5K1h/h1s1be+dTzMI=</DTS:Password>
    </DTS:ConnectionManager>
  </DTS:ObjectData>
</DTS:ConnectionManager>`;

const PARAMS_VECTOR = `<?xml version="1.0"?>
<SSIS:Parameters xmlns:SSIS="www.microsoft.com/SqlServer/SSIS">
  <SSIS:Parameter
    SSIS:Name="SourceDBName">
    <SSIS:Properties>
      <SSIS:Property
        SSIS:Name="Sensitive">1</SSIS:Property>
      <SSIS:Property
        SSIS:Name="Value"
        SSIS:Sensitive="1"
        SSIS:Salt="epador5i2A=="
        SSIS:IV="0PJQ+7Nwxuw=">gGo7345pq07rm5e1VMMMYLU4x4OcHONBmq6QtTfsO3q1edVDeucZlwuyaXCdpPfazTs97AiqJ5yM0tc/7IK3xRHw6iIi5nT59IgtOhUF29GMcCL9MZHxtottfqkJ/0AcHq3brrgifVOaHPIfdyS9kxdPEiiYwiYK5dmYai6sBYs=</SSIS:Property>
    </SSIS:Properties>
  </SSIS:Parameter>
</SSIS:Parameters>`;

test('a .conmgr password in the attribute form decrypts (test vector)', () => {
  const doc = parseXml(CONMGR_VECTOR, 'db-01 msdb.conmgr');
  const result = decryptPackageXml(doc, 'ssis123');
  assert.equal(result.decrypted, 1);
  const password = descendants(doc.root, 'DTS:Password')[0];
  assert.equal(textOf(password), 'Rbylpvfhfekb1');
  assert.deepEqual(password.attributes.map((a) => a.name), ['DTS:Name', 'Sensitive']);
  assert.match(serializeXmlToString(doc), /<DTS:Password\n {8}DTS:Name="Password"\n {8}Sensitive="1">Rbylpvfhfekb1<\/DTS:Password>/);
  assert.throws(() => decryptPackageXml(parseXml(CONMGR_VECTOR, 'x.conmgr'), 'nope'), (e) => e instanceof SsisError && e.code === '0xC001405F');
});

test('a sensitive project parameter in the attribute form decrypts (test vector)', () => {
  const doc = parseXml(PARAMS_VECTOR, 'Project.params');
  decryptPackageXml(doc, 'ssis123');
  const value = descendants(doc.root, 'SSIS:Property').find((p) => attr(p, 'SSIS:Name') === 'Value')!;
  assert.equal(textOf(value), 'master');
  assert.equal(attr(value, 'SSIS:Salt'), undefined);
  assert.equal(attr(value, 'SSIS:Sensitive'), '1');
});

test('a project parameter holding a DPAPI blob is a user-key value', () => {
  const doc = parseXml(PARAMS_VECTOR.replace(/SSIS:Salt="[^"]*"\s+SSIS:IV="[^"]*">[^<]*/, '>AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAATY0f'), 'Project.params');
  const result = decryptPackageXml(doc, 'ssis123');
  assert.deepEqual(result.unavailable.map((u) => [u.reason, u.location]), [['user-key', '<SSIS:Property Name="Value"> of SourceDBName (line 8)']]);
  assert.ok(firstChild(doc.root, 'SSIS:Parameter'));
});
