/** @module The few HTTP helpers the service needs: JSON bodies and answers, cookies, and an API error that carries its status. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error the API answers with `status` and a message a user can act on. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const MAX_BODY = 64 * 1024 * 1024;

/** Reads a JSON request body (an empty body is `{}`); malformed JSON or a body too large is a 400/413. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError(413, 'The request body is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch {
    throw new ApiError(400, 'The request body is not a JSON object.');
  }
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** The value of one cookie of the request. */
export function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

/** A required string field of a JSON body. */
export function stringField(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (typeof v !== 'string' || v === '') throw new ApiError(400, `The field "${name}" is required and must be a non-empty string.`);
  return v;
}

/** An optional list of `{name|path, value}` pairs of a JSON body. */
export function pairsField<K extends 'name' | 'path'>(body: Record<string, unknown>, field: string, key: K): ({ [P in K]: string } & { value: string })[] {
  const v = body[field];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((p) => typeof p !== 'object' || p === null || typeof p[key] !== 'string' || typeof p.value !== 'string')) {
    throw new ApiError(400, `The field "${field}" must be a list of {${key}, value} strings.`);
  }
  return v as ({ [P in K]: string } & { value: string })[];
}
