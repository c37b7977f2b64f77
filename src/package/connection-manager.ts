/** @module Connection managers, with their connection strings parsed and flat file columns typed. */
import type { XmlElement } from '../xml/index.ts';
import type { PropertyExpression } from './property-expression.ts';

/** A column of a Flat File connection manager. */
export interface FlatFileColumn {
  name: string;
  dtsId: string;
  /** Pipeline type code (DataType enum: 129 DT_STR, 130 DT_WSTR, 3 DT_I4 …). */
  dataType: number;
  /** `Delimited`, `FixedWidth`, … */
  columnType: string;
  /** Decoded delimiter (`_x002C_` → `,`). */
  columnDelimiter: string;
  columnWidth: number;
  maximumWidth: number;
  dataPrecision: number;
  dataScale: number;
  textQualified: boolean;
  fastParse: boolean;
}

/** Flat File connection manager settings (decoded: `_x000D__x000A_` → CR LF). */
export interface FlatFileSettings {
  /** Delimited, FixedWidth, RaggedRight. */
  format: string;
  codePage: number;
  unicode: boolean;
  localeId: number;
  headerRowsToSkip: number;
  headerRowDelimiter: string;
  rowDelimiter: string;
  textQualifier: string;
  columnNamesInFirstDataRow: boolean;
  dataRowsToSkip: number;
  columns: FlatFileColumn[];
}

/** A connection manager. */
export interface ConnectionManager {
  /** `Package.ConnectionManagers[Name]` (a project connection manager: `Project.ConnectionManagers[Name]`). */
  refId: string;
  dtsId: string;
  name: string;
  description: string;
  /** As written (`OLEDB`, `FLATFILE`, `ADO.NET:System.Data.SqlClient.SqlConnection, System.Data, Version=…`). */
  creationName: string;
  /** Canonical type (assembly version removed). */
  type: string;
  /** The connection string as written; undefined when it was encrypted and could not be decrypted. */
  connectionString: string | undefined;
  /** `key=value;` pairs of the connection string, keys as written (look up with {@link connectionProperty}). */
  connectionProperties: Record<string, string>;
  delayValidation: boolean;
  retainSameConnection: boolean;
  /** Every property of the inner `<DTS:ConnectionManager>` by name, as written. */
  properties: Record<string, string>;
  propertyExpressions: PropertyExpression[];
  flatFile?: FlatFileSettings;
  readonly element: XmlElement;
}

/** Parses `Data Source=x;Initial Catalog="a;b";…` into pairs (quoted values keep their `;`). */
export function parseConnectionString(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) break;
    const key = text.slice(i, eq).trim();
    let j = eq + 1;
    while (j < text.length && text[j] === ' ') j++;
    let value: string;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      let end = j + 1;
      let v = '';
      while (end < text.length) {
        if (text[end] === quote) {
          if (text[end + 1] === quote) {
            v += quote;
            end += 2;
            continue;
          }
          break;
        }
        v += text[end++];
      }
      value = v;
      const semi = text.indexOf(';', end);
      i = semi < 0 ? text.length : semi + 1;
    } else {
      const semi = text.indexOf(';', j);
      value = text.slice(j, semi < 0 ? text.length : semi).trim();
      i = semi < 0 ? text.length : semi + 1;
    }
    if (key) out[key] = value;
  }
  return out;
}

/** A connection string property by name, case-insensitively (`Initial Catalog`, `initial catalog`). */
export function connectionProperty(cm: Pick<ConnectionManager, 'connectionProperties'>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(cm.connectionProperties)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
