// Starts one of the OpenDTS commands: the compiled build when it is up to date, else the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtIsCurrent(built) {
  if (!existsSync(built) || process.env.OPENDTS_FROM_SOURCE === '1') return false;
  const src = join(root, 'src');
  return !existsSync(src) || statSync(built).mtimeMs >= newestMtime(src);
}

export async function launch(tool) {
  let entry = join(root, 'dist', 'cli', 'main.js');
  if (!builtIsCurrent(entry)) {
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(root, 'src', 'cli', 'main.ts');
  }
  const { runProcess } = await import(pathToFileURL(entry).href);
  await runProcess(tool, process.argv.slice(2));
}
