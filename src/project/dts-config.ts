/** @module Reading `.dtsConfig` files (XML package configurations, 2005 → 2014). */
import { readFileSync } from 'node:fs';
import { SsisError, errorMessage } from '../errors.ts';
import { attr, childElements, firstChild, textOf, type XmlDocument } from '../xml/index.ts';
import { configFormatError, packageDelimiterError } from './project-error.ts';
import { loadProjectXml } from './xml-input.ts';

/** The informational heading of a configuration file. */
export interface DtsConfigHeading {
  readonly generatedBy?: string;
  readonly generatedFromPackageName?: string;
  readonly generatedFromPackageId?: string;
  readonly generatedDate?: string;
}

/** One `<Configuration>`: a property path and the value to set there. */
export interface DtsConfigEntry {
  /** `Property` in every known file. */
  readonly configuredType: string;
  /** The property path, same grammar as dtexec `/Set` (`\Package.Variables[User::X].Properties[Value]`). */
  readonly path: string;
  /** The .NET TypeCode name of the value (`String`, `Int32`, `Boolean`, `DateTime`, …). */
  readonly valueType: string;
  /** The value as written (sensitive values are in plain text in these files). */
  readonly configuredValue: string;
  readonly line: number;
}

/** A parsed `.dtsConfig` file. */
export interface DtsConfigFile {
  readonly heading: DtsConfigHeading | null;
  readonly configurations: readonly DtsConfigEntry[];
  /** The XML document, for lossless edits. */
  readonly xml: XmlDocument;
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads a `.dtsConfig` file. Throws SsisError 0xC0011007 for malformed XML, 0xC0012019 (DTS_E_CONFIGFORMATINVALID)
 * for a file that is not a configuration or an entry without a path, and 0xC0012018 for a path not starting with `\\`.
 */
export function readDtsConfig(input: Uint8Array | string | XmlDocument, fileName?: string): DtsConfigFile {
  const doc = loadProjectXml(input, fileName, 'DTSConfiguration', 'a package configuration file', configFormatError);
  const file = fileName ?? doc.fileName;
  const info = firstChild(doc.root, 'DTSConfigurationHeading');
  const fileInfo = info ? firstChild(info, 'DTSConfigurationFileInfo') : undefined;
  const heading = fileInfo
    ? defined({
        generatedBy: attr(fileInfo, 'GeneratedBy'),
        generatedFromPackageName: attr(fileInfo, 'GeneratedFromPackageName'),
        generatedFromPackageId: attr(fileInfo, 'GeneratedFromPackageID'),
        generatedDate: attr(fileInfo, 'GeneratedDate'),
      })
    : null;
  const configurations = childElements(doc.root, 'Configuration').map((c): DtsConfigEntry => {
    const path = attr(c, 'Path');
    if (path === undefined || path.trim() === '') throw configFormatError('a <Configuration> has no Path attribute', file, c);
    if (!path.startsWith('\\')) throw packageDelimiterError(path, file, c);
    const value = firstChild(c, 'ConfiguredValue');
    return {
      configuredType: attr(c, 'ConfiguredType') ?? 'Property',
      path,
      valueType: attr(c, 'ValueType') ?? 'String',
      configuredValue: value ? textOf(value) : '',
      line: c.line,
    };
  });
  return { heading, configurations, xml: doc };
}

/**
 * Reads the `.dtsConfig` file at `file` (see {@link readDtsConfig}). A file that cannot be read raises SsisError
 * 0x80012014 DTS_W_CONFIGFILENOTFOUND with SSIS's text; SSIS reports it as a warning for a package's own
 * configuration and as an error for dtexec's `/ConfigFile`, which is the caller's choice.
 */
export function readDtsConfigFile(file: string): DtsConfigFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new SsisError('0x80012014', 'DTS_W_CONFIGFILENOTFOUND', `The configuration file "${file}" cannot be found. Check the directory and file name. (${errorMessage(error)})`, {
      location: { file },
    });
  }
  return readDtsConfig(bytes, file);
}
