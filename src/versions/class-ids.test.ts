import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalClassId, classIdForFormat, lookupClassId } from './class-ids.ts';

test('every spelling of a component maps to the 2014 moniker', () => {
  for (const s of ['{2932025B-AB99-40F6-B5B8-783A73F80E24}', '{49928E82-9C4E-49F0-AABE-3812B82707EC}', 'DTSTransform.DerivedColumn.3', 'Microsoft.DerivedColumn', '{9cf90bf0-5bcc-4c63-b91d-1f322dc12c26}']) {
    assert.equal(canonicalClassId(s, 'component'), 'Microsoft.DerivedColumn', s);
  }
  assert.equal(canonicalClassId('Acme.Widget', 'component'), 'Acme.Widget');
});

test('executables: versioned .NET names, ProgIDs and GUIDs', () => {
  assert.equal(canonicalClassId('Microsoft.SqlServer.Dts.Tasks.ExecuteSQLTask.ExecuteSQLTask, Microsoft.SqlServer.SQLTask, Version=10.0.0.0, Culture=neutral, PublicKeyToken=89845dcd8080cc91', 'executable'), 'Microsoft.ExecuteSQLTask');
  assert.equal(canonicalClassId('SSIS.Package.2', 'executable'), 'Microsoft.Package');
  assert.equal(canonicalClassId('{E3CFBEA8-1F48-40D8-91E1-2DEDC1EDDD56}', 'executable'), 'Microsoft.Pipeline');
  assert.equal(canonicalClassId('MSDTS.Package.1', 'executable'), 'Microsoft.Package');
});

test('spelling per format', () => {
  assert.equal(classIdForFormat('Microsoft.Package', 6), 'SSIS.Package.3');
  assert.equal(classIdForFormat('Microsoft.Package', 8), 'Microsoft.Package');
  assert.equal(classIdForFormat('Microsoft.DerivedColumn', 6), '{49928E82-9C4E-49F0-AABE-3812B82707EC}');
  assert.match(classIdForFormat('Microsoft.ExecuteSQLTask', 6), /^Microsoft\.SqlServer\.Dts\.Tasks\.ExecuteSQLTask\.ExecuteSQLTask, Microsoft\.SqlServer\.SQLTask, Version=11\.0\.0\.0,/);
  assert.equal(classIdForFormat('Acme.Widget', 8, 'Acme.Widget, Acme'), 'Acme.Widget, Acme');
  assert.equal(lookupClassId('DTS.LogProviderSQLServer.2', 'logProvider')?.canonical, 'Microsoft.LogProviderSQLServer');
});
