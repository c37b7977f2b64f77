import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SsisError } from '../errors.ts';
import { attr, descendants, parseXml, serializeXml, serializeXmlToString, setText, textOf, type XmlDocument } from '../xml/index.ts';
import { corpusFile } from '../xml/test-corpus.ts';
import { shapeOf } from '../xml/test-shape.ts';
import { decryptPackageXml, encryptPackageXml, encryptProjectXml, protectionLevelOf, ProtectionLevel, sensitiveElements } from './index.ts';

const XMLENC = '{http://www.w3.org/2001/04/xmlenc#}EncryptedData';

/** The v6 test package, decrypted: a password and a sensitive parameter in clear. */
function plainPackage(): XmlDocument {
  const doc = parseXml(readFileSync(corpusFile('v6/rtumaykin__ssis-build__Package_221.dtsx')), 'Package 221.dtsx');
  return decryptPackageXml(doc, 'ssis123').doc;
}

/** Saves and loads again, as a real save would. */
function saved(doc: XmlDocument): XmlDocument {
  return parseXml(serializeXml(doc), 'saved.dtsx');
}

test('EncryptSensitiveWithPassword encrypts each sensitive value; decrypting gives the same package back', () => {
  const plain = plainPackage();
  const before = serializeXmlToString(plain);
  assert.equal(sensitiveElements(plain).length, 2);
  const out = saved(encryptPackageXml(plain, ProtectionLevel.EncryptSensitiveWithPassword, 'p@ss'));
  assert.equal(protectionLevelOf(out), ProtectionLevel.EncryptSensitiveWithPassword);
  assert.equal(descendants(out.root, XMLENC).length, 2);
  assert.equal(descendants(out.root, 'DTS:Password').length, 0);
  assert.doesNotMatch(serializeXmlToString(out), /db-01<\/DTS:Password>/);
  // The sensitive parameter keeps an empty ParameterValue property around its EncryptedData, as SSIS writes it.
  const param = descendants(out.root, 'DTS:PackageParameter').find((p) => attr(p, 'DTS:ObjectName') === 'Parameterwere')!;
  const shell = descendants(param, 'DTS:Property')[0];
  assert.deepEqual(shell.attributes.map((a) => [a.name, a.value]), [['DTS:Name', 'ParameterValue']]);
  assert.equal(descendants(shell, XMLENC).length, 1);
  const back = decryptPackageXml(out, 'p@ss');
  assert.equal(back.decrypted, 2);
  assert.equal(serializeXmlToString(back.doc), before);
  assert.throws(() => decryptPackageXml(saved(encryptPackageXml(plainPackage(), ProtectionLevel.EncryptSensitiveWithPassword, 'p@ss')), 'other'), SsisError);
});

test('EncryptAllWithPassword wraps the whole package; decrypting gives the same package back', () => {
  const plain = plainPackage();
  const out = saved(encryptPackageXml(plain, ProtectionLevel.EncryptAllWithPassword, 'p@ss'));
  assert.equal(out.root.localName, 'EncryptedData');
  assert.equal(out.bom, true);
  assert.doesNotMatch(serializeXmlToString(out), /DTS:Executable/);
  const back = decryptPackageXml(out, 'p@ss');
  assert.equal(back.wholeDocument, true);
  assert.equal(back.level, ProtectionLevel.EncryptAllWithPassword);
  assert.equal(textOf(descendants(back.doc.root, 'DTS:Password')[0]), 'db-01');
  assert.deepEqual(shapeOf(back.doc.root), shapeOf(plain.root));
});

test('DontSaveSensitive blanks the sensitive values and records the level', () => {
  const out = saved(encryptPackageXml(plainPackage(), ProtectionLevel.DontSaveSensitive));
  assert.equal(protectionLevelOf(out), ProtectionLevel.DontSaveSensitive);
  assert.equal(textOf(descendants(out.root, 'DTS:Password')[0]), '');
  assert.equal(attr(out.root, 'DTS:ProtectionLevel'), '0');
});

test('a 2008-format package keeps its level in a DTS:Property element', () => {
  const doc = parseXml(readFileSync(corpusFile('v3/lucmilot__SSIS_2014_Book__WMI_EventWatcher__Package.dtsx')), 'w.dtsx');
  assert.equal(protectionLevelOf(doc), ProtectionLevel.EncryptSensitiveWithUserKey);
  const out = saved(encryptPackageXml(doc, ProtectionLevel.EncryptSensitiveWithPassword, 'pw'));
  assert.equal(protectionLevelOf(out), ProtectionLevel.EncryptSensitiveWithPassword);
  assert.equal(attr(out.root, 'DTS:ProtectionLevel'), undefined);
  // The user-key values could not be decrypted, so they are saved blank (encrypted with the new password).
  const result = decryptPackageXml(out, 'pw');
  assert.equal(result.decrypted, 2);
  assert.deepEqual(result.unavailable, []);
  const values = descendants(result.doc.root).filter((e) => attr(e, 'Sensitive') === '1');
  assert.deepEqual(values.map((e) => [textOf(e), attr(e, 'Encrypted')]), [['', undefined], ['', undefined]]);
});

