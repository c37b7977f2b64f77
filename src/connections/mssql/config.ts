/** @module SQL Server settings from a DriverConfig (tedious connection config), marker translation to `@P1…` and quoting of names. */
import type tedious from 'tedious';
import type { DriverConfig } from '../driver.ts';
import { notSupportedError } from '../errors.ts';
import { splitQualified } from '../names.ts';

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return /^(true|yes|1|mandatory|strict)$/i.test(value);
}

/**
 * The tedious config for a config. `User ID`/`Password` log in with SQL Server authentication, a `DOMAIN\user`
 * with NTLM; `Integrated Security=SSPI` without a user cannot work on Linux and is a clear error. Options:
 * `encrypt` (default true), `trustServerCertificate` (default true: packages rarely carry certificates).
 */
export function tediousConfig(config: DriverConfig): tedious.ConnectionConfiguration {
  const o = config.options ?? {};
  if (!config.user) {
    throw notSupportedError(
      config.integratedSecurity
        ? `Windows authentication (Integrated Security=SSPI) for ${config.description} on Linux; give a User ID and Password, or point the connection elsewhere with /CONN or the "connections" setting`
        : `Connecting to ${config.description} without a User ID`,
    );
  }
  const ntlm = /^([^\\]+)\\(.+)$/.exec(config.user);
  const authentication: tedious.ConnectionAuthentication = ntlm
    ? { type: 'ntlm', options: { domain: ntlm[1]!, userName: ntlm[2]!, password: config.password ?? '' } }
    : { type: 'default', options: { userName: config.user, password: config.password ?? '' } };
  return {
    server: config.host ?? 'localhost',
    authentication,
    options: {
      ...(config.instance ? { instanceName: config.instance } : { port: config.port ?? 1433 }),
      ...(config.database ? { database: config.database } : {}),
      connectTimeout: 1000 * (config.connectTimeoutSeconds ?? 15),
      requestTimeout: 0,
      encrypt: flag(o.encrypt, true),
      trustServerCertificate: flag(o.trustServerCertificate, true),
      appName: config.applicationName?.slice(0, 128),
      useUTC: true,
      rowCollectionOnRequestCompletion: false,
      useColumnNames: false,
    },
  };
}

/** Quotes a (possibly qualified) name the T-SQL way: `dbo.T` → `[dbo].[T]`. */
export function quoteMssqlName(name: string): string {
  return splitQualified(name).map((p) => `[${p.replace(/\]/g, ']]')}]`).join('.');
}

/** The `OBJECT_ID` argument of a table name (quoted, so odd names resolve). */
export function objectIdArgument(name: string): string {
  return `N'${quoteMssqlName(name).replace(/'/g, "''")}'`;
}
