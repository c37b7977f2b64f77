/** @module The value an Object variable holds for a result set (Execute SQL full result set, Recordset destination), which the Foreach ADO enumerator reads. */

/** A rowset held in an Object variable: column names and rows (one array of values per row). */
export class Recordset {
  readonly columns: readonly string[];
  readonly rows: unknown[][];

  constructor(columns: readonly string[], rows: unknown[][]) {
    this.columns = columns;
    this.rows = rows;
  }

  /** Number of rows. */
  get length(): number {
    return this.rows.length;
  }
}
