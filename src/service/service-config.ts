/** @module The service's configuration file `MsDtsSrvr.ini.xml`: checked as XML, StopExecutingPackagesOnShutdown, and the top-level folders. */
import fs from 'node:fs';
import { SsisError, isSsisError } from '../errors.ts';
import { readServiceConfig, defaultServiceConfig, type Installation, type ServiceTopFolder } from '../installation/index.ts';
import { parseXml, firstChild, textOf } from '../xml/index.ts';

/** What the service reads from its configuration file. */
export interface ServiceConfig {
  readonly file: string;
  readonly stopExecutingPackagesOnShutdown: boolean;
  readonly folders: readonly ServiceTopFolder[];
}

/**
 * Reads the version's `MsDtsSrvr.ini.xml`. A missing file gives SSIS's defaults; a file that is not
 * well-formed XML or not a `DtsServiceConfiguration` is an error naming the file, line and problem,
 * and the service does not start.
 */
export function loadServiceConfig(inst: Installation): ServiceConfig {
  const file = inst.serviceConfigFile;
  const text = fs.existsSync(file) ? fs.readFileSync(file) : Buffer.from(defaultServiceConfig());
  let root;
  try {
    root = parseXml(text, file).root;
  } catch (error) {
    if (!isSsisError(error)) throw error;
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The service configuration file is not valid XML: ${error.message}`, { location: error.location ?? { file } });
  }
  if (root.localName !== 'DtsServiceConfiguration') {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The service configuration file's root element is <${root.name}>, not <DtsServiceConfiguration>.`, {
      location: { file, line: root.line, column: root.column },
    });
  }
  const stop = firstChild(root, 'StopExecutingPackagesOnShutdown');
  const stopText = stop ? textOf(stop).trim().toLowerCase() : 'true';
  if (stopText !== 'true' && stopText !== 'false') {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `StopExecutingPackagesOnShutdown must be true or false, not "${stopText}".`, {
      location: { file, line: stop?.line, column: stop?.column },
    });
  }
  return { file, stopExecutingPackagesOnShutdown: stopText === 'true', folders: readServiceConfig(inst) };
}