test('levels that cannot be saved here are refused with SSIS codes', () => {
  assert.throws(() => encryptPackageXml(plainPackage(), ProtectionLevel.EncryptSensitiveWithUserKey, 'x'), (e) => e instanceof SsisError && e.code === '0xC0014035' && /DPAPI/.test(e.message));
  assert.throws(() => encryptPackageXml(plainPackage(), ProtectionLevel.EncryptAllWithUserKey), (e) => e instanceof SsisError && e.code === '0xC0014035');
  assert.throws(() => encryptPackageXml(plainPackage(), ProtectionLevel.ServerStorage), (e) => e instanceof SsisError && e.code === '0xC0014061');
  assert.throws(() => encryptPackageXml(plainPackage(), ProtectionLevel.EncryptAllWithPassword), (e) => e instanceof SsisError && e.code === '0xC001405E' && e.symbol === 'DTS_E_PACKAGEPASSWORDEMPTY');
  const stillEncrypted = parseXml(readFileSync(corpusFile('v6/rtumaykin__ssis-build__Package_221.dtsx')), 'p.dtsx');
  assert.throws(() => encryptPackageXml(stillEncrypted, ProtectionLevel.EncryptAllWithPassword, 'x'), (e) => e instanceof SsisError && /decrypt it/.test(e.message));
});

test('project files: sensitive values are encrypted in the attribute form and decrypt back', () => {
  const params = parseXml(readFileSync(corpusFile('other/lucmilot__SSIS_2014_Book__Project.params')), 'Project.params');
  const flags = descendants(params.root, 'SSIS:Property').filter((p) => attr(p, 'SSIS:Name') === 'Sensitive');
  setText(flags[0], '1');
  const valueBefore = textOf(descendants(params.root, 'SSIS:Property').filter((p) => attr(p, 'SSIS:Name') === 'Value')[0]);
  const out = saved(encryptProjectXml(params, ProtectionLevel.EncryptSensitiveWithPassword, 'pw'));
  const value = descendants(out.root, 'SSIS:Property').filter((p) => attr(p, 'SSIS:Name') === 'Value')[0];
  assert.equal(attr(value, 'SSIS:Sensitive'), '1');
  assert.ok(attr(value, 'SSIS:Salt') && attr(value, 'SSIS:IV'));
  assert.notEqual(textOf(value), valueBefore);
  decryptPackageXml(out, 'pw');
  assert.equal(textOf(value), valueBefore);
  assert.equal(attr(value, 'SSIS:IV'), undefined);

  const conmgr = parseXml(
    '<?xml version="1.0"?>\n<DTS:ConnectionManager xmlns:DTS="www.microsoft.com/SqlServer/Dts" DTS:ObjectName="c"><DTS:ObjectData><DTS:ConnectionManager DTS:ConnectionString="x"><DTS:Password DTS:Name="Password" Sensitive="1">secret</DTS:Password></DTS:ConnectionManager></DTS:ObjectData></DTS:ConnectionManager>',
    'c.conmgr',
  );
  const text = serializeXmlToString(conmgr);
  const enc = saved(encryptProjectXml(conmgr, ProtectionLevel.EncryptSensitiveWithPassword, 'pw'));
  assert.match(serializeXmlToString(enc), /<DTS:Password DTS:Name="Password" Sensitive="1" xmlns:p4="www\.microsoft\.com\/SqlServer\/SSIS" p4:Salt="[^"]+" p4:IV="[^"]+">[A-Za-z0-9+/=]+<\/DTS:Password>/);
  assert.equal(attr(enc.root, 'DTS:ProtectionLevel'), undefined, 'a .conmgr does not record a level');
  decryptPackageXml(enc, 'pw');
  assert.equal(serializeXmlToString(enc), text);
});

test('a sensitive parameter holding a user-key value is saved blank, unwrapped to the form of a value in clear', () => {
  const doc = parseXml(readFileSync(corpusFile('v6/BartekR__ssisUnitLearning__01_OnlyParametersAndVariables.dtsx')), 'p.dtsx');
  const back = decryptPackageXml(saved(encryptPackageXml(doc, ProtectionLevel.EncryptSensitiveWithPassword, 'pw')), 'pw');
  assert.deepEqual(back.unavailable, []);
  const param = descendants(back.doc.root, 'DTS:PackageParameter').find((p) => attr(p, 'DTS:ObjectName') === 'pPackageSensitiveParameter')!;
  const values = descendants(param, 'DTS:Property');
  assert.deepEqual(values.map((v) => [v.parent === param, attr(v, 'Encrypted'), textOf(v)]), [[true, undefined, '']]);
});
