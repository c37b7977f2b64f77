/** @module `opendts upgrade FILE --out FILE [--to 2012|2014]`: the permanent upgrade of a package to a newer format. */
import { renameSync, writeFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../io.ts';
import { errorLines, readPackageFile, writePackage } from '../../format/index.ts';
import type { WritableFormat } from '../../package/index.ts';
import { parseToolYear, versionOfFormat, versionOfYear } from '../../versions/index.ts';

const USAGE = 'Usage: opendts upgrade FILE --out FILE [--to 2012|2014] [--password P]';

/** Runs `opendts upgrade`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let out: string | undefined;
  let to = '2014';
  let password: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out') out = args[++i];
    else if (a === '--to') to = args[++i] ?? '';
    else if (a === '--password') password = args[++i];
    else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('--') || file !== undefined) {
      io.err(`opendts upgrade: unexpected argument "${a}".`);
      io.err(USAGE);
      return 1;
    } else file = a;
  }
  if (file === undefined || out === undefined) {
    io.err(USAGE);
    return 1;
  }
  const year = parseToolYear(to);
  if (year !== 2012 && year !== 2014) {
    io.err(`opendts upgrade: --to must be 2012 or 2014 (the formats a package is upgraded to), not "${to}".`);
    return 1;
  }
  const target = versionOfYear(year).packageFormat as WritableFormat;
  const outPath = resolve(io.cwd, out);
  const tmp = `${outPath}.opendts-tmp`;
  try {
    // Read as the newest tool so that a package newer than the target gets the downgrade message, not a load error.
    const pkg = readPackageFile(resolve(io.cwd, file), { tool: 2014, password });
    const from = versionOfFormat(pkg.sourceFormat);
    if (pkg.sourceFormat > target) {
      io.err(`opendts upgrade: "${file}" is already of format ${pkg.sourceFormat} (${from?.productName}); it cannot be downgraded to format ${target} (SQL Server ${year}).`);
      return 1;
    }
    if (pkg.sourceFormat === target) {
      io.err(`opendts upgrade: "${file}" is already of format ${target} (SQL Server ${year}); nothing to upgrade, nothing written.`);
      return 1;
    }
    const bytes = writePackage(pkg, { format: target });
    writeFileSync(tmp, bytes);
    renameSync(tmp, outPath);
    io.out(`Upgraded "${file}" from format ${pkg.sourceFormat} (${from?.productName}) to format ${target} (SQL Server ${year}): ${out}`);
    return 0;
  } catch (e) {
    rmSync(tmp, { force: true });
    for (const line of errorLines(e)) io.err(line);
    return 1;
  }
}
