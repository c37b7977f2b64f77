/** @module The SQL (TSQL subsystem) step: the command runs on the connection named by the step's `database_name` — a connection URL (`sqlite:/path/file.db`, `postgres://…`, `mysql://…`, `mssql://…`) opened through `src/connections`; result rows go to the step's output. */
import { openConnection, parseConnectionUrl, isConnectionUrl } from '../../connections/index.ts';
import { errorMessage } from '../../errors.ts';
import { stepMessage, type StepKind } from './step-result.ts';

/** Runs SQL text on a connection URL; returns the printable output (result rows, tab-separated) and the rows changed. */
export async function executeSql(url: string, sql: string): Promise<{ output: string; rowsAffected: number }> {
  const connection = await openConnection(parseConnectionUrl(url, 'positional'));
  try {
    const result = await connection.query(sql);
    const lines: string[] = [];
    for (const set of result.resultSets) {
      lines.push(set.columns.map((c) => c.name).join('\t'));
      for (const row of set.rows) lines.push(row.map((v) => (v === null ? 'NULL' : String(v))).join('\t'));
      lines.push(`(${set.rows.length} row(s) returned)`);
    }
    return { output: lines.join('\n'), rowsAffected: result.rowsAffected };
  } finally {
    await connection.close();
  }
}

/** Runs a SQL step. */
export const sqlStep: StepKind = async (ctx) => {
  const url = ctx.step.database_name;
  if (!url || !isConnectionUrl(url)) {
    const message = `The step has no connection URL${url ? ` ("${url}" is not one)` : ''}: set its database to sqlite:PATH, postgres://…, mysql://… or mssql://….`;
    return { succeeded: false, output: message, message: stepMessage(ctx.user, message, 'The step failed.') };
  }
  try {
    const { output, rowsAffected } = await executeSql(url, ctx.step.command ?? '');
    return { succeeded: true, output, message: stepMessage(ctx.user, `(${rowsAffected} row(s) affected)`, 'The step succeeded.') };
  } catch (error) {
    const output = errorMessage(error);
    return { succeeded: false, output, message: stepMessage(ctx.user, output, 'The step failed.') };
  }
};
