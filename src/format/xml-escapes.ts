/** @module The `_xHHHH_` escapes SSIS uses for control characters in some attribute values (`_x000D__x000A_` = CR LF). */

/** Decodes `_x000D__x000A_` → `\r\n`. */
export function decodeXmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Encodes control characters and `"` as `_xHHHH_`, as SSIS writes delimiters and qualifiers. */
export function encodeXmlEscapes(text: string): string {
  return text.replace(/[\u0000-\u001f"]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}
