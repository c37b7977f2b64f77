/**
 * @module What dtutil prints: its banner, its result messages, and the overwrite question. The banner's
 * first line and "The operation completed successfully." are documented; the other texts are from
 * memory of dtutil's output and unverified.
 */
import readline from 'node:readline';
import type { ProductVersion } from '../../versions/index.ts';
import { toolBanner } from '../banner.ts';
import type { CliIo } from '../io.ts';

/** The banner dtutil prints first. */
export function dtutilBanner(version: ProductVersion): string[] {
  return toolBanner('SSIS Package Utilities', version);
}

/** The messages dtutil prints. */
export const MESSAGES = {
  success: 'The operation completed successfully.',
  packageExists: 'The specified package exists.',
  packageMissing: 'The specified package does not exist.',
  folderExists: 'The specified folder exists.',
  folderMissing: 'The specified folder does not exist.',
  canceled: 'The operation was canceled.',
  overwrite: (what: string) => `${what} already exists. Are you sure you want to overwrite it? (Y/N)`,
} as const;

/**
 * Asks dtutil's overwrite question. Only an interactive console can answer it (Y overwrites); when
 * nobody can answer, the answer is N and the program ends, as SSIS's dtutil does on N.
 */
export async function confirm(io: CliIo, question: string): Promise<boolean> {
  io.out(question);
  if (io.env !== process.env || !process.stdin.isTTY) return false;
  const rl = readline.createInterface({ input: process.stdin });
  try {
    const answer = await new Promise<string>((resolve) => rl.once('line', resolve));
    return /^\s*y/i.test(answer);
  } finally {
    rl.close();
  }
}
