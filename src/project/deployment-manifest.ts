/** @module Reading `.SSISDeploymentManifest` files (the package deployment utility's manifest, 2005 → 2014). */
import { attr, childElements, textOf, type XmlDocument } from '../xml/index.ts';
import { loadProjectXml } from './xml-input.ts';

/** A parsed deployment manifest. */
export interface DeploymentManifest {
  readonly generatedBy: string | undefined;
  readonly generatedFromProjectName: string | undefined;
  readonly generatedDate: string | undefined;
  readonly allowConfigurationChanges: boolean;
  /** Package file names, in order. */
  readonly packages: readonly string[];
  /** Configuration files (`<ConfigurationFile>`), in order. */
  readonly configurationFiles: readonly string[];
  /** Other files (`<MiscellaneousFile>`), in order. */
  readonly miscellaneousFiles: readonly string[];
  readonly xml: XmlDocument;
}

/** Reads a `.SSISDeploymentManifest`. */
export function readDeploymentManifest(input: Uint8Array | string | XmlDocument, fileName?: string): DeploymentManifest {
  const doc = loadProjectXml(input, fileName, 'DTSDeploymentManifest', 'a deployment manifest (.SSISDeploymentManifest)');
  const root = doc.root;
  const texts = (name: string) => childElements(root, name).map((e) => textOf(e).trim());
  return {
    generatedBy: attr(root, 'GeneratedBy'),
    generatedFromProjectName: attr(root, 'GeneratedFromProjectName'),
    generatedDate: attr(root, 'GeneratedDate'),
    allowConfigurationChanges: (attr(root, 'AllowConfigurationChanges') ?? '').toLowerCase() === 'true',
    packages: texts('Package'),
    configurationFiles: texts('ConfigurationFile'),
    miscellaneousFiles: texts('MiscellaneousFile'),
    xml: doc,
  };
}
