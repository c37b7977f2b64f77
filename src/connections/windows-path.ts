/** @module Windows paths found in packages (`C:\data\in.csv`, `\\server\share\x.csv`) mapped to Linux paths by a documented, configurable rule. */
import { SsisError } from '../errors.ts';

/** One prefix mapping: a Windows prefix (`C:\`, `\\server\share`) and the Linux folder it stands for. */
export interface PathMapRule {
  readonly from: string;
  readonly to: string;
}

/** The environment variable that holds extra rules, e.g. `C:\=/data/c/;\\server\share=/mnt/share`. */
export const PATH_MAP_ENV = 'OPENDTS_PATH_MAP';

/**
 * Parses rules written as `prefix=folder` pairs separated by `;` (the form of `OPENDTS_PATH_MAP`).
 * The first `=` splits a pair, so Linux folders may contain `=`; empty pairs are skipped.
 */
export function parsePathMap(text: string): PathMapRule[] {
  const rules: PathMapRule[] = [];
  for (const part of text.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new SsisError('0xC0014009', 'DTS_E_INVALIDPATHMAP', `The path map entry "${part}" is not of the form "C:\\=/linux/folder".`);
    rules.push({ from: part.slice(0, eq).trim(), to: part.slice(eq + 1).trim() });
  }
  return rules;
}

/** The rules of `OPENDTS_PATH_MAP` in an environment (none when unset). */
export function pathRulesFromEnv(env: Readonly<Record<string, string | undefined>>): PathMapRule[] {
  const text = env[PATH_MAP_ENV];
  return text ? parsePathMap(text) : [];
}

/** True when a path is written the Windows way: a drive letter, a UNC share, or backslashes. */
export function isWindowsPath(path: string): boolean {
  return /^[A-Za-z]:/.test(path) || /^[\\/]{2}[^\\/]/.test(path) || path.includes('\\');
}

/**
 * Maps a path from a package to a Linux path.
 * 1. The longest rule whose prefix matches (case-insensitively, `/` and `\` alike) replaces that prefix (on a tie, the later rule).
 * 2. Otherwise a drive letter is dropped and backslashes become slashes, as SSIS on Linux does:
 *    `C:\data\in.csv` → `/data/in.csv`, `C:/x` → `/x`, `D:rel\x` → `rel/x`.
 * 3. A UNC path (`\\server\share\…`) with no rule is an error naming the rule to add.
 * Linux paths and relative paths pass through (backslashes become slashes).
 */
export function mapWindowsPath(path: string, rules: readonly PathMapRule[] = []): string {
  if (!isWindowsPath(path)) return path;
  const key = normalizeWindows(path).toLowerCase();
  let best: PathMapRule | undefined;
  let bestLength = -1;
  for (const rule of rules) {
    const from = normalizeWindows(rule.from).toLowerCase();
    const bare = from.endsWith('\\') ? from.slice(0, -1) : from;
    const matches = key === bare || key.startsWith(bare + '\\') || (from.endsWith('\\') && key.startsWith(from));
    if (matches && bare.length >= bestLength) {
      best = rule;
      bestLength = bare.length;
    }
  }
  if (best) {
    const rest = normalizeWindows(path).slice(bestLength).replace(/^\\+/, '').replace(/\\/g, '/');
    if (!rest) return best.to.replace(/(.)\/+$/, '$1');
    return best.to.endsWith('/') ? best.to + rest : `${best.to}/${rest}`;
  }
  if (/^[\\/]{2}/.test(path)) {
    const share = normalizeWindows(path).split('\\').slice(0, 4).join('\\');
    throw new SsisError(
      '0xC001401E',
      'DTS_E_FILECONNECTIONMANAGERNOTMAPPED',
      `The network path "${path}" has no Linux equivalent. Map its share with ${PATH_MAP_ENV}="${share}=/mnt/…" or the "pathMap" setting.`,
    );
  }
  return normalizeWindows(path).replace(/^[A-Za-z]:/, '').replace(/\\/g, '/');
}

function normalizeWindows(path: string): string {
  return path.replace(/\//g, '\\');
}
