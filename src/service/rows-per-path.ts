/** @module Row counts per data flow path, read back from a run's messages (the `OnPipelineRowsSent` entries dtexec echoes with `/Cons`). */

/** Rows that travelled one path in a run. */
export interface PathRows {
  /** The path's refId, e.g. `Package\Load.Paths[Out]`. */
  readonly path: string;
  readonly name: string;
  /** The component the rows went to. */
  readonly to: string;
  readonly rows: number;
}

const ROWS_SENT = /^\s*Message: Rows were provided to a data flow component as input\. :.*? : (.+?) : (.*?) : (.*?) : (\d+)\s*$/;

/** The row counts in a run's message lines; a path reported more than once (a loop) adds up. */
export function rowsPerPath(lines: readonly string[]): PathRows[] {
  const byPath = new Map<string, PathRows>();
  for (const line of lines) {
    const m = ROWS_SENT.exec(line);
    if (!m) continue;
    const prev = byPath.get(m[1]!);
    byPath.set(m[1]!, { path: m[1]!, name: m[2]!, to: m[3]!, rows: (prev?.rows ?? 0) + Number(m[4]) });
  }
  return [...byPath.values()];
}
