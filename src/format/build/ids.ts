/** @module New DTSIDs for built objects: random `{GUID}`s, or a deterministic sequence for reproducible golden packages. */
import { randomUUID } from 'node:crypto';

/** Makes `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` identifiers. */
export type IdSource = () => string;

/** Random upper-case GUIDs in braces. */
export const randomIds: IdSource = () => `{${randomUUID().toUpperCase()}}`;

/** A deterministic sequence of GUID-shaped IDs from a seed (for golden packages whose bytes must not change). */
export function sequentialIds(seed = 1): IdSource {
  let n = seed;
  return () => {
    const hex = (n++).toString(16).toUpperCase().padStart(12, '0');
    return `{00000000-0000-4000-8000-${hex}}`;
  };
}
