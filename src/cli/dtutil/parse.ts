/**
 * @module dtutil's command line as SSIS reads it: options start with `/` or `-`, are case-insensitive
 * and may be abbreviated; multi-part arguments are `;`-separated with `"` quoting. Every syntax or
 * semantic error is reported with the message to print (exit code 6).
 */
import { splitParts } from '../dtexec/split-parts.ts';
import type { DtutilAction, DtutilCommand, StoreKind } from './command.ts';
import { matchOption } from './options.ts';

/** The result of parsing: the command, or the message of a command-line error. */
export type ParseResult = { readonly ok: true; readonly command: DtutilCommand } | { readonly ok: false; readonly message: string };

class SyntaxError_ extends Error {}
const fail = (message: string): never => {
  throw new SyntaxError_(message);
};

function store(text: string, allowed: readonly StoreKind[], option: string): StoreKind {
  const s = text.trim().toUpperCase() as StoreKind;
  if (!allowed.includes(s)) fail(`The /${option} option needs one of ${allowed.join(', ')} as its first part; "${text}" is not valid.`);
  return s;
}

function parts(value: string, max: number, option: string, need: number): string[] {
  const p = splitParts(value, max);
  if (p.length < need || p.slice(0, need).some((x) => x === '')) fail(`The /${option} option is missing arguments: "${value}".`);
  return p;
}

function action(option: string, value: string): DtutilAction {
  switch (option) {
    case 'Copy':
    case 'Move': {
      const [s, path] = parts(value, 2, option, 2);
      return { kind: option === 'Copy' ? 'COPY' : 'MOVE', dest: store(s!, ['SQL', 'FILE', 'DTS'], option), path: path! };
    }
    case 'Encrypt': {
      const [s, path, level, password] = parts(value, 4, option, 3);
      if (s!.trim().toUpperCase() === 'DTS') fail('The /Encrypt option does not support the DTS store; use SQL or FILE.');
      const n = Number(level);
      if (!/^\s*[0-5]\s*$/.test(level!)) fail(`The protection level "${level}" of /Encrypt is not valid: use 0 to 5.`);
      if ((n === 2 || n === 3) && !password) fail(`Protection level ${n} of /Encrypt needs a password.`);
      return { kind: 'ENCRYPT', dest: store(s!, ['SQL', 'FILE'], option) as 'SQL' | 'FILE', path: path!, level: n, ...(password ? { password } : {}) };
    }
    case 'Sign': {
      const [s, path, hash] = parts(value, 3, option, 3);
      return { kind: 'SIGN', dest: store(s!, ['SQL', 'FILE', 'DTS'], option), path: path!, hash: hash! };
    }
    case 'Dump':
      return { kind: 'DUMP', pid: value };
    case 'FCreate': {
      const [s, parent, name] = parts(value, 3, option, 3);
      return { kind: 'FCREATE', store: store(s!, ['SQL', 'DTS'], option) as 'SQL' | 'DTS', parent: parent!, name: name! };
    }
    case 'FDelete': {
      const [s, parent, name] = parts(value, 3, option, 3);
      return { kind: 'FDELETE', store: store(s!, ['SQL', 'DTS'], option) as 'SQL' | 'DTS', parent: parent!, name: name! };
    }
    case 'FDirectory': {
      const [s, path, sub] = parts(value, 3, option, 1);
      if (sub !== undefined && sub.trim().toUpperCase() !== 'S') fail(`The third part of /FDirectory must be S (subfolders); "${sub}" is not valid.`);
      return { kind: 'FDIRECTORY', store: store(s!, ['SQL', 'DTS'], option) as 'SQL' | 'DTS', path: path ?? '', recursive: sub !== undefined };
    }
    case 'FExists': {
      const [s, path] = parts(value, 2, option, 1);
      return { kind: 'FEXISTS', store: store(s!, ['SQL', 'DTS'], option) as 'SQL' | 'DTS', path: path ?? '' };
    }
    case 'FRename': {
      const [s, parent, oldName, newName] = parts(value, 4, option, 4);
      return { kind: 'FRENAME', store: store(s!, ['SQL', 'DTS'], option) as 'SQL' | 'DTS', parent: parent!, oldName: oldName!, newName: newName! };
    }
  }
  return fail(`internal: /${option} is not an action`);
}

const SOURCES: Record<string, StoreKind> = { File: 'FILE', SQL: 'SQL', DTS: 'DTS' };
const FOLDER_ACTIONS = new Set(['FCREATE', 'FDELETE', 'FDIRECTORY', 'FEXISTS', 'FRENAME', 'DUMP']);
const SQL_DEST_ACTIONS = new Set(['COPY', 'MOVE', 'SIGN', 'ENCRYPT']);

function isOption(arg: string | undefined): boolean {
  return arg !== undefined && /^[/-]/.test(arg) && matchOption(arg.slice(1)) !== undefined;
}

