/** @module PostgreSQL settings from a DriverConfig (pg client options) and quoting of names. */
import type pg from 'pg';
import type { DriverConfig } from '../driver.ts';
import { splitQualified } from '../names.ts';

/** Every value arrives as PostgreSQL's text; the driver's readers make engine values from it in one step. */
const RAW_TEXT = { getTypeParser: () => (text: string) => text };

/** pg client options for a config. */
export function pgClientConfig(config: DriverConfig): pg.ClientConfig {
  const o = config.options ?? {};
  return {
    host: config.host ?? '127.0.0.1',
    port: config.port ?? 5432,
    database: config.database,
    user: config.user,
    password: config.password,
    application_name: config.applicationName?.slice(0, 63),
    connectionTimeoutMillis: 1000 * (config.connectTimeoutSeconds ?? 15),
    ssl: o.ssl === 'true' || o.sslmode === 'require' ? { rejectUnauthorized: false } : undefined,
    types: RAW_TEXT as unknown as pg.CustomTypesConfig,
  };
}

/** The raw-text type parsers, for queries that take their own config (cursors). */
export const rawTextTypes = RAW_TEXT as unknown as pg.CustomTypesConfig;

/** Quotes one identifier. */
export function quotePgIdentifier(part: string): string {
  return `"${part.replace(/"/g, '""')}"`;
}

/**
 * The spellings to try for a table a package names, in order: as written, lower-cased (PostgreSQL folds
 * unquoted names; SQL Server compares them case-insensitively), and without a `dbo` schema (packages written
 * for SQL Server name it; PostgreSQL databases rarely have one).
 */
export function pgTableCandidates(name: string): string[] {
  const parts = splitQualified(name);
  const variants: string[][] = [parts, parts.map((p) => p.toLowerCase())];
  if (parts.length === 2 && parts[0]!.toLowerCase() === 'dbo') variants.push([parts[1]!], [parts[1]!.toLowerCase()]);
  return [...new Set(variants.map((v) => v.map(quotePgIdentifier).join('.')))];
}

/** A routine name for CALL/SELECT: a `dbo` schema is dropped and plain names stay unquoted (PostgreSQL folds them to lower case). */
export function pgRoutineName(name: string): string {
  const parts = splitQualified(name);
  if (parts.length === 2 && parts[0]!.toLowerCase() === 'dbo') parts.shift();
  return parts.map((p) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(p) ? p : quotePgIdentifier(p))).join('.');
}
