/** @module A small SQL scanner: finds parameter markers (`?`, `@name`) and statement boundaries (`;`, `GO` lines) outside strings, identifiers and comments. */

/** A parameter marker found in SQL text. */
export interface SqlMarker {
  /** `?` (positional) or `@` (named). */
  readonly kind: '?' | '@';
  /** For `@name`: the name without `@`. */
  readonly name?: string;
  readonly start: number;
  readonly end: number;
}

/** One statement of a script, with its markers (offsets relative to the statement text). */
export interface SqlStatement {
  readonly text: string;
  readonly markers: readonly SqlMarker[];
}

/** Which quoting rules apply. */
export interface SqlDialect {
  /** MySQL/MariaDB: backslash escapes inside '…' and "…", and `…` identifiers. */
  readonly backslashEscapes?: boolean;
  /** PostgreSQL: $tag$ … $tag$ strings and E'…' strings. */
  readonly dollarQuotes?: boolean;
}

/** Splits a script at lines holding only `GO` (the batch separator of SQL Server tools and the Execute SQL task). */
export function splitGoBatches(sql: string): string[] {
  const batches: string[] = [];
  let current: string[] = [];
  for (const line of sql.split(/\r?\n/)) {
    if (/^\s*go\s*(?:--.*)?$/i.test(line)) {
      batches.push(current.join('\n'));
      current = [];
    } else {
      current.push(line);
    }
  }
  batches.push(current.join('\n'));
  return batches.filter((b) => b.trim() !== '');
}

/**
 * Splits a script into statements at `;` and `GO` lines outside strings, quoted identifiers and comments, and
 * finds each statement's parameter markers. A `CREATE … TRIGGER` body (`BEGIN … END`) stays whole.
 * Empty statements are dropped.
 */
export function splitStatements(sql: string, dialect: SqlDialect = {}): SqlStatement[] {
  const out: SqlStatement[] = [];
  for (const batch of splitGoBatches(sql)) {
    let start = 0;
    let depth = 0;
    let markers: SqlMarker[] = [];
    scan(batch, dialect, {
      marker: (m) => markers.push(m),
      word: (w) => {
        const u = w.toUpperCase();
        if (u === 'BEGIN' && /^\s*create\s+(?:temp\s+|temporary\s+)?trigger\b/i.test(batch.slice(start))) depth++;
        else if ((u === 'END') && depth > 0) depth--;
      },
      semicolon: (at) => {
        if (depth > 0) return;
        push(batch, start, at, markers, out);
        start = at + 1;
        markers = [];
      },
    });
    push(batch, start, batch.length, markers, out);
  }
  return out;
}

function push(batch: string, start: number, end: number, markers: SqlMarker[], out: SqlStatement[]): void {
  const raw = batch.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  out.push({ text, markers: markers.map((m) => ({ ...m, start: m.start - start - lead, end: m.end - start - lead })) });
}

/** The markers of one piece of SQL (no splitting). */
export function findMarkers(sql: string, dialect: SqlDialect = {}): SqlMarker[] {
  const markers: SqlMarker[] = [];
  scan(sql, dialect, { marker: (m) => markers.push(m) });
  return markers;
}

/** Rewrites markers: each is replaced by what `replace` returns for it (the rest of the text unchanged). */
export function rewriteMarkers(sql: string, markers: readonly SqlMarker[], replace: (m: SqlMarker, index: number) => string): string {
  let out = '';
  let at = 0;
  markers.forEach((m, i) => {
    out += sql.slice(at, m.start) + replace(m, i);
    at = m.end;
  });
  return out + sql.slice(at);
}

interface ScanEvents {
  marker(m: SqlMarker): void;
  word?(w: string): void;
  semicolon?(at: number): void;
}

function scan(sql: string, dialect: SqlDialect, on: ScanEvents): void {
  const n = sql.length;
  let i = 0;
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === '-' && next === '-') {
      const eol = sql.indexOf('\n', i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? n : close + 2;
    } else if (c === "'") {
      const escapes = dialect.backslashEscapes === true || (dialect.dollarQuotes === true && i > 0 && /[eE]/.test(sql[i - 1]!) && !/\w/.test(sql[i - 2] ?? ''));
      i = skipQuoted(sql, i, "'", escapes);
    } else if (c === '"') {
      i = skipQuoted(sql, i, '"', dialect.backslashEscapes === true);
    } else if (c === '`') {
      i = skipQuoted(sql, i, '`', false);
    } else if (c === '[') {
      i = skipQuoted(sql, i, ']', false);
    } else if (c === '$' && dialect.dollarQuotes) {
      const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const close = sql.indexOf(tag[0], i + tag[0].length);
        i = close < 0 ? n : close + tag[0].length;
      } else i++;
    } else if (c === '?') {
      on.marker({ kind: '?', start: i, end: i + 1 });
      i++;
    } else if (c === '@') {
      const m = /^@([A-Za-z_#][A-Za-z0-9_#$]*)/.exec(sql.slice(i, i + 130));
      if (next === '@') {
        i += 2;
        while (i < n && /[A-Za-z0-9_]/.test(sql[i]!)) i++;
      } else if (m && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
        on.marker({ kind: '@', name: m[1]!, start: i, end: i + m[0].length });
        i += m[0].length;
      } else i++;
    } else if (c === ';') {
      on.semicolon?.(i);
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(sql[j]!)) j++;
      on.word?.(sql.slice(i, j));
      i = j;
    } else i++;
  }
}

function skipQuoted(sql: string, i: number, close: string, backslash: boolean): number {
  const n = sql.length;
  let j = i + 1;
  while (j < n) {
    const c = sql[j]!;
    if (backslash && c === '\\') { j += 2; continue; }
    if (c === close) {
      if (sql[j + 1] === close) { j += 2; continue; }
      return j + 1;
    }
    j++;
  }
  return n;
}