/** Parses dtutil's arguments. */
export function parseDtutilArgs(args: readonly string[]): ParseResult {
  const c: {
    -readonly [K in keyof DtutilCommand]: DtutilCommand[K];
  } & { remarks: string[] } = { idRegenerate: false, quiet: false, remarks: [] };
  const actions: { option: string; action: DtutilAction }[] = [];
  const sources: { option: string; kind: StoreKind; path: string }[] = [];
  const seen = new Set<string>();
  try {
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      if (!/^[/-]./.test(arg)) fail(`Option "${arg}" is not valid: options start with / or -.`);
      const opt = matchOption(arg.slice(1));
      if (!opt) fail(`Option "${arg}" is not valid.`);
      let value: string | undefined;
      if (opt!.arg === 'required') {
        value = args[++i];
        if (value === undefined) fail(`The /${opt!.name} option requires an argument.`);
      } else if (opt!.arg === 'optional' && args[i + 1] !== undefined && !isOption(args[i + 1])) value = args[++i];
      const name = opt!.name;
      if (seen.has(name) && name !== 'Remark') fail(`The /${name} option was specified more than once.`);
      seen.add(name);
      switch (name) {
        case '?':
          c.help = true;
          break;
        case 'Help':
          c.help = value ?? true;
          break;
        case 'File':
        case 'SQL':
        case 'DTS':
          sources.push({ option: name, kind: SOURCES[name]!, path: splitParts(value!, 1)[0]! });
          break;
        case 'SourceServer':
          c.sourceServer = value;
          break;
        case 'SourceUser':
          c.sourceUser = value;
          break;
        case 'SourcePassword':
          c.sourcePassword = value;
          break;
        case 'DestServer':
          c.destServer = value;
          break;
        case 'DestUser':
          c.destUser = value;
          break;
        case 'DestPassword':
          c.destPassword = value;
          break;
        case 'Decrypt':
          c.decrypt = value;
          break;
        case 'IDRegenerate':
          c.idRegenerate = true;
          break;
        case 'Quiet':
          c.quiet = true;
          break;
        case 'Remark':
          c.remarks.push(value ?? '');
          break;
        case 'Delete':
          actions.push({ option: name, action: { kind: 'DELETE' } });
          break;
        case 'Exists':
          actions.push({ option: name, action: { kind: 'EXISTS' } });
          break;
        default:
          actions.push({ option: name, action: action(name, value!) });
      }
    }
    if (c.help !== undefined) return { ok: true, command: c };
    if (sources.length > 1) fail(`The /${sources[0]!.option} and /${sources[1]!.option} options cannot be combined.`);
    if (actions.length > 1) fail(`The /${actions[0]!.option} and /${actions[1]!.option} options cannot be combined.`);
    const source = sources[0];
    const hasSourceLogin = c.sourceServer !== undefined || c.sourceUser !== undefined || c.sourcePassword !== undefined;
    if (c.sourcePassword !== undefined && c.sourceUser === undefined) fail('The /SourcePassword option requires /SourceUser.');
    if (c.destPassword !== undefined && c.destUser === undefined) fail('The /DestPassword option requires /DestUser.');
    let act = actions[0]?.action;
    if (!act && c.idRegenerate && source) act = { kind: 'IDREGENERATE' };
    if (!act) fail(source ? 'No action was specified: use /COPY, /MOVE, /DELETE, /EXISTS, /ENCRYPT or /IDRegenerate.' : 'No package source (/FILE, /SQL or /DTS) and no folder action was specified.');
    const sqlFolderAction = 'store' in act! && act!.store === 'SQL';
    if (hasSourceLogin && source?.kind !== 'SQL' && !sqlFolderAction) fail(`The /SourceServer, /SourceUser and /SourcePassword options are only valid with /SQL or a SQL folder action.`);
    const destIsSql = 'dest' in act! && act!.dest === 'SQL';
    if ((c.destServer !== undefined || c.destUser !== undefined) && !(SQL_DEST_ACTIONS.has(act!.kind) && destIsSql)) {
      fail('The /DestServer, /DestUser and /DestPassword options are only valid with a SQL action (/COPY SQL, /MOVE SQL, /SIGN SQL, /ENCRYPT SQL).');
    }
    if (FOLDER_ACTIONS.has(act!.kind)) {
      if (source) fail(`The /${actions[0]!.option} option cannot be combined with /${source.option}.`);
      if (c.idRegenerate) fail(`The /IDRegenerate option cannot be combined with /${actions[0]!.option}.`);
    } else if (!source) fail(`The /${actions[0]!.option} option needs a package source: /FILE, /SQL or /DTS.`);
    c.source = source ? { kind: source.kind, path: source.path } : undefined;
    c.action = act;
    return { ok: true, command: c };
  } catch (error) {
    if (error instanceof SyntaxError_) return { ok: false, message: error.message };
    throw error;
  }
}
