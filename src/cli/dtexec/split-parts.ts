/** @module dtexec's argument quoting: `;`-separated parts, double quotes around a part, `""` for a literal quote. */

/**
 * Removes one level of dtexec quoting from a whole argument: `"a b"` → `a b`, and `""` inside
 * quotes stands for one `"`. Text outside quotes is kept as written.
 */
export function unquote(text: string): string {
  return splitParts(text, Number.POSITIVE_INFINITY).join(';');
}

/**
 * Splits a multi-part argument (`/SET`, `/CONN`, `/Par`, `/Rep`, `/ConsoleLog`, `/VerifyBuild`, `/Dump`)
 * at the `;` separators that are outside double quotes, unquoting each part. At most `maxParts`
 * parts are produced: the last one keeps the rest of the text (separators included), so
 * `path;a;b` split in two is `["path", "a;b"]`. A shell has usually removed the quotes already,
 * which is why the rest is kept whole.
 */
export function splitParts(text: string, maxParts: number): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === ';' && !quoted && parts.length < maxParts - 1) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Splits the text of a command file (`/Com`) into arguments: white space separates them except
 * inside double quotes; the quotes are kept so that multi-part arguments can still be split.
 */
export function tokenizeCommandText(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let inToken = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      current += ch;
      inToken = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += ch;
      inToken = true;
    }
  }
  if (inToken) tokens.push(current);
  return tokens;
}
