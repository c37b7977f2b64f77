/** @module Test helper: the connection managers of the shared corpus (found with plain text scanning, so the test needs no other layer). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A connection manager found in a corpus file. */
export interface CorpusConnection {
  readonly file: string;
  readonly name: string;
  readonly creationName: string;
  readonly connectionString: string;
}

/** The corpus folder: `../shared/corpus` beside the repository root. */
export function corpusDir(): string {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  return path.resolve(root, '..', 'shared', 'corpus');
}

function decode(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function files(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) files(p, out);
    else if (/\.(dtsx|conmgr|dtsconfig|params|dtproj)$/i.test(name)) out.push(p);
  }
  return out;
}

const attr = (chunk: string, name: string): string | undefined => {
  const m = new RegExp(`(?:DTS:)?${name}="([^"]*)"`).exec(chunk);
  return m ? decode(m[1]!) : undefined;
};
const prop = (chunk: string, name: string): string | undefined => {
  const m = new RegExp(`<DTS:Property DTS:Name="${name}"[^>]*>([^<]*)<`).exec(chunk);
  return m ? decode(m[1]!) : undefined;
};

/** Every connection manager with a connection string, in every .dtsx and .conmgr of the corpus. */
export function corpusConnections(): CorpusConnection[] {
  const out: CorpusConnection[] = [];
  for (const file of files(corpusDir()).filter((f) => /\.(dtsx|conmgr)$/i.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    let creationName = '';
    let name = '';
    for (const whole of text.split(/<DTS:ConnectionManager\b/).slice(1)) {
      const chunk = whole.split('</DTS:ConnectionManager>')[0]!;
      // Attributes of the opening tag (2012+), or property children before the object data (2005/2008).
      const tag = chunk.split('>')[0]!;
      const before = chunk.includes('<DTS:ObjectData>') ? chunk.split('<DTS:ObjectData>')[0]! : '';
      const cn = attr(tag, 'CreationName') ?? prop(before, 'CreationName');
      const on = attr(tag, 'ObjectName') ?? prop(before, 'ObjectName');
      if (cn !== undefined && cn !== '') creationName = cn;
      if (on !== undefined && on !== '') name = on;
      const inner = chunk.split('<DTS:FlatFileColumn')[0]!;
      const cs = attr(tag, 'ConnectionString') ?? prop(inner, 'ConnectionString') ?? attr(inner, 'ConnectionString');
      if (cs !== undefined) out.push({ file: path.basename(file), name, creationName, connectionString: cs });
    }
  }
  return out;
}

/** Connection strings set by configurations (.dtsConfig `…Properties[ConnectionString]` values). */
export function corpusConfiguredConnectionStrings(): string[] {
  const out: string[] = [];
  for (const file of files(corpusDir()).filter((f) => /\.dtsconfig$/i.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    const re = /Path="[^"]*\[ConnectionString\]"[^>]*>\s*<ConfiguredValue>([^<]*)<\/ConfiguredValue>/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push(decode(m[1]!));
  }
  return out;
}

/** Connection strings held as plain values in project files (.params, .dtproj): text starting with a known key. */
export function corpusProjectConnectionStrings(): string[] {
  const out: string[] = [];
  for (const file of files(corpusDir()).filter((f) => /\.(params|dtproj)$/i.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    const re = /[>"]((?:Data Source|Provider|Server|Dsn|Driver)=[^<"]*)[<"]/gi;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push(decode(m[1]!));
  }
  return out;
}
