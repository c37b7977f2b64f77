/**
 * @module Reads a version's `MsDtsSrvr.ini.xml` on the lossless XML layer: StopExecutingPackagesOnShutdown and the
 * top-level folders (what `/DTS` paths start with), msdb folders and file system folders.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SsisError } from '../errors.ts';
import { mapWindowsPath } from '../connections/windows-path.ts';
import { attr, childElements, firstChild, parseXml, textOf, type XmlElement } from '../xml/index.ts';
import { defaultServiceConfig } from './service-config.ts';
import type { Installation } from './layout.ts';

/** One `Folder` of `TopLevelFolders`. */
export type ServiceTopFolder =
  | { readonly type: 'SqlServerFolder'; readonly name: string; readonly serverName: string }
  | { readonly type: 'FileSystemFolder'; readonly name: string; /** Absolute; a relative `StorePath` is resolved from `Binn`. */ readonly storePath: string };

/** What a `MsDtsSrvr.ini.xml` holds. */
export interface ServiceConfigFile {
  /** When true, the service stops the packages it runs as it shuts down (without waiting for them). */
  readonly stopExecutingPackagesOnShutdown: boolean;
  /** The top-level folders, in display order. */
  readonly folders: ServiceTopFolder[];
}

const XSI_TYPE = '{http://www.w3.org/2001/XMLSchema-instance}type';

function configError(file: string, message: string, at?: XmlElement): SsisError {
  return new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The service configuration file "${file}" ${message}`, {
    location: at ? { file, line: at.line, column: at.column } : { file },
  });
}

/** The trimmed text of child `name`, or undefined when there is none. */
function childText(el: XmlElement, name: string): string | undefined {
  const child = firstChild(el, name);
  return child === undefined ? undefined : textOf(child).trim();
}

/** An xsd:boolean, as .NET's XmlSerializer reads it (`true`, `false`, `1`, `0`); absent means true, the default file's value. */
function readBoolean(file: string, root: XmlElement, name: string): boolean {
  const el = firstChild(root, name);
  if (el === undefined) return true;
  const text = textOf(el).trim();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw configError(file, `has ${name} "${text}"; it must be true or false.`, el);
}

function readFolder(file: string, inst: Installation, el: XmlElement): ServiceTopFolder {
  // XmlSerializer writes the type unprefixed; a prefixed QName is accepted too.
  const type = attr(el, XSI_TYPE)?.replace(/^[^:]*:/, '');
  const name = childText(el, 'Name');
  if (name === undefined || name === '') throw configError(file, `has a Folder without a Name (line ${el.line}).`, el);
  if (type === 'SqlServerFolder') return { type, name, serverName: childText(el, 'ServerName') || '.' };
  if (type === 'FileSystemFolder') {
    // A relative StorePath is resolved from Binn (`..\Packages` is `DTS/Packages`); a Windows path is mapped to Linux.
    const store = mapWindowsPath(childText(el, 'StorePath') || '..\\Packages');
    return { type, name, storePath: path.resolve(inst.binn, store) };
  }
  throw configError(file, `has a Folder "${name}" of type "${type ?? ''}"; the types are SqlServerFolder and FileSystemFolder.`, el);
}

/**
 * Reads the version's service configuration. As the service does (event 272), a missing file gives the defaults.
 * A file that is not well-formed XML raises the XML layer's error (0xC0011007, with file, line and column); one
 * that is not a DtsServiceConfiguration, or whose values cannot be read, raises 0xC0010014 naming the element.
 * SSIS itself logs event 273 and falls back to the defaults for a malformed file; OpenDTS refuses it instead, so a
 * typo does not silently hide the folders. A missing TopLevelFolders lists no folders (SSIS's behaviour unverified).
 */
export function readServiceConfigFile(inst: Installation): ServiceConfigFile {
  const file = inst.serviceConfigFile;
  let bytes: Uint8Array | string;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw configError(file, `cannot be read: ${(error as Error).message}`);
    bytes = defaultServiceConfig();
  }
  const root = parseXml(bytes, file).root;
  if (root.localName !== 'DtsServiceConfiguration' || root.namespaceUri !== null) {
    throw configError(file, `has the root element <${root.name}>, not <DtsServiceConfiguration>.`, root);
  }
  const top = firstChild(root, 'TopLevelFolders');
  return {
    stopExecutingPackagesOnShutdown: readBoolean(file, root, 'StopExecutingPackagesOnShutdown'),
    folders: top === undefined ? [] : childElements(top, 'Folder').map((f) => readFolder(file, inst, f)),
  };
}

/** The top-level folders of the version's service configuration, in display order (see {@link readServiceConfigFile}). */
export function readServiceConfig(inst: Installation): ServiceTopFolder[] {
  return readServiceConfigFile(inst).folders;
}
