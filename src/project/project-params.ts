/** @module Reading `Project.params`: the project parameters of a 2012+ project. */
import type { UnavailableValue } from '../protection/index.ts';
import { childElements, SSIS_NAMESPACE, type XmlDocument } from '../xml/index.ts';
import { decryptSensitiveValues } from './sensitive-values.ts';
import { readSsisParameter, type ProjectParameter } from './ssis-parameters.ts';
import { loadProjectXml } from './xml-input.ts';

/** Options for reading project files that may hold sensitive values. */
export interface ProjectReadOptions {
  /** The project password (EncryptSensitiveWithPassword / EncryptAllWithPassword). */
  readonly password?: string;
}

/** A parsed `Project.params`. */
export interface ProjectParamsFile {
  readonly parameters: readonly ProjectParameter[];
  /** Sensitive values that could not be decrypted (user key, or no password); their `value` is undefined. */
  readonly unavailable: readonly UnavailableValue[];
  /** The (decrypted) XML document. */
  readonly xml: XmlDocument;
}

/** Reads a `Project.params` file (or the `Project.params` member of an .ispac). */
export function readProjectParams(input: Uint8Array | string | XmlDocument, fileName?: string, opts: ProjectReadOptions = {}): ProjectParamsFile {
  const doc = loadProjectXml(input, fileName, `{${SSIS_NAMESPACE}}Parameters`, 'a Project.params file');
  const sensitive = decryptSensitiveValues(doc, opts.password);
  const parameters = childElements(doc.root, `{${SSIS_NAMESPACE}}Parameter`).map((p) => readSsisParameter(p, sensitive.byElement));
  return { parameters, unavailable: sensitive.unavailable, xml: doc };
}
