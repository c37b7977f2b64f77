/** @module OLE DB schema rowsets (Tables, Columns, Views, Schemata, Catalogs, Procedures) for the Foreach ADO.NET Schema Rowset enumerator, from each database's catalog. */
import type { Connection, ResultSet } from './driver.ts';
import { notSupportedError } from './errors.ts';

/** The schema rowsets OpenDTS answers. */
export type SchemaRowsetName = 'Catalogs' | 'Schemata' | 'Tables' | 'Views' | 'Columns' | 'Procedures';

/** OLE DB's schema GUIDs (DBSCHEMA_* in oledb.h) [from memory, unverified against the header]. */
const GUIDS: Readonly<Record<string, SchemaRowsetName>> = {
  'C8B52211-5CF3-11CE-ADE5-00AA0044773D': 'Catalogs',
  'C8B52225-5CF3-11CE-ADE5-00AA0044773D': 'Schemata',
  'C8B52229-5CF3-11CE-ADE5-00AA0044773D': 'Tables',
  'C8B5222D-5CF3-11CE-ADE5-00AA0044773D': 'Views',
  'C8B52214-5CF3-11CE-ADE5-00AA0044773D': 'Columns',
  'C8B52224-5CF3-11CE-ADE5-00AA0044773D': 'Procedures',
};

/** The rowset a name (`Tables`, `tables`, `DBSCHEMA_TABLES`) or OLE DB GUID stands for; a clear error for the others. */
export function schemaRowsetName(schema: string): SchemaRowsetName {
  const t = schema.trim().replace(/^\{|\}$/g, '').toUpperCase();
  const byGuid = GUIDS[t];
  if (byGuid) return byGuid;
  const plain = t.replace(/^DBSCHEMA_/, '');
  const found = (Object.values(GUIDS) as SchemaRowsetName[]).find((n) => n.toUpperCase() === plain);
  if (found) return found;
  throw notSupportedError(`The schema rowset "${schema}"`);
}

const INFO_SCHEMA: Readonly<Record<SchemaRowsetName, string>> = {
  Catalogs: 'SELECT DISTINCT CATALOG_NAME, NULL AS DESCRIPTION FROM INFORMATION_SCHEMA.SCHEMATA',
  Schemata: 'SELECT CATALOG_NAME, SCHEMA_NAME, SCHEMA_OWNER FROM INFORMATION_SCHEMA.SCHEMATA',
  Tables: 'SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, NULL AS DESCRIPTION FROM INFORMATION_SCHEMA.TABLES ORDER BY TABLE_SCHEMA, TABLE_NAME',
  Views: 'SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS ORDER BY TABLE_SCHEMA, TABLE_NAME',
  Columns:
    'SELECT TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, ' +
    'CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE FROM INFORMATION_SCHEMA.COLUMNS ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION',
  Procedures: 'SELECT ROUTINE_CATALOG AS PROCEDURE_CATALOG, ROUTINE_SCHEMA AS PROCEDURE_SCHEMA, ROUTINE_NAME AS PROCEDURE_NAME, ROUTINE_TYPE AS PROCEDURE_TYPE FROM INFORMATION_SCHEMA.ROUTINES',
};

const SQLITE: Readonly<Record<SchemaRowsetName, string>> = {
  Catalogs: "SELECT name AS CATALOG_NAME, file AS DESCRIPTION FROM pragma_database_list",
  Schemata: "SELECT name AS CATALOG_NAME, NULL AS SCHEMA_NAME, NULL AS SCHEMA_OWNER FROM pragma_database_list",
  Tables: "SELECT 'main' AS TABLE_CATALOG, NULL AS TABLE_SCHEMA, name AS TABLE_NAME, CASE type WHEN 'view' THEN 'VIEW' ELSE CASE WHEN name LIKE 'sqlite%' THEN 'SYSTEM TABLE' ELSE 'TABLE' END END AS TABLE_TYPE, NULL AS DESCRIPTION FROM sqlite_master WHERE type IN ('table', 'view')",
  Views: "SELECT 'main' AS TABLE_CATALOG, NULL AS TABLE_SCHEMA, name AS TABLE_NAME, sql AS VIEW_DEFINITION FROM sqlite_master WHERE type = 'view'",
  Columns:
    "SELECT 'main' AS TABLE_CATALOG, NULL AS TABLE_SCHEMA, m.name AS TABLE_NAME, p.name AS COLUMN_NAME, p.cid + 1 AS ORDINAL_POSITION, p.dflt_value AS COLUMN_DEFAULT, " +
    "CASE p.\"notnull\" WHEN 0 THEN 'YES' ELSE 'NO' END AS IS_NULLABLE, p.type AS DATA_TYPE, NULL AS CHARACTER_MAXIMUM_LENGTH, NULL AS NUMERIC_PRECISION, NULL AS NUMERIC_SCALE " +
    "FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') ORDER BY m.name, p.cid",
  Procedures: "SELECT NULL AS PROCEDURE_CATALOG, NULL AS PROCEDURE_SCHEMA, NULL AS PROCEDURE_NAME, NULL AS PROCEDURE_TYPE WHERE 0",
};

const SYSTEM_SCHEMAS = /^(information_schema|pg_catalog|pg_toast|sys|mysql|performance_schema)$/i;

/**
 * A schema rowset with OLE DB's column names (TABLE_CATALOG, TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, …).
 * Restrictions filter the leading columns in order (catalog, schema, name, type/column); null or '' = any.
 * TABLE_TYPE uses OLE DB's words: TABLE, VIEW, SYSTEM TABLE, SYSTEM VIEW.
 */
export async function querySchemaRowset(conn: Connection, schema: string, restrictions: readonly (string | null | undefined)[] = []): Promise<ResultSet> {
  const name = schemaRowsetName(schema);
  const sql = conn.kind === 'sqlite' ? SQLITE[name] : INFO_SCHEMA[name];
  const r = await conn.query(sql);
  const rs = r.resultSets[0]!;
  // Catalog views differ in the case of their column names: give OLE DB's upper-case names.
  const columns = rs.columns.map((c) => ({ ...c, name: c.name.toUpperCase() }));
  let rows = rs.rows;
  if (name === 'Tables') {
    const schemaIndex = columns.findIndex((c) => c.name === 'TABLE_SCHEMA');
    const typeIndex = columns.findIndex((c) => c.name === 'TABLE_TYPE');
    for (const row of rows) {
      const system = SYSTEM_SCHEMAS.test(String(row[schemaIndex] ?? ''));
      const type = String(row[typeIndex] ?? '').toUpperCase();
      row[typeIndex] = type === 'VIEW' || type === 'SYSTEM VIEW' ? (system ? 'SYSTEM VIEW' : 'VIEW') : type === 'SYSTEM TABLE' || system ? 'SYSTEM TABLE' : 'TABLE';
    }
  }
  restrictions.forEach((value, i) => {
    if (value === null || value === undefined || value === '' || i >= columns.length) return;
    const wanted = value.toLowerCase();
    rows = rows.filter((row) => String(row[i] ?? '').toLowerCase() === wanted);
  });
  return { columns, rows };
}
