/** @module The OLE DB Destination's fast-load settings (FastLoadOptions text, KeepIdentity, KeepNulls, commit size) as typed BulkLoadOptions. */
import type { BulkLoadOptions } from './driver.ts';

/** The destination's properties as the package holds them (strings or already-typed values). */
export interface FastLoadProperties {
  readonly FastLoadOptions?: string;
  readonly FastLoadKeepIdentity?: string | boolean;
  readonly FastLoadKeepNulls?: string | boolean;
  readonly FastLoadMaxInsertCommitSize?: string | number;
  readonly CommandTimeout?: string | number;
}

/** The hints of `FastLoadOptions` that OpenDTS reads but that change nothing here (documented per database). */
export interface FastLoadHints {
  readonly kilobytesPerBatch?: number;
  readonly order?: string;
}

function bool(v: string | boolean | undefined): boolean {
  if (typeof v === 'boolean') return v;
  const t = (v ?? '').trim().toLowerCase();
  return t === 'true' || t === '-1' || t === '1';
}

function int(v: string | number | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Reads the fast-load settings. `FastLoadOptions` is a comma list such as
 * `TABLOCK,CHECK_CONSTRAINTS,ROWS_PER_BATCH=1000,KILOBYTES_PER_BATCH=64,FIRE_TRIGGERS,ORDER(id ASC)`.
 */
export function parseFastLoadOptions(props: FastLoadProperties): BulkLoadOptions & { hints: FastLoadHints } {
  let tableLock = false;
  let checkConstraints = false;
  let fireTriggers = false;
  let rowsPerBatch: number | undefined;
  let kilobytesPerBatch: number | undefined;
  let order: string | undefined;
  for (const part of splitOptions(props.FastLoadOptions ?? '')) {
    const upper = part.toUpperCase();
    const kv = /^([A-Z_]+)\s*=\s*(\d+)$/.exec(upper);
    if (upper === 'TABLOCK') tableLock = true;
    else if (upper === 'CHECK_CONSTRAINTS') checkConstraints = true;
    else if (upper === 'FIRE_TRIGGERS') fireTriggers = true;
    else if (kv?.[1] === 'ROWS_PER_BATCH') rowsPerBatch = Number(kv[2]);
    else if (kv?.[1] === 'KILOBYTES_PER_BATCH') kilobytesPerBatch = Number(kv[2]);
    else if (/^ORDER\s*\(/.test(upper)) order = part.replace(/^ORDER\s*\(/i, '').replace(/\)$/, '').trim();
  }
  const commit = int(props.FastLoadMaxInsertCommitSize);
  return {
    maxInsertCommitSize: commit === undefined ? 0 : commit,
    rowsPerBatch,
    keepIdentity: bool(props.FastLoadKeepIdentity),
    keepNulls: bool(props.FastLoadKeepNulls),
    tableLock,
    checkConstraints,
    fireTriggers,
    timeoutSeconds: int(props.CommandTimeout),
    hints: { kilobytesPerBatch, order },
  };
}

function splitOptions(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += c;
  }
  parts.push(current.trim());
  return parts.filter(Boolean);
}
