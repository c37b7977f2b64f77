/** @module Lineage references in custom property values: `#{Package\DFT\Src.Outputs[Out].Columns[A]}` (2012+) and `#123` (2008). */

/** The refId inside a `#{…}` reference (or the text itself when it is a bare refId); undefined for an empty value. */
export function lineageRef(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.trim();
  if (t === '') return undefined;
  const m = /^#\{(.*)\}$/s.exec(t);
  return m ? m[1] : t;
}

/** Every `#{…}` reference in a text, in order (for `;`-separated lists such as the Lookup ParameterMap). */
export function lineageRefs(value: string | undefined): string[] {
  const out: string[] = [];
  for (const m of (value ?? '').matchAll(/#\{([^}]*)\}/g)) out.push(m[1]!);
  return out;
}
