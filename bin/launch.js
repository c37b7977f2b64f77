// Starts one of the OpenDTS commands: the compiled build when present, else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function launch(tool) {
  const built = join(root, 'dist', 'cli', 'main.js');
  let entry = built;
  if (!existsSync(built) || process.env.OPENDTS_FROM_SOURCE === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    entry = join(root, 'src', 'cli', 'main.ts');
  }
  const { runProcess } = await import(pathToFileURL(entry).href);
  await runProcess(tool, process.argv.slice(2));
}
