/** @module Reads the top-level folders of a `MsDtsSrvr.ini.xml` (what `/DTS` paths start with): msdb folders and file system folders. */
import fs from 'node:fs';
import path from 'node:path';
import { SsisError } from '../errors.ts';
import { defaultServiceConfig } from './service-config.ts';
import type { Installation } from './layout.ts';

/** One `Folder` of `TopLevelFolders`. */
export type ServiceTopFolder =
  | { readonly type: 'SqlServerFolder'; readonly name: string; readonly serverName: string }
  | { readonly type: 'FileSystemFolder'; readonly name: string; /** Absolute; a relative `StorePath` is resolved from `Binn`. */ readonly storePath: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

function child(body: string, name: string): string | undefined {
  const m = new RegExp(`<${name}\\s*>([\\s\\S]*?)</${name}\\s*>`).exec(body);
  return m ? decode(m[1]!.trim()) : undefined;
}

/**
 * The top-level folders of the version's service configuration, in display order. As the
 * service does (events 272/273), a missing file gives the defaults; a malformed one is an error here.
 */
export function readServiceConfig(inst: Installation): ServiceTopFolder[] {
  let text: string;
  try {
    text = fs.readFileSync(inst.serviceConfigFile, 'utf8');
  } catch {
    text = defaultServiceConfig();
  }
  const section = /<TopLevelFolders\s*>([\s\S]*?)<\/TopLevelFolders\s*>/.exec(text);
  if (!/<DtsServiceConfiguration[\s>]/.test(text) || (!section && !/<TopLevelFolders\s*\/>/.test(text))) {
    throw new SsisError('0xC0010014', 'DTS_E_GENERICERROR', `The service configuration file "${inst.serviceConfigFile}" is not a DtsServiceConfiguration document.`, {
      location: { file: inst.serviceConfigFile },
    });
  }
  const folders: ServiceTopFolder[] = [];
  for (const m of (section?.[1] ?? '').matchAll(/<Folder\b([^>]*)>([\s\S]*?)<\/Folder\s*>/g)) {
    const type = /xsi:type\s*=\s*["']([^"']+)["']/.exec(m[1]!)?.[1];
    const name = child(m[2]!, 'Name') ?? '';
    if (type === 'SqlServerFolder') folders.push({ type, name, serverName: child(m[2]!, 'ServerName') ?? '.' });
    else if (type === 'FileSystemFolder') {
      const store = (child(m[2]!, 'StorePath') ?? '..\\Packages').replace(/\\/g, '/');
      folders.push({ type, name, storePath: path.resolve(inst.binn, store) });
    }
  }
  return folders;
}
