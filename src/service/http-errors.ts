/** @module How errors become API answers: a status a client can act on and a message, never a stack trace or a secret. */
import { isSsisError } from '../errors.ts';
import { ApiError } from './http-kit.ts';

/** The answer to an error: its status and JSON body. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: { error: string; code?: string; symbol?: string; rule?: string };
}

const BY_SYMBOL: Record<string, number> = {
  // A login unknown to another instance of the tree: forbidden there (the session itself is fine).
  SQL_MSG_18456: 403,
  SQL_MSG_14307: 403,
  SQL_MSG_14586: 403,
  SQL_MSG_14591: 409,
  SQL_MSG_14593: 409,
  DTS_E_PACKAGENOTFOUND: 404,
  DTS_E_FOLDERNOTFOUND: 404,
  DTS_E_INVALIDVERSIONNUMBER: 409,
  DTS_E_LOADFROMSQLSERVER: 502,
};

/** Explains the version rule behind a refusal, for the console to show beside the message. */
const VERSION_RULE =
  'The service of each version stores packages only in the format of its own version: it imports from older instances and files (upgrading them) and never exports to an older instance, whose tools could not load the newer format.';

/** The status and body answering `error`; unexpected errors are a 500 whose detail goes to `log` only. */
export function errorAnswer(error: unknown, log: (line: string) => void): ErrorAnswer {
  if (error instanceof ApiError) return { status: error.status, body: { error: error.message } };
  if (isSsisError(error)) {
    const status = BY_SYMBOL[error.symbol] ?? (/already exists/.test(error.message) ? 409 : 400);
    return {
      status,
      body: { error: error.message, code: error.code, symbol: error.symbol, ...(error.symbol === 'DTS_E_INVALIDVERSIONNUMBER' ? { rule: VERSION_RULE } : {}) },
    };
  }
  log(`dtsserver: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, body: { error: 'The service met an internal error; its log has the details.' } };
}
