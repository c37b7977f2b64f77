/** @module Reading the project manifest (`@Project.manifest` in an .ispac, or embedded in a 2012+ `.dtproj`). */
import { parseProtectionLevel, passwordError, sensitiveValueUnavailable as isUserKeyValue, type ProtectionLevel, type UnavailableValue } from '../protection/index.ts';
import { attr, childElements, firstChild, SSIS_NAMESPACE, textOf, type XmlDocument, type XmlElement } from '../xml/index.ts';
import type { ProjectReadOptions } from './project-params.ts';
import { projectError } from './project-error.ts';
import { decryptSensitiveValues, type SensitiveValues } from './sensitive-values.ts';
import { readSsisParameter, ssisProperties, ssisPropertyTexts, type ProjectParameter } from './ssis-parameters.ts';
import { loadProjectXml } from './xml-input.ts';

const SSIS = (local: string) => `{${SSIS_NAMESPACE}}${local}`;

/** A package the project lists. */
export interface ManifestPackage {
  readonly name: string;
  readonly entryPoint: boolean;
}

/** What the manifest records about one package. */
export interface ManifestPackageInfo {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly formatVersion: number | undefined;
  /** The package's protection level (a number in the manifest). */
  readonly protectionLevel: ProtectionLevel | undefined;
  readonly parameters: readonly ProjectParameter[];
}

/** A parsed project manifest. */
export interface ProjectManifest {
  /** The project protection level (a name in the manifest, e.g. `EncryptSensitiveWithUserKey`). */
  readonly protectionLevel: ProtectionLevel;
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly formatVersion: number | undefined;
  readonly version: { readonly major: number; readonly minor: number; readonly build: number; readonly comments: string };
  readonly properties: Readonly<Record<string, string>>;
  readonly packages: readonly ManifestPackage[];
  /** File names of the project connection managers (`x.conmgr`). */
  readonly connectionManagers: readonly string[];
  /** Connection manager properties exposed as parameters (`CM.<name>.<property>`). */
  readonly projectConnectionParameters: readonly ProjectParameter[];
  readonly packageInfo: readonly ManifestPackageInfo[];
  /** True when the password was checked against the PasswordVerifier; undefined when there was nothing to check. */
  readonly passwordVerified: boolean | undefined;
  readonly unavailable: readonly UnavailableValue[];
}

function parameters(container: XmlElement | undefined, sensitive: SensitiveValues): ProjectParameter[] {
  return container ? childElements(container, SSIS('Parameter')).map((p) => readSsisParameter(p, sensitive.byElement)) : [];
}

function num(text: string | undefined): number | undefined {
  return text === undefined || text.trim() === '' || !Number.isFinite(Number(text)) ? undefined : Number(text);
}

/** Reads a manifest `SSIS:Project` element of `doc` (its sensitive values already decrypted into `sensitive`). */
export function readManifestElement(project: XmlElement, sensitive: SensitiveValues, fileName: string | undefined, password: string | undefined): ProjectManifest {
  const levelText = attr(project, SSIS('ProtectionLevel'));
  if (levelText === undefined) throw projectError('the project manifest has no SSIS:ProtectionLevel', fileName, project);
  const props = ssisPropertyTexts(project);
  const verifier = ssisProperties(project).get('PasswordVerifier');
  let passwordVerified: boolean | undefined;
  if (verifier && password !== undefined && !isUserKeyValue(verifier)) {
    // The verifier decrypts to the literal "SSIS" with the right password.
    if (textOf(verifier) !== 'SSIS') throw passwordError(fileName, 'the project password verifier does not match');
    passwordVerified = true;
  }
  const deployment = firstChild(project, SSIS('DeploymentInfo'));
  const packageInfo = firstChild(deployment ?? project, SSIS('PackageInfo'));
  return {
    protectionLevel: parseProtectionLevel(levelText),
    id: props.ID ?? '',
    name: props.Name ?? '',
    description: props.Description ?? '',
    formatVersion: num(props.FormatVersion),
    version: { major: num(props.VersionMajor) ?? 0, minor: num(props.VersionMinor) ?? 0, build: num(props.VersionBuild) ?? 0, comments: props.VersionComments ?? '' },
    properties: props,
    packages: childElements(firstChild(project, SSIS('Packages')) ?? project, SSIS('Package')).map((p) => ({
      name: attr(p, SSIS('Name')) ?? '',
      entryPoint: attr(p, SSIS('EntryPoint')) === '1',
    })),
    connectionManagers: childElements(firstChild(project, SSIS('ConnectionManagers')) ?? project, SSIS('ConnectionManager')).map((c) => attr(c, SSIS('Name')) ?? ''),
    projectConnectionParameters: parameters(deployment ? firstChild(deployment, SSIS('ProjectConnectionParameters')) : undefined, sensitive),
    packageInfo: childElements(packageInfo ?? project, SSIS('PackageMetaData')).map((m) => {
      const p = ssisPropertyTexts(m);
      return {
        name: attr(m, SSIS('Name')) ?? '',
        properties: p,
        formatVersion: num(p.PackageFormatVersion),
        protectionLevel: p.ProtectionLevel === undefined || p.ProtectionLevel === '' ? undefined : parseProtectionLevel(p.ProtectionLevel),
        parameters: parameters(firstChild(m, SSIS('Parameters')), sensitive),
      };
    }),
    passwordVerified,
    unavailable: sensitive.unavailable,
  };
}

/** Reads a project manifest file (`@Project.manifest`). Throws SsisError 0xC0014037 when the password does not match. */
export function readProjectManifest(input: Uint8Array | string | XmlDocument, fileName?: string, opts: ProjectReadOptions = {}): ProjectManifest & { readonly xml: XmlDocument } {
  const doc = loadProjectXml(input, fileName, SSIS('Project'), 'a project manifest');
  const sensitive = decryptSensitiveValues(doc, opts.password);
  return { ...readManifestElement(doc.root, sensitive, fileName ?? doc.fileName, opts.password), xml: doc };
}
