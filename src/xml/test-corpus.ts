/** @module Test support: locating the shared corpus of real SSIS files (`../shared/corpus` beside the repository). */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (found from this file, not from the working directory). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The corpus folder. */
export const corpusDir = resolve(repoRoot, '..', 'shared', 'corpus');

/** Absolute paths of every corpus file in `folders` whose name ends with one of `extensions` (all when empty). */
export function corpusFiles(folders: string[] = ['v2', 'v3', 'v6', 'v8', 'other'], extensions: string[] = []): string[] {
  const out: string[] = [];
  for (const folder of folders) {
    const dir = join(corpusDir, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (extensions.length === 0 || extensions.some((e) => name.toLowerCase().endsWith(e.toLowerCase()))) out.push(join(dir, name));
    }
  }
  return out;
}

/** The path of one file in the corpus. */
export function corpusFile(relative: string): string {
  return join(corpusDir, relative);
}
