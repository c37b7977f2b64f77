/** @module The 2005/2008 rule that a string result (of the expression or any sub-expression) may not exceed 4000 characters. */
import { exprError } from './error-codes.ts';

/** The limit, in characters. */
export const STRING_RESULT_LIMIT = 4000;

/** The error raised when a string value passes the limit at `pos`. */
export function stringTooLong(pos: number, length: number): Error {
  return exprError('DTS_E_EXPREVALTRUNCATIONASERROR', `A truncation occurred during evaluation of the expression: the string result at character ${pos + 1} has ${length} characters, more than the ${STRING_RESULT_LIMIT} this version allows.`, pos);
}

/** The error raised when a string variable read by a 2005/2008 expression passes the limit. */
export function variableTooLong(name: string, pos: number): Error {
  return exprError('DTS_E_EXPREVALSTRINGVARIABLETOOLONG', `The variable ${name} (character ${pos + 1}) contains a string that exceeds the maximum allowed length of ${STRING_RESULT_LIMIT} characters.`, pos);
}
