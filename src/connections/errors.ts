/** @module The errors of the connections layer: connect failures, failing statements and features not built yet, as SsisError values. */
import { SsisError, errorMessage } from '../errors.ts';

/** OpenDTS's own code (not an SSIS one) for a connection feature that is not built yet. */
export const NOT_SUPPORTED_CODE = '0xC0FE0001';

/** A connection feature OpenDTS does not support (yet), named so the user knows what to change. */
export function notSupportedError(feature: string): SsisError {
  return new SsisError(NOT_SUPPORTED_CODE, 'DTS_E_OPENDTS_NOTSUPPORTED', `${feature} is not supported yet by OpenDTS.`);
}

/** A connection string or override that cannot be understood. */
export function invalidConnectionError(message: string): SsisError {
  return new SsisError('0xC0014009', 'DTS_E_INVALIDCONNECTIONSTRING', message);
}

/** SSIS's "cannot acquire a connection" error, carrying the driver's own message. */
export function connectError(driver: string, target: string, cause: unknown): SsisError {
  if (cause instanceof SsisError) return cause;
  return new SsisError(
    '0xC020801C',
    'DTS_E_CANNOTACQUIRECONNECTIONFROMCONNECTIONMANAGER',
    `Cannot connect to ${driver} at ${target}: ${driverMessage(cause)}`,
    { cause },
  );
}

/** A statement that failed on the server, as SSIS reports provider errors (DTS_E_OLEDBERROR), with the driver's message. */
export function statementError(driver: string, cause: unknown, sql?: string): SsisError {
  if (cause instanceof SsisError) return cause;
  const state = sqlState(cause);
  const shown = sql === undefined ? '' : ` Statement: ${abbreviate(sql)}`;
  return new SsisError(
    '0xC0202009',
    'DTS_E_OLEDBERROR',
    `${driver} error${state ? ` (SQLSTATE ${state})` : ''}: ${driverMessage(cause)}.${shown}`,
    { cause },
  );
}

/** A statement cancelled because it ran past its command timeout. */
export function timeoutError(driver: string, seconds: number, sql?: string): SsisError {
  return new SsisError(
    '0xC0202009',
    'DTS_E_OLEDBERROR',
    `${driver} error: Query timeout expired after ${seconds} seconds.${sql === undefined ? '' : ` Statement: ${abbreviate(sql)}`}`,
  );
}

function driverMessage(cause: unknown): string {
  const base = errorMessage(cause).trim();
  if (base) return base.replace(/\.$/, '');
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

function sqlState(cause: unknown): string | undefined {
  const c = cause as { code?: unknown; sqlState?: unknown } | null;
  if (typeof c?.sqlState === 'string') return c.sqlState;
  if (typeof c?.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c.code;
  return undefined;
}

function abbreviate(sql: string): string {
  const one = sql.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
