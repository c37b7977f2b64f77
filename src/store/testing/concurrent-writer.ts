/**
 * @module A child process for the concurrency test: imports the given package under `count` names
 * (prefix + index) into one instance, and overwrites the shared package `shared` after each one.
 * Usage: node --import tsx concurrent-writer.ts ROOT INSTANCE PREFIX COUNT PACKAGE_FILE
 */
import fs from 'node:fs';
import { openInstance, resolveServer, importPackage } from '../index.ts';

const [root, instance, prefix, count, file] = process.argv.slice(2);
const bytes = fs.readFileSync(file!);
const ref = resolveServer(root!, instance!, 2014);
const s = await openInstance(ref);
try {
  for (let i = 0; i < Number(count); i++) {
    await importPackage(s, `${prefix}${i}`, bytes);
    await importPackage(s, 'shared', bytes, { overwrite: true });
  }
} finally {
  await s.close();
}
