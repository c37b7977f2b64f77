/** @module The Execute SQL task: SQL from direct input, a file or a variable; parameters by ordinal or name per connection type; none / single row / full / XML result sets. */
import { readFileSync } from 'node:fs';
import { SsisError, errorMessage } from '../errors.ts';
import type { QueryParams, QueryResult } from '../connections/driver.ts';
import { Recordset } from '../runtime/recordset.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

interface Binding { parameterName: string; variableName: string; direction: string }
interface ResultBinding { resultName: string; variableName: string }

const str = (ctx: TaskContext, name: string) => String(ctx.settings[name] ?? '');

/** The result set kind: None, SingleRow, Rowset (full), XML. */
export function resultKind(text: string): 'None' | 'SingleRow' | 'Rowset' | 'XML' {
  const t = text.replace(/^ResultSetType_/i, '').toLowerCase();
  if (t === 'singlerow' || t === '2') return 'SingleRow';
  if (t === 'rowset' || t === 'full' || t === '3') return 'Rowset';
  if (t === 'xml' || t === '4') return 'XML';
  return 'None';
}

function sqlText(ctx: TaskContext): string {
  const type = str(ctx, 'sqlStatementSourceType').toLowerCase();
  const source = str(ctx, 'sqlStatementSource');
  if (type === 'variable' || type === '3') return String(ctx.variable(source).value ?? '');
  if (type === 'fileconnection' || type === '2') return readFileSync(ctx.filePath(source), 'utf8').replace(/^\uFEFF/, '');
  return source;
}

/** Builds the parameters: `?` markers take values in marker order (OLE DB names 0,1,… ; ODBC 1,2,… ; ADO by order), ADO.NET takes `@name`. */
export function buildParameters(bindings: readonly Binding[], named: boolean, value: (variable: string) => unknown): QueryParams {
  const inputs = bindings.filter((b) => !/^(output|returnvalue)$/i.test(b.direction));
  const outputs = bindings.filter((b) => /^(output|returnvalue)$/i.test(b.direction));
  if (outputs.length > 0) {
    throw new SsisError('0xC002F210', 'DTS_E_EXECUTESQLTASK_OUTPUTPARAMETERS', `Output and return value parameters (${outputs.map((o) => o.parameterName).join(', ')}) are not supported yet by OpenDTS; return the values as a single-row result set instead.`);
  }
  if (named) {
    const out: Record<string, unknown> = {};
    for (const b of inputs) out[b.parameterName.replace(/^@/, '')] = value(b.variableName);
    return out;
  }
  const numeric = inputs.every((b) => /^\d+$/.test(b.parameterName.trim()));
  const ordered = numeric ? [...inputs].sort((a, b) => Number(a.parameterName) - Number(b.parameterName)) : inputs;
  return ordered.map((b) => value(b.variableName));
}

function plain(v: unknown): unknown {
  return v !== null && typeof v === 'object' && 'toString' in v && !(v instanceof Date) && !(v instanceof Uint8Array) ? String(v) : v;
}

function toXml(result: QueryResult): string {
  const set = result.resultSets[0];
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const rows = (set?.rows ?? []).map((r) => `<row>${(set?.columns ?? []).map((c, i) => (r[i] === null || r[i] === undefined ? '' : `<${c.name}>${esc(String(r[i]))}</${c.name}>`)).join('')}</row>`);
  return `<ROOT>${rows.join('')}</ROOT>`;
}

async function bindResults(ctx: TaskContext, kind: ReturnType<typeof resultKind>, result: QueryResult, bindings: readonly ResultBinding[]): Promise<void> {
  if (kind === 'None') return;
  const first = result.resultSets.find((s) => s.columns.length > 0);
  if (kind === 'SingleRow') {
    const row = first?.rows[0];
    if (!first || !row) {
      throw new SsisError('0xC002F309', 'DTS_E_EXECUTESQLTASK_NOROWS', 'An error occurred while assigning a value to variable: Single Row result set is specified, but no rows were returned.');
    }
    for (const b of bindings) {
      const byIndex = /^\d+$/.test(b.resultName.trim()) ? Number(b.resultName) : first.columns.findIndex((c) => c.name.toLowerCase() === b.resultName.toLowerCase());
      if (byIndex < 0 || byIndex >= first.columns.length) {
        throw new SsisError('0xC002F309', 'DTS_E_EXECUTESQLTASK_RESULTBINDING', `An error occurred while assigning a value to variable "${b.variableName}": The result binding name "${b.resultName}" is not a column of the result set.`);
      }
      await ctx.variable(b.variableName).set(plain(row[byIndex]));
    }
    return;
  }
  for (const b of bindings) {
    const target = ctx.variable(b.variableName);
    if (kind === 'XML') await target.set(toXml(result));
    else await target.set(new Recordset(first?.columns.map((c) => c.name) ?? [], first?.rows ?? []));
  }
}

function settingList<T>(ctx: TaskContext, name: string): T[] {
  return (ctx.settings[name] as T[] | undefined) ?? [];
}

/** The Execute SQL task. */
export const executeSqlTask: TaskImplementation = {
  validate(ctx) {
    if (!str(ctx, 'connection')) throw new SsisError('0xC00291EC', 'DTS_E_EXECUTESQLTASK_NOCONNECTIONMANAGER', `Failed to acquire connection. The Execute SQL task "${ctx.task.name}" has no connection manager.`);
    ctx.checkDatabase(str(ctx, 'connection'));
    const kind = resultKind(str(ctx, 'resultSetType'));
    for (const b of settingList<ResultBinding>(ctx, 'resultBindings')) {
      if (kind !== 'None') ctx.variable(b.variableName);
    }
    for (const b of settingList<Binding>(ctx, 'parameterBindings')) ctx.variable(b.variableName);
  },
  async execute(ctx) {
    const sql = sqlText(ctx);
    const db = await ctx.openDatabase(str(ctx, 'connection'));
    try {
      const named = db.connectionType.toUpperCase().startsWith('ADO.NET') && !/odbc|oledb/i.test(db.connectionType);
      const params = buildParameters(settingList<Binding>(ctx, 'parameterBindings'), named, (v) => ctx.variable(v).value);
      await ctx.log('ExecuteSQLExecutingQuery', `Executing query "${sql.length > 256 ? `${sql.slice(0, 256)}...` : sql}".`);
      let result: QueryResult;
      try {
        result = await db.query(sql, params, { timeoutSeconds: Number(ctx.settings['timeout'] ?? 0) || 0 });
      } catch (error) {
        throw new SsisError('0xC002F210', 'DTS_E_EXECUTESQLTASK_ERRORINQUERY', `Executing the query "${sql}" failed with the following error: "${errorMessage(error)}". Possible failure reasons: Problems with the query, "ResultSet" property not set correctly, parameters not set correctly, or connection not established correctly.`);
      }
      await bindResults(ctx, resultKind(str(ctx, 'resultSetType')), result, settingList<ResultBinding>(ctx, 'resultBindings'));
    } finally {
      await db.release();
    }
  },
};
