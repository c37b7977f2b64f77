/**
 * @module The SQL (TSQL subsystem) step: the command runs on the connection named by the step's
 * `database_name` (`sqlite:/path/file.db` or a `postgres://` URL). Until `src/connections` offers
 * its drivers, the two databases are reached directly through {@link executeSql}.
 */
import { openAgentDb } from '../sql-db.ts';
import { errorMessage } from '../../errors.ts';
import { stepMessage, type StepKind } from './step-result.ts';

/** Runs SQL text on a connection and returns what to report (rows returned or changed). */
export async function executeSql(connection: string, sql: string): Promise<string> {
  const db = await openAgentDb(connection);
  try {
    await db.exec(sql);
    return 'The command completed.';
  } finally {
    await db.close();
  }
}

/** Runs a SQL step. */
export const sqlStep: StepKind = async (ctx) => {
  const connection = ctx.step.database_name;
  if (!connection) {
    const message = 'The step has no connection: set its database (a sqlite: path or a postgres:// URL).';
    return { succeeded: false, output: message, message: stepMessage(ctx.user, message, 'The step failed.') };
  }
  try {
    const output = await executeSql(connection, ctx.step.command ?? '');
    return { succeeded: true, output, message: stepMessage(ctx.user, output, 'The step succeeded.') };
  } catch (error) {
    const output = errorMessage(error);
    return { succeeded: false, output, message: stepMessage(ctx.user, `${output} [SQLSTATE 42000] (Error 50000).`, 'The step failed.') };
  }
};
