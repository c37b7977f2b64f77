/** @module The shared corpus of real packages, located from the repository root (CI keeps `shared/` beside the clone). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/corpus` relative to the repository root. */
export const CORPUS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus');

/** Every `.dtsx` of the given format folders, as { name, path, bytes }. */
export function corpusPackages(folders: string[] = ['v2', 'v3', 'v6', 'v8']): { folder: string; name: string; path: string; bytes: Buffer }[] {
  if (!existsSync(CORPUS_DIR)) throw new Error(`the corpus is missing: expected it at ${CORPUS_DIR}`);
  return folders.flatMap((folder) =>
    readdirSync(join(CORPUS_DIR, folder))
      .filter((n) => n.endsWith('.dtsx'))
      .sort()
      .map((name) => ({ folder, name, path: join(CORPUS_DIR, folder, name), bytes: readFileSync(join(CORPUS_DIR, folder, name)) })),
  );
}
