/** @module Qualified table names as packages write them (`[dbo].[Table]`, `"s"."t"`, `s.t`), split into parts for each database's quoting. */

/** Splits `[dbo].[Table]`, `"s"."t"`, `s.t` into unquoted parts. */
export function splitQualified(name: string): string[] {
  const parts: string[] = [];
  const re = /\s*(?:\[((?:[^\]]|\]\])*)\]|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([^.]+))\s*(?:\.|$)/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < name.length && (m = re.exec(name))) {
    parts.push(m[1]?.replace(/\]\]/g, ']') ?? m[2]?.replace(/""/g, '"') ?? m[3]?.replace(/``/g, '`') ?? m[4]!.trim());
  }
  return parts;
}
