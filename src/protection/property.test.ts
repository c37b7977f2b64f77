import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { descendants, parseXml, serializeXml, serializeXmlToString, setText, textOf } from '../xml/index.ts';
import { decryptPackageXml, encryptPackageXml, encryptProjectXml, ProtectionLevel } from './index.ts';

const value = fc.string({ maxLength: 40, unit: 'grapheme' }).filter((s) => !/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\r]/.test(s));
const password = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' });

const PACKAGE = `<?xml version="1.0"?>
<DTS:Executable xmlns:DTS="www.microsoft.com/SqlServer/Dts" DTS:ProtectionLevel="0" DTS:ObjectName="P">
  <DTS:ConnectionManagers>
    <DTS:ConnectionManager DTS:ObjectName="c">
      <DTS:ObjectData>
        <DTS:ConnectionManager DTS:ConnectionString="x">
          <DTS:Password DTS:Name="Password" Sensitive="1">v</DTS:Password>
        </DTS:ConnectionManager>
      </DTS:ObjectData>
    </DTS:ConnectionManager>
  </DTS:ConnectionManagers>
</DTS:Executable>`;

test('any sensitive value encrypted with any password decrypts back, at both password levels and in both forms', () => {
  fc.assert(
    fc.property(value, password, fc.constantFrom(ProtectionLevel.EncryptSensitiveWithPassword, ProtectionLevel.EncryptAllWithPassword), fc.boolean(), (v, pw, level, projectForm) => {
      const doc = parseXml(PACKAGE, 'p.dtsx');
      setText(descendants(doc.root, 'DTS:Password')[0], v);
      const expected = serializeXmlToString(parseXml(serializeXml(doc), 'p.dtsx'));
      const protectedDoc = projectForm ? encryptProjectXml(doc, ProtectionLevel.EncryptSensitiveWithPassword, pw) : encryptPackageXml(doc, level, pw);
      const saved = parseXml(serializeXml(protectedDoc), 'saved.dtsx');
      if (v.length > 2) assert.ok(!serializeXmlToString(saved).includes(`>${v}<`), 'the value is not in clear');
      const back = decryptPackageXml(saved, pw).doc;
      assert.equal(textOf(descendants(back.root, 'DTS:Password')[0]), v);
      if (projectForm || level === ProtectionLevel.EncryptSensitiveWithPassword) {
        // Everything but the protection level attribute is as it was.
        assert.equal(serializeXmlToString(back).replace(/DTS:ProtectionLevel="\d"/, 'DTS:ProtectionLevel="0"'), expected);
      }
    }),
    { seed: 3, numRuns: 150 },
  );
});
