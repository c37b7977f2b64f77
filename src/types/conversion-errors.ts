/** @module The errors a data conversion raises: failed conversion, overflow and truncation, with SSIS's codes. */
import { SsisError, type ErrorLocation } from '../errors.ts';
import { formatTypeSpec, type TypeSpec } from './type-spec.ts';

/** The value could not be converted (e.g. `"abc"` to DT_I4). */
export function conversionFailed(from: TypeSpec, to: TypeSpec, value: unknown, location?: ErrorLocation): SsisError {
  return new SsisError('0xC00470C2', 'DTS_E_EXPREVALDATACONVERSIONFAILED',
    `The value ${describe(value)} could not be converted from data type ${formatTypeSpec(from)} to data type ${formatTypeSpec(to)}.`, { location });
}

/** The value does not fit the target type's range (e.g. 300 to DT_UI1). */
export function conversionOverflow(from: TypeSpec, to: TypeSpec, value: unknown, location?: ErrorLocation): SsisError {
  return new SsisError('0xC00470C0', 'DTS_E_EXPREVALDATACONVERSIONOVERFLOW',
    `An overflow occurred while converting the value ${describe(value)} from data type ${formatTypeSpec(from)} to data type ${formatTypeSpec(to)}.`, { location });
}

/** The value would lose characters, bytes or digits in the target type. */
export function conversionTruncated(to: TypeSpec, value: unknown, location?: ErrorLocation): SsisError {
  return new SsisError('0xC001700E', 'DTS_E_EXPREVALTRUNCATIONASERROR',
    `A truncation occurred during evaluation of the expression: the value ${describe(value)} does not fit ${formatTypeSpec(to)}.`, { location });
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : value instanceof Uint8Array ? `0x${Buffer.from(value).toString('hex')}` : String(value);
  return text.length > 60 ? text.slice(0, 57) + '..."' : text;
}
