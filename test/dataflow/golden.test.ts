// Golden data flows written as packages in the 2014, 2012 and 2008 formats and run by dtexec of the matching version; outputs compared byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIo } from '../../src/cli/io.ts';
import { runTool } from '../../src/cli/main.ts';
import { dataFlowPackage } from '../../src/dataflow/dtsx-writer.ts';
import { readPackage, writePackage } from '../../src/format/index.ts';
import { GOLDEN_FLOWS } from './golden-flows.ts';

const FORMATS = [
  { format: 8, year: 2014 },
  { format: 6, year: 2012 },
  { format: 3, year: 2008 },
] as const;

/** The package text of a flow in a format (2012 and 2008 through the package writer's conversions). */
function packageBytes(text: string, format: 3 | 6 | 8): Uint8Array {
  if (format === 8) return Buffer.from(text);
  const pkg = readPackage(Buffer.from(text), { fileName: 'golden.dtsx' });
  (pkg as { sourceFormat: number }).sourceFormat = format;
  return writePackage(pkg, { format });
}

for (const flow of GOLDEN_FLOWS) {
  for (const { format, year } of FORMATS) {
    test(`${flow.name}: format ${format} package run by dtexec ${year}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'opendts-'));
      try {
        for (const [name, text] of Object.entries(flow.inputs)) writeFileSync(join(dir, name), text);
        const file = join(dir, `${flow.name}.dtsx`);
        writeFileSync(file, packageBytes(dataFlowPackage(flow.name, flow.model, flow.connections, flow.variables), format));
        const head = readFileSync(file, 'utf8').slice(0, 2000);
        assert.match(head, new RegExp(`PackageFormatVersion">${format}<`));
        const io = memoryIo({ OPENDTS_PRODUCT_VERSION: String(year) }, dir);
        const code = await runTool('dtexec', ['/F', file], io);
        assert.equal(code, 0, io.stdout.join('\n'));
        for (const [name, text] of Object.entries(flow.expected(year))) {
          assert.ok(existsSync(join(dir, name)), `${name} was not written`);
          const actual = readFileSync(join(dir, name), 'latin1');
          assert.equal(name === 'all.csv' ? actual.split('\r\n').sort().join('\r\n') : actual, name === 'all.csv' ? text.split('\r\n').sort().join('\r\n') : text, name);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}
