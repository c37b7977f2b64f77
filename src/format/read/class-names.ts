/**
 * @module The class-ID look-ups of a package read, remembered: a package names the same few classes (and every
 * package the same few hundred) over and over, and each look-up in the table normalizes the spelling with regular
 * expressions first.
 */
import { canonicalClassId, canonicalConnectionType, type ClassKind } from '../../versions/index.ts';

/** Past this many spellings of a kind (third-party names, hand-written files) the memory starts over. */
const LIMIT = 4096;

const MEMO = new Map<ClassKind, Map<string, string>>();

function remembered(raw: string, kind: ClassKind, compute: (raw: string, kind: ClassKind) => string): string {
  let memo = MEMO.get(kind);
  if (memo === undefined) MEMO.set(kind, (memo = new Map()));
  let name = memo.get(raw);
  if (name === undefined) {
    if (memo.size >= LIMIT) memo.clear();
    name = compute(raw, kind);
    memo.set(raw, name);
  }
  return name;
}

/** `canonicalClassId` of the class-ID table, remembered. */
export function canonicalClass(raw: string, kind: ClassKind): string {
  return remembered(raw, kind, canonicalClassId);
}

/** `canonicalConnectionType` of the class-ID table, remembered. */
export function canonicalConnection(raw: string): string {
  return remembered(raw, 'connection', canonicalConnectionType);
}
