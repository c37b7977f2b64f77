/** @module Reading Visual Studio Integration Services project files (`.dtproj`), 2005 → 2014 and later designers. */
import type { UnavailableValue } from '../protection/index.ts';
import { PRODUCT_VERSIONS, type ProductYear } from '../versions/index.ts';
import { attr, childElements, firstChild, SSIS_NAMESPACE, textOf, type XmlDocument, type XmlElement } from '../xml/index.ts';
import type { ProjectReadOptions } from './project-params.ts';
import { readManifestElement, type ProjectManifest } from './project-manifest.ts';
import { decryptSensitiveValues } from './sensitive-values.ts';
import { loadProjectXml } from './xml-input.ts';

/** A package of the project. */
export interface DtprojPackage {
  readonly name: string;
  readonly fullPath: string;
  /** `PackageFormatVersion` when the project records it (2012+ designers). */
  readonly formatVersion: number | undefined;
}

/** A build configuration (`Development`, …). */
export interface DtprojConfiguration {
  readonly name: string;
  readonly outputPath: string | undefined;
  /** `SQLServer2012`, `SQLServer2014`, … (SSDT 2015 and later). */
  readonly targetServerVersion: string | undefined;
  /** Every simple option, by element name. */
  readonly options: Readonly<Record<string, string>>;
}

/** A parsed `.dtproj`. */
export interface DtProject {
  /** The designer's version, e.g. `11.0.1445.2`. */
  readonly productVersion: string;
  /** The product version whose designer wrote the file (by the major number); undefined for designers after 2014. */
  readonly productYear: ProductYear | undefined;
  readonly schemaVersion: string | undefined;
  /** `Project` (2012+ project deployment) or `Package` (package deployment; every 2005/2008 project). */
  readonly deploymentModel: 'Package' | 'Project';
  readonly packages: readonly DtprojPackage[];
  /** The embedded project manifest (project deployment model only). */
  readonly manifest: ProjectManifest | undefined;
  readonly configurations: readonly DtprojConfiguration[];
  readonly database: string | undefined;
  readonly dataSources: readonly string[];
  readonly unavailable: readonly UnavailableValue[];
  readonly xml: XmlDocument;
}

function simpleChildren(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of childElements(el)) if (childElements(c).length === 0) out[c.name] = textOf(c);
  return out;
}

function textChild(el: XmlElement, name: string): string | undefined {
  const c = firstChild(el, name);
  return c ? textOf(c) : undefined;
}

function listedPackages(container: XmlElement | undefined): DtprojPackage[] {
  if (!container) return [];
  return childElements(container, 'DtsPackage').map((p) => {
    const format = attr(p, 'FormatVersion');
    const name = textChild(p, 'Name') ?? '';
    return { name, fullPath: textChild(p, 'FullPath') ?? name, formatVersion: format === undefined ? undefined : Number(format) };
  });
}

function yearOf(productVersion: string): ProductYear | undefined {
  const major = productVersion.split('.')[0];
  return PRODUCT_VERSIONS.find((v) => v.internalVersion.split('.')[0] === major)?.year;
}

/** Reads a `.dtproj`. Sensitive manifest values are decrypted with `opts.password` when given. */
export function readDtproj(input: Uint8Array | string | XmlDocument, fileName?: string, opts: ProjectReadOptions = {}): DtProject {
  const doc = loadProjectXml(input, fileName, 'Project', 'an Integration Services project (.dtproj)');
  const root = doc.root;
  const sensitive = decryptSensitiveValues(doc, opts.password);
  const productVersion = textChild(root, 'ProductVersion') ?? '';
  const manifestHolder = firstChild(firstChild(root, 'DeploymentModelSpecificContent') ?? root, 'Manifest');
  const projectEl = manifestHolder ? firstChild(manifestHolder, `{${SSIS_NAMESPACE}}Project`) : undefined;
  const manifest = projectEl ? readManifestElement(projectEl, sensitive, fileName ?? doc.fileName, opts.password) : undefined;
  let packages = listedPackages(firstChild(manifestHolder ?? root, 'DTSPackages') ?? firstChild(root, 'DTSPackages'));
  if (manifest) {
    packages = manifest.packages.map((p) => ({
      name: p.name,
      fullPath: p.name,
      formatVersion: manifest.packageInfo.find((i) => i.name === p.name)?.formatVersion,
    }));
  }
  const model = textChild(root, 'DeploymentModel');
  const configurations = childElements(firstChild(root, 'Configurations') ?? root, 'Configuration').map((c) => {
    const options = firstChild(c, 'Options');
    const simple = options ? simpleChildren(options) : {};
    return { name: textChild(c, 'Name') ?? '', outputPath: simple.OutputPath, targetServerVersion: simple.TargetServerVersion, options: simple };
  });
  const database = firstChild(root, 'Database');
  return {
    productVersion,
    productYear: yearOf(productVersion),
    schemaVersion: textChild(root, 'SchemaVersion'),
    deploymentModel: model === 'Project' ? 'Project' : 'Package',
    packages,
    manifest,
    configurations,
    database: database ? textChild(database, 'Name') : undefined,
    dataSources: childElements(firstChild(root, 'DataSources') ?? root, 'ProjectItem').map((p) => textChild(p, 'Name') ?? ''),
    unavailable: sensitive.unavailable,
    xml: doc,
  };
}
