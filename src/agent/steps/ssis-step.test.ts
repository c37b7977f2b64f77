// How a job step's command becomes dtexec's arguments, in the 2008 and in the 2012+ spelling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dtexecArgs } from './ssis-step.ts';

test('2008 commands pass through with their quotes', () => {
  assert.deepEqual(dtexecArgs('/FILE "C:\\ETL\\Load Sales.dtsx" /CHECKPOINTING OFF /REPORTING E'), ['/FILE', '"C:\\ETL\\Load Sales.dtsx"', '/CHECKPOINTING', 'OFF', '/REPORTING', 'E']);
  assert.deepEqual(dtexecArgs('/SET "\\Package.Variables[User::List].Value";"a;b"'), ['/SET', '"\\Package.Variables[User::List].Value";"a;b"']);
});

test('2012+ escaped quotes are one level of quoting', () => {
  assert.deepEqual(dtexecArgs('/FILE "\\"C:\\ETL\\Load.dtsx\\"" /CHECKPOINTING OFF /REPORTING E'), ['/FILE', '"C:\\ETL\\Load.dtsx"', '/CHECKPOINTING', 'OFF', '/REPORTING', 'E']);
  assert.deepEqual(dtexecArgs('/SET "\\"\\Package.Variables[User::Day].Value\\"";"\\"1\\""'), ['/SET', '"\\Package.Variables[User::Day].Value";"1"']);
  assert.deepEqual(dtexecArgs('/FILE "\\"/srv/My ETL/Load.dtsx\\"" /REPORTING E'), ['/FILE', '"/srv/My ETL/Load.dtsx"', '/REPORTING', 'E']);
});
