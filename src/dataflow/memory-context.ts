/** @module A self-contained DataFlowContext (variables in a Map, events in an array) and flat file connections built in code: for tests, benchmarks and embedding. */
import type { FlatFileColumn, FlatFileSettings } from '../package/connection-manager.ts';
import { versionOfYear, type ToolYear } from '../versions/index.ts';
import { findPipelineType } from './column-types.ts';
import type { DataFlowConnection, DataFlowContext, DataFlowEvent } from './context.ts';

/** A context whose variables and events can be inspected. */
export interface MemoryContext extends DataFlowContext {
  readonly vars: Map<string, unknown>;
  readonly events: DataFlowEvent[];
}

/** Builds a context from connections (looked up by name or refId) and variables. */
export function memoryContext(opts: { connections?: readonly DataFlowConnection[]; variables?: Record<string, unknown>; year?: ToolYear; signal?: AbortSignal } = {}): MemoryContext {
  const vars = new Map<string, unknown>(Object.entries(opts.variables ?? {}));
  const events: DataFlowEvent[] = [];
  const conns = opts.connections ?? [];
  return {
    vars,
    events,
    connection: (ref) => conns.find((c) => c.refId === ref || c.name === ref || `Package.ConnectionManagers[${c.name}]` === ref),
    variables: {
      get: (name) => {
        if (!vars.has(name)) throw new Error(`The variable "${name}" was not found.`);
        return vars.get(name);
      },
      set: (name, value) => void vars.set(name, value),
      describe: (name) => {
        const key = vars.has(name) ? name : vars.has(`User::${name}`) ? `User::${name}` : undefined;
        if (key === undefined) return undefined;
        return { qualifiedName: key, dataType: variableCode(vars.get(key)) };
      },
    },
    onEvent: (e) => void events.push(e),
    signal: opts.signal,
    features: versionOfYear(opts.year ?? 2014).features,
  };
}

/** A flat file column in code. */
export interface FlatFileColumnSpec {
  readonly name: string;
  /** Pipeline spelling (`str`, `i4`) or DataType code; default `str`. */
  readonly dataType?: string | number;
  readonly delimiter?: string;
  readonly width?: number;
  readonly maxWidth?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly qualified?: boolean;
}

/** A Flat File connection manager in code: delimited by `,` and CR LF unless told otherwise. */
export function flatFileConnection(name: string, path: string, columns: readonly FlatFileColumnSpec[], settings: Partial<Omit<FlatFileSettings, 'columns'>> = {}): DataFlowConnection {
  const format = settings.format ?? 'Delimited';
  const rowDelimiter = '\r\n';
  const cols: FlatFileColumn[] = columns.map((c, i) => {
    const code = typeof c.dataType === 'number' ? c.dataType : findPipelineType(c.dataType ?? 'str')?.code ?? 129;
    const last = i === columns.length - 1;
    return {
      name: c.name,
      dtsId: `{00000000-0000-0000-0000-${String(i).padStart(12, '0')}}`,
      dataType: code,
      columnType: format === 'Delimited' || (format === 'RaggedRight' && last) ? 'Delimited' : 'FixedWidth',
      columnDelimiter: c.delimiter ?? (format === 'FixedWidth' || (format === 'RaggedRight' && !last) ? '' : last ? rowDelimiter : ','),
      columnWidth: c.width ?? 0,
      maximumWidth: c.maxWidth ?? 50,
      dataPrecision: c.precision ?? 0,
      dataScale: c.scale ?? 0,
      textQualified: c.qualified ?? true,
      fastParse: false,
    };
  });
  const flatFile: FlatFileSettings = {
    format,
    codePage: 1252,
    unicode: false,
    localeId: 1033,
    headerRowsToSkip: 0,
    headerRowDelimiter: '\r\n',
    rowDelimiter: '',
    textQualifier: '<none>',
    columnNamesInFirstDataRow: false,
    dataRowsToSkip: 0,
    ...settings,
    columns: cols,
  };
  return { name, refId: `Package.ConnectionManagers[${name}]`, creationName: 'FLATFILE', connectionString: path, properties: {}, flatFile };
}

/** The `DTS:DataType` code a JavaScript value would have as a variable. */
function variableCode(v: unknown): number {
  if (typeof v === 'number') return Number.isInteger(v) ? 3 : 5;
  if (typeof v === 'bigint') return 20;
  if (typeof v === 'boolean') return 11;
  if (typeof v === 'string') return 8;
  if (v instanceof Date) return 7;
  return 13;
}
