/** @module Where dtexec gets its package: a file (`/F`), msdb (`/SQL`), the SSIS Package Store (`/DTS`) or a project file (`/Proj` + `/Pack`), with the version's load rules. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SsisError } from '../../errors.ts';
import { readPackage } from '../../format/index.ts';
import type { IspacProject } from '../../project/index.ts';
import { packageSpec, type ConnectionSpec, type PackageSpec, type ParameterSpec } from '../../runtime/index.ts';
import { coerceToVariableType } from '../../runtime/variable-types.ts';
import type { ToolYear } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';
import type { DtexecCommand } from './command.ts';

/** A loaded package: the spec, the file relative paths are taken from, and the project it belongs to. */
export interface LoadedSource {
  readonly spec: PackageSpec;
  readonly file: string;
  readonly project?: IspacProject;
}

/** A load failure with the exit code dtexec gives: 4 not found, 5 cannot be loaded, 6 not supported from the command line. */
export class LoadFailure extends Error {
  readonly exit: number;
  readonly error: SsisError;
  constructor(exit: number, error: SsisError) {
    super(error.message);
    this.exit = exit;
    this.error = error;
  }
}

const missingFile = (path: string) =>
  new SsisError('0xC0011002', 'DTS_E_OPENPACKAGEFILE', `Failed to open package file "${path}" due to error 0x80070002 "The system cannot find the file specified.". This occurs when loading a package and the file cannot be opened or loaded correctly into the XML document. This can be the result of specifying an incorrect file name when calling LoadPackage or the specified XML file has an incorrect format.`);

/** Reads package bytes with the version's rules; an upgrade problem stops it (DTS_E_PACKAGEMIGRATIONFAILED). */
export function specOf(bytes: Uint8Array, fileName: string, tool: ToolYear, password?: string): PackageSpec {
  const pkg = readPackage(bytes, { fileName, tool, password });
  if (pkg.problems.length > 0) {
    throw new SsisError('0xC0016020', 'DTS_E_PACKAGEMIGRATIONFAILED', `Package migration from version ${pkg.sourceFormat} to version ${pkg.formatVersion} failed: ${pkg.problems.map((p) => p.message).join('; ')}`);
  }
  return packageSpec(pkg);
}

/** A package of a project with the project's parameters (`$Project::`) and connection managers added. */
export function projectPackageSpec(project: IspacProject, name: string, fileName: string, tool: ToolYear, password?: string): PackageSpec {
  const wanted = name.toLowerCase().replace(/\.dtsx$/, '');
  const member = project.packages.find((p) => p.name.toLowerCase().replace(/\.dtsx$/, '') === wanted);
  if (!member) {
    throw new LoadFailure(4, new SsisError('0xC001000E', 'DTS_E_PACKAGENOTFOUND', `The package "${name}" is not in the project "${fileName}"; it holds ${project.packages.map((p) => p.name).join(', ') || 'no packages'}.`));
  }
  const spec = specOf(member.data, `${fileName}\\${member.name}`, tool, password);
  const parameters: ParameterSpec[] = project.parameters.map((p) => {
    const dataType = p.variableType ?? 8;
    let value: unknown = p.value ?? null;
    try {
      value = p.value === undefined ? null : coerceToVariableType(p.value, dataType, `$Project::${p.name}`);
    } catch {
      value = p.value;
    }
    return { scope: 'Project', name: p.name, dataType, value, required: p.required, sensitive: p.sensitive };
  });
  const own = new Set(spec.connections.map((c) => c.id.toLowerCase()));
  const connections: ConnectionSpec[] = project.connectionManagers
    .filter((c) => !own.has(c.dtsId.toLowerCase()))
    .map((c) => ({ id: c.dtsId, name: c.name, creationName: c.creationName, connectionString: c.connectionString ?? '', properties: { ...c.properties }, propertyExpressions: { ...c.propertyExpressions } }));
  return { ...spec, parameters: [...spec.parameters, ...parameters], connections: [...spec.connections, ...connections] };
}

/** Loads the package a dtexec command names; throws LoadFailure with the exit code. */
export async function loadSource(cmd: DtexecCommand, tool: ToolYear, io: CliIo, mapPath: (path: string) => string): Promise<LoadedSource> {
  const source = cmd.source!;
  const wrap = (error: unknown, exit = 5): LoadFailure =>
    error instanceof LoadFailure ? error : new LoadFailure(error instanceof SsisError && error.symbol === 'DTS_E_PACKAGENOTFOUND' ? 4 : exit, error instanceof SsisError ? error : new SsisError('0xC0011002', 'DTS_E_OPENPACKAGEFILE', String(error)));
  if (source.kind === 'isserver') {
    throw new LoadFailure(6, new SsisError('0xC0011002', 'DTS_E_ISSERVERNOTSUPPORTED', '/ISServer (the SSIS catalog) is not supported yet by OpenDTS dtexec; use /File, /SQL, /DTS or /Project.'));
  }
  try {
    if (source.kind === 'file' || source.kind === 'project') {
      const file = resolve(io.cwd, mapPath(source.path));
      if (!existsSync(file)) throw new LoadFailure(5, missingFile(source.path));
      if (source.kind === 'file') return { spec: specOf(readFileSync(file), file, tool, cmd.decrypt), file };
      const { readIspac } = await import('../../project/index.ts');
      const project = await readIspac(readFileSync(file), file, { password: cmd.decrypt });
      return { spec: projectPackageSpec(project, cmd.packageName!, file, tool, cmd.decrypt), file, project };
    }
    const { loadFromStore } = await import('../../store/index.ts');
    const stored = await loadFromStore({ store: source.kind === 'dts' ? 'DTS' : 'SQL', server: cmd.server, path: source.path, user: cmd.user, password: cmd.password, year: tool, env: io.env });
    return { spec: specOf(stored.bytes, stored.source, tool, cmd.decrypt), file: resolve(io.cwd, 'package.dtsx') };
  } catch (error) {
    throw wrap(error);
  }
}
