/** @module dtexec's console layout: banner, Error/Warning/Info/Progress blocks, the result line, and Started/Finished/Elapsed. */
import { toolBanner } from '../banner.ts';
import type { ProductVersion } from '../../versions/index.ts';

/** The message kinds dtexec prints as blocks. */
export type BlockKind = 'Error' | 'Warning' | 'Info' | 'Progress';

/** One message block. */
export interface ConsoleBlock {
  readonly kind: BlockKind;
  readonly time: Date;
  /** Hex code, e.g. `0xC0202009`; progress blocks have none. */
  readonly code?: string;
  /** The source: executable name, then the sub-component if any. */
  readonly source: string;
  /** The description, or for progress the progress text (`Validating: 0% complete`). */
  readonly description: string;
}

/** The banner dtexec prints first: the version's product name and build. */
export function banner(version: ProductVersion): string[] {
  return toolBanner('Execute Package Utility', version);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-dd hh:mm:ss.ff` in local time, as dtexec stamps each message. */
export function stamp(time: Date): string {
  return (
    `${time.getFullYear()}-${pad2(time.getMonth() + 1)}-${pad2(time.getDate())} ` +
    `${pad2(time.getHours())}:${pad2(time.getMinutes())}:${pad2(time.getSeconds())}.${pad2(Math.floor(time.getMilliseconds() / 10))}`
  );
}

/** `h:mm:ss AM`, the short local time of the Started and Finished lines. */
export function shortTime(time: Date): string {
  const h = time.getHours();
  return `${h % 12 === 0 ? 12 : h % 12}:${pad2(time.getMinutes())}:${pad2(time.getSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The lines of one message block. */
export function formatBlock(block: ConsoleBlock): string[] {
  const lines = [`${block.kind}: ${stamp(block.time)}`];
  if (block.kind === 'Progress') {
    lines.push(`   Source: ${block.source}`, `   ${block.description}`);
  } else {
    lines.push(`   Code: ${block.code ?? '0x00000000'}`, `   Source: ${block.source}`, `   Description: ${block.description}`);
  }
  lines.push(`End ${block.kind}`);
  return lines;
}

/** The `DTSExecResult` names dtexec prints. */
const RESULT_NAMES = ['DTSER_SUCCESS', 'DTSER_FAILURE', 'DTSER_COMPLETION', 'DTSER_CANCELED'] as const;

/** `DTExec: The package execution returned DTSER_SUCCESS (0).` */
export function resultLine(result: 0 | 1 | 2 | 3): string {
  return `DTExec: The package execution returned ${RESULT_NAMES[result]} (${result}).`;
}

/** The Started, Finished and Elapsed lines that close every run. */
export function timingLines(started: Date, finished: Date): string[] {
  return [
    `Started:  ${shortTime(started)}`,
    `Finished: ${shortTime(finished)}`,
    `Elapsed:  ${((finished.getTime() - started.getTime()) / 1000).toFixed(3)} seconds`,
  ];
}
