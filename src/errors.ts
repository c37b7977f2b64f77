/** @module SSIS-style errors: a value with the SSIS code, its symbol, a message a user can act on, and where it happened. */

/** Where in a file or expression an error was found. */
export interface ErrorLocation {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** For expressions: the 0-based offset into the expression text. */
  readonly offset?: number;
}

/** An error as SSIS reports it: `0xC001700A` `DTS_E_INVALIDVERSIONNUMBER` plus the message. */
export class SsisError extends Error {
  /** The HRESULT as SSIS prints it, e.g. `0xC001700A`. */
  readonly code: string;
  /** The symbolic name, e.g. `DTS_E_INVALIDVERSIONNUMBER`. */
  readonly symbol: string;
  readonly location?: ErrorLocation;
  /** Further errors that belong to this one (e.g. every problem of a failed upgrade). */
  readonly details: readonly SsisError[];

  constructor(code: string, symbol: string, message: string, opts: { location?: ErrorLocation; details?: SsisError[]; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'SsisError';
    this.code = code;
    this.symbol = symbol;
    this.location = opts.location;
    this.details = opts.details ?? [];
  }

  /** The code as a signed 32-bit decimal, as SSIS prints next to the hex form. */
  get decimalCode(): number {
    return Number.parseInt(this.code, 16) | 0;
  }

  /** One line a user reads: `file(line,col): Error 0x… (SYMBOL): message`. */
  format(): string {
    const where = this.location?.file
      ? `${this.location.file}${this.location.line !== undefined ? `(${this.location.line}${this.location.column !== undefined ? `,${this.location.column}` : ''})` : ''}: `
      : '';
    return `${where}Error ${this.code} (${this.symbol}): ${this.message}`;
  }
}

/** True for errors OpenDTS raised on purpose (shown to users without a stack trace). */
export function isSsisError(error: unknown): error is SsisError {
  return error instanceof SsisError;
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
