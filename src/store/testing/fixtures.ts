/** @module Test support for the stores: the corpus, temporary installation roots and PostgreSQL instance URLs with a random schema. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { installRoot } from '../../installation/index.ts';

/** The repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The shared corpus, beside the clone. */
export const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

/** The `.dtsx` files of a corpus folder (`v2`, `v3`, `v6`, `v8`), sorted. */
export function corpusPackages(folder: 'v2' | 'v3' | 'v6' | 'v8'): string[] {
  const dir = path.join(CORPUS, folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.dtsx'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A fresh installed root in a temporary folder, and its removal. */
export function tempRoot(): { root: string; cleanup: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opendts-'));
  installRoot(root);
  return { root, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** A PostgreSQL URL for an instance in its own schema with a random suffix. */
export function pgInstanceUrl(label: string): string {
  return `postgres://postgres@127.0.0.1:5432/test?schema=opendts_${label}_${randomBytes(4).toString('hex')}`;
}
