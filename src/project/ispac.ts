/**
 * @module Reading and writing `.ispac` project deployment files: an OPC zip holding `@Project.manifest`,
 * `Project.params`, the packages (`.dtsx`) and the project connection managers (`.conmgr`).
 */
import type { UnavailableValue } from '../protection/index.ts';
import { SsisError } from '../errors.ts';
import { readConnectionManagerFile, type ProjectConnectionManager } from './connection-manager-file.ts';
import { readProjectManifest, type ProjectManifest } from './project-manifest.ts';
import { projectError } from './project-error.ts';
import { readProjectParams, type ProjectReadOptions } from './project-params.ts';
import type { ProjectParameter } from './ssis-parameters.ts';
import { readZip, writeZip, type ZipMember } from './zip.ts';

/** The name of the manifest member. */
export const MANIFEST_MEMBER = '@Project.manifest';
/** The name of the project parameters member. */
export const PARAMS_MEMBER = 'Project.params';
/** The name of the OPC content types member. */
export const CONTENT_TYPES_MEMBER = '[Content_Types].xml';

/** A member of the archive with its decoded part name (`My%20Package.dtsx` → `My Package.dtsx`). */
export interface IspacMember {
  readonly name: string;
  readonly entryName: string;
  readonly data: Uint8Array;
}

/** A package of the project, as bytes for the package reader. */
export interface IspacPackage {
  readonly name: string;
  readonly entryPoint: boolean;
  readonly data: Uint8Array;
}

/** A parsed .ispac. */
export interface IspacProject {
  readonly members: readonly IspacMember[];
  readonly manifest: ProjectManifest;
  readonly parameters: readonly ProjectParameter[];
  /** Project connection managers, with the member name they came from. */
  readonly connectionManagers: readonly (ProjectConnectionManager & { readonly fileName: string })[];
  readonly packages: readonly IspacPackage[];
  /** Sensitive values of the manifest, parameters and connection managers that could not be decrypted. */
  readonly unavailable: readonly UnavailableValue[];
}

/** Decodes an OPC part name (percent-escapes); a name that is not valid escaping is kept as stored. */
export function partNameToFileName(entryName: string): string {
  try {
    return decodeURIComponent(entryName);
  } catch {
    return entryName;
  }
}

/** Encodes a file name as an OPC part name: characters outside the URI unreserved set and `@[]()` are escaped. */
export function fileNameToPartName(name: string): string {
  return encodeURIComponent(name).replace(/%40/g, '@').replace(/%5B/g, '[').replace(/%5D/g, ']').replace(/%28/g, '(').replace(/%29/g, ')');
}

/** Reads an .ispac. Packages are returned as bytes (read them with the package reader); everything else is parsed. */
export async function readIspac(bytes: Uint8Array, fileName?: string, opts: ProjectReadOptions = {}): Promise<IspacProject> {
  const file = fileName ?? '<ispac>';
  let zipMembers: ZipMember[];
  try {
    zipMembers = await readZip(bytes);
  } catch (e) {
    throw projectError(`this is not a valid .ispac (zip) file: ${e instanceof Error ? e.message : String(e)}`, file);
  }
  const members = zipMembers.map((m) => ({ ...m, name: partNameToFileName(m.entryName) }));
  const byName = new Map(members.map((m) => [m.name.toLowerCase(), m] as const));
  const member = (name: string) => byName.get(name.toLowerCase());
  const manifestMember = member(MANIFEST_MEMBER);
  if (!manifestMember) throw projectError(`the project has no ${MANIFEST_MEMBER}`, file);
  const inner = (name: string) => `${file}/${name}`;
  const manifest = readProjectManifest(manifestMember.data, inner(MANIFEST_MEMBER), opts);
  const paramsMember = member(PARAMS_MEMBER);
  const params = paramsMember ? readProjectParams(paramsMember.data, inner(PARAMS_MEMBER), opts) : undefined;
  const missing: string[] = [];
  const connectionManagers = manifest.connectionManagers.flatMap((name) => {
    const m = member(name);
    if (!m) {
      missing.push(name);
      return [];
    }
    return [{ ...readConnectionManagerFile(m.data, inner(name), opts), fileName: name }];
  });
  const packages = manifest.packages.flatMap((p) => {
    const m = member(p.name);
    if (!m) {
      missing.push(p.name);
      return [];
    }
    return [{ name: p.name, entryPoint: p.entryPoint, data: m.data }];
  });
  if (missing.length > 0) {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `${file}: the manifest lists ${missing.map((n) => `"${n}"`).join(', ')}, which the archive does not contain.`, {
      location: { file },
    });
  }
  return {
    members,
    manifest,
    parameters: params?.parameters ?? [],
    connectionManagers,
    packages,
    unavailable: [...manifest.unavailable, ...(params?.unavailable ?? []), ...connectionManagers.flatMap((c) => c.unavailable)],
  };
}

/** What goes into a new .ispac: file names and bytes. */
export interface IspacContent {
  readonly manifest: Uint8Array;
  readonly parameters?: Uint8Array;
  readonly packages: readonly { readonly name: string; readonly data: Uint8Array }[];
  readonly connectionManagers?: readonly { readonly name: string; readonly data: Uint8Array }[];
  /** Timestamp of the members; default now. */
  readonly mtime?: Date;
}

/** The `[Content_Types].xml` SSIS writes: every member is `text/xml`. */
export function contentTypesXml(): Uint8Array {
  const types = ['dtsx', 'conmgr', 'params', 'manifest'].map((e) => `<Default Extension="${e}" ContentType="text/xml" />`).join('');
  return new Uint8Array(
    Buffer.from(`\uFEFF<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${types}</Types>`, 'utf8'),
  );
}

/** Writes an .ispac in the member order SSIS uses: packages, connection managers, Project.params, manifest, content types. */
export function writeIspac(content: IspacContent): Promise<Uint8Array> {
  const members: ZipMember[] = [
    ...content.packages.map((p) => ({ entryName: fileNameToPartName(p.name), data: p.data })),
    ...(content.connectionManagers ?? []).map((c) => ({ entryName: fileNameToPartName(c.name), data: c.data })),
    ...(content.parameters ? [{ entryName: PARAMS_MEMBER, data: content.parameters }] : []),
    { entryName: MANIFEST_MEMBER, data: content.manifest },
    { entryName: CONTENT_TYPES_MEMBER, data: contentTypesXml() },
  ];
  return writeZip(members, content.mtime);
}
