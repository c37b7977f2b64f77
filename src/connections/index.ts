/** @module Connection managers and database drivers behind one interface; the public face of `connections/` (drivers load on first use: `loadDriver`, `openConnection`, or `./<database>/index.ts`). */
export type {
  BulkLoadOptions, BulkLoadResult, ColumnInfo, Connection, Driver, DriverCapabilities, DriverConfig, DriverKind, ParameterDirection, ParameterStyle,
  ProcedureParameter, ProcedureResult,
  QueryOptions, QueryParams, QueryResult, ResultSet, Row, RowBatch, RowSource, TableColumn,
} from './driver.ts';
export { loadDriver, openConnection } from './drivers.ts';
export { resolveConnection, type ConnectionManagerRef } from './resolve.ts';
export { combineOverrides, loadConnectionSettings, overridesFromSettings, parseConnSwitch, type ConnectionOverrides, type ConnectionSettingsFile } from './overrides.ts';
export { isConnectionUrl, parseConnectionUrl } from './connection-url.ts';
export { adoNetType, connectionFamily, connectionTarget, parameterStyleOf, type ConnectionFamily } from './connection-type.ts';
export { canonicalKey, connectionBoolean, connectionStringValue, formatConnectionString, parseConnectionString, type ConnectionStringEntry, type ParsedConnectionString } from './connection-string.ts';
export { parseSqlServerDataSource, formatSqlServerAddress, type SqlServerAddress } from './data-source.ts';
export { mapWindowsPath, parsePathMap, pathRulesFromEnv, isWindowsPath, PATH_MAP_ENV, type PathMapRule } from './windows-path.ts';
export { parseFastLoadOptions, type FastLoadProperties, type FastLoadHints } from './fast-load-options.ts';
export { splitGoBatches, splitStatements, findMarkers, type SqlMarker, type SqlStatement, type SqlDialect } from './sql-text.ts';
export { connectError, statementError, timeoutError, notSupportedError, NOT_SUPPORTED_CODE } from './errors.ts';
export { splitQualified } from './names.ts';
export type { MappedType } from './type-names.ts';
export * from './settings/index.ts';
export { parametersFromBindings, type ParameterBinding } from './bindings.ts';
export { querySchemaRowset, schemaRowsetName, type SchemaRowsetName } from './schema-rowsets.ts';
export { parseProcedureCall, procedureParameters, type ProcedureCall, type MarkerBinding } from './procedure-call.ts';
