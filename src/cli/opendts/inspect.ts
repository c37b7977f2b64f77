/** @module `opendts inspect FILE [--json] [--product-version V] [--password P]`: what a package holds and what OpenDTS cannot run. */
import { resolve } from 'node:path';
import type { CliIo } from '../io.ts';
import { errorLines, readPackageFile } from '../../format/index.ts';
import { assertRunnable, summarizePackage, type ExecutableSummary, type PackageSummary } from '../../package/index.ts';
import { resolveToolYear } from '../../versions/index.ts';

/** The component classes OpenDTS implements, in every spelling its plug-ins register (loaded when needed). */
async function implementedComponents(): Promise<Set<string>> {
  const { builtinComponents } = await import('../../components/index.ts');
  return new Set(builtinComponents.flatMap((c) => [c.classId, ...(c.aliases ?? [])]));
}

const USAGE = 'Usage: opendts inspect FILE [--json] [--product-version 2008|2012|2014] [--password P]';

function printTree(e: ExecutableSummary, depth: number, io: CliIo): void {
  const pad = '  '.repeat(depth + 1);
  io.out(`${pad}${e.name} [${e.kind}${e.classId && e.kind === 'Task' ? `: ${e.classId}` : ''}]${e.disabled ? ' (disabled)' : ''}`);
  for (const c of e.children) printTree(c, depth + 1, io);
  for (const pc of e.constraints) {
    io.out(`${pad}  -> ${pc.from} => ${pc.to} on ${pc.value}${pc.expression ? ` if ${pc.expression}` : ''}${pc.logicalAnd ? '' : ' (OR)'}`);
  }
}

function printText(s: PackageSummary, io: CliIo): void {
  io.out(`Package: ${s.name}${s.fileName ? ` (${s.fileName})` : ''}`);
  io.out(`Format: ${s.sourceFormat} (${s.sourceVersion})${s.formatVersion !== s.sourceFormat ? `, upgraded in memory to format ${s.formatVersion}` : ''}`);
  io.out(`Protection level: ${s.protectionLevelName} (${s.protectionLevel})`);
  io.out('Executables:');
  printTree(s.executables, 0, io);
  io.out(`Connection managers (${s.connectionManagers.length}):`);
  for (const cm of s.connectionManagers) io.out(`  ${cm.name} [${cm.type}] ${cm.connectionString ?? '(encrypted: missing)'}`);
  io.out(`Variables (${s.variables.length}):`);
  for (const v of s.variables) io.out(`  ${v.refId} (${v.typeName}) = ${v.value ?? '(none)'}${v.expression ? ` expression ${v.expression}` : ''}`);
  io.out(`Parameters (${s.parameters.length}):`);
  for (const p of s.parameters) io.out(`  $Package::${p.name} (${p.typeName}) = ${p.value ?? '(none)'}${p.required ? ' required' : ''}${p.sensitive ? ' sensitive' : ''}`);
  for (const df of s.dataFlows) {
    io.out(`Data flow ${df.refId}: ${df.components.length} components, ${df.paths.length} paths`);
    for (const c of df.components) io.out(`  ${c.name} [${c.classId}]`);
    for (const p of df.paths) io.out(`  ${p.start} -> ${p.end}`);
  }
  io.out(`Cannot run here (${s.cannotRun.length}):`);
  for (const c of s.cannotRun) io.out(`  ${c.refId}: ${c.reason}`);
  if (s.problems.length > 0) {
    io.out(`Upgrade problems (${s.problems.length}); the package cannot run until they are fixed:`);
    for (const p of s.problems) io.out(`  ${p.where}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`);
  }
}

/** Runs `opendts inspect`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  let file: string | undefined;
  let json = false;
  let flag: string | undefined;
  let password: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--product-version') flag = args[++i];
    else if (a === '--password') password = args[++i];
    else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('--') || file !== undefined) {
      io.err(`opendts inspect: unexpected argument "${a}".`);
      io.err(USAGE);
      return 1;
    } else file = a;
  }
  if (file === undefined) {
    io.err(USAGE);
    return 1;
  }
  try {
    const tool = resolveToolYear({ pinned: io.env.OPENDTS_PINNED_VERSION, flag, env: io.env.OPENDTS_PRODUCT_VERSION });
    const pkg = readPackageFile(resolve(io.cwd, file), { tool, password });
    const implemented = await implementedComponents();
    const summary = summarizePackage(pkg, { componentAvailable: (classId) => implemented.has(classId) });
    summary.fileName = file;
    if (json) io.out(JSON.stringify(summary, null, 2));
    else printText(summary, io);
    // A package whose reading met problems is shown, but the command fails, naming each problem's file and line.
    if (pkg.problems.length === 0) return 0;
    try {
      assertRunnable(pkg);
    } catch (e) {
      for (const line of errorLines(e)) io.err(line);
    }
    return 1;
  } catch (e) {
    for (const line of errorLines(e)) io.err(line);
    return 1;
  }
}
