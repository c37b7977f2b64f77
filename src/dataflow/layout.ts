/** @module The buffer layout of an execution tree: which column sits in which slot, and how many rows a buffer holds. */
import type { TypeSpec } from '../types/index.ts';
import { columnTypeSpec, estimatedWidth } from './column-types.ts';
import type { OutputColumnModel } from './model.ts';

/** One column of a buffer layout. */
export interface LayoutColumn {
  readonly slot: number;
  readonly lineageId: string;
  readonly name: string;
  readonly type: TypeSpec;
  readonly model: OutputColumnModel;
}

/** The columns of every buffer of one execution tree ("buffer type" in SSIS). */
export interface BufferLayout {
  readonly id: number;
  readonly columns: readonly LayoutColumn[];
  /** Rows per buffer: DefaultBufferMaxRows, reduced so that a buffer fits DefaultBufferSize. */
  readonly rowsPerBuffer: number;
  /** Estimated bytes per row. */
  readonly rowWidth: number;
  /** The slot of a lineage, or undefined when the lineage is not in this tree. */
  slotOf(lineageId: string): number | undefined;
}

/** Buffer sizing settings from the Data Flow task. */
export interface BufferSizing {
  /** DefaultBufferMaxRows (SSIS default 10 000). */
  readonly maxRows: number;
  /** DefaultBufferSize in bytes (SSIS default 10 485 760). */
  readonly maxBytes: number;
}

/** SSIS's defaults. */
export const DEFAULT_SIZING: BufferSizing = { maxRows: 10_000, maxBytes: 10_485_760 };

/** Builds a layout from the output columns that live in a tree, in order. */
export function buildLayout(id: number, columns: readonly OutputColumnModel[], sizing: BufferSizing): BufferLayout {
  const slots = new Map<string, number>();
  const out: LayoutColumn[] = [];
  let width = 0;
  for (const c of columns) {
    if (slots.has(c.lineageId)) continue;
    const type = columnTypeSpec(c, `output column "${c.name}"`);
    const slot = out.length;
    slots.set(c.lineageId, slot);
    out.push({ slot, lineageId: c.lineageId, name: c.name, type, model: c });
    width += estimatedWidth(type);
  }
  const rowWidth = Math.max(1, width);
  const rowsPerBuffer = Math.max(1, Math.min(sizing.maxRows, Math.floor(sizing.maxBytes / rowWidth)));
  return { id, columns: out, rowsPerBuffer, rowWidth, slotOf: (l) => slots.get(l) };
}
