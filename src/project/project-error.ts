/** @module The SsisErrors of project files: a file that is XML but not the expected kind, or lacks something required. */
import { SsisError } from '../errors.ts';
import type { XmlElement } from '../xml/index.ts';

/** 0xC0010014 DTS_E_GENERICERROR naming the file, the line and column of `at` (when given) and the problem. */
export function projectError(problem: string, fileName: string | undefined, at?: XmlElement): SsisError {
  return located('0xC0010014', 'DTS_E_GENERICERROR', problem, fileName, at);
}

/** 0xC0012019 DTS_E_CONFIGFORMATINVALID for a configuration file or entry. */
export function configFormatError(problem: string, fileName: string | undefined, at?: XmlElement): SsisError {
  return located('0xC0012019', 'DTS_E_CONFIGFORMATINVALID', problem, fileName, at);
}

/** 0xC0012018 DTS_E_CONFIGFORMATINVALID_PACKAGEDELIMITER: a configuration path that does not start with `\Package`. */
export function packageDelimiterError(path: string, fileName: string | undefined, at?: XmlElement): SsisError {
  return located(
    '0xC0012018',
    'DTS_E_CONFIGFORMATINVALID_PACKAGEDELIMITER',
    `The configuration entry, "${path}", has an incorrect format because it does not begin with package delimiter. There was no "\\package" delimiter.`,
    fileName,
    at,
  );
}

function located(code: string, symbol: string, problem: string, fileName: string | undefined, at?: XmlElement): SsisError {
  const file = fileName ?? '<input>';
  const where = at && at.line > 0 ? { line: at.line, column: at.column } : {};
  return new SsisError(code, symbol, `${file}: ${problem}`, { location: { file, ...where } });
}
