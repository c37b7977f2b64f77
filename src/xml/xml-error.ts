/** @module The SsisError raised for malformed XML: SSIS's DTS_E_FUNDAMENTALLOADINGERROR with file, line and column. */
import { SsisError } from '../errors.ts';

/** SSIS's code for "the package does not have a valid XML format". */
export const XML_ERROR_CODE = '0xC0011007';
/** The symbol that goes with {@link XML_ERROR_CODE}. */
export const XML_ERROR_SYMBOL = 'DTS_E_FUNDAMENTALLOADINGERROR';

/** Line and column (1-based) of a 0-based offset in `text`, counting LF, CRLF and lone CR as line breaks. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) !== 10) {
        line++;
        lineStart = i + 1;
      }
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** A malformed-XML error naming the file, the line, the column and the problem. */
export function xmlError(problem: string, text: string, offset: number, fileName: string | undefined): SsisError {
  const { line, column } = lineColumnAt(text, offset);
  const file = fileName ?? '<xml>';
  return new SsisError(
    XML_ERROR_CODE,
    XML_ERROR_SYMBOL,
    `The file "${file}" is not valid XML: ${problem} (line ${line}, column ${column}).`,
    { location: { file, line, column, offset } },
  );
}

/** An error about the file as a whole (encoding, empty input): reported at line 1, column 1. */
export function xmlFileError(problem: string, fileName: string | undefined): SsisError {
  const file = fileName ?? '<xml>';
  return new SsisError(XML_ERROR_CODE, XML_ERROR_SYMBOL, `The file "${file}" is not valid XML: ${problem}.`, {
    location: { file, line: 1, column: 1, offset: 0 },
  });
}
