/** @module Package configurations and dtexec's /Set, /Conn, /ConfigFile, applied in SSIS's documented order (ssis-tooling §1.2, §7.4). */
import { SsisError, errorMessage } from '../errors.ts';
import { CONFIGURATION_TYPES as CT } from '../package/index.ts';
import { readDtsConfigFile } from '../project/index.ts';
import type { Engine } from './engine.ts';
import { setPropertyPath } from './property-path.ts';
import { tableFor } from './sql-names.ts';

/** A command-line setting, in command-line order. */
export type CommandLineSetting =
  | { readonly kind: 'set'; readonly path: string; readonly value: string }
  | { readonly kind: 'conn'; readonly connection: string; readonly connectionString: string }
  | { readonly kind: 'configFile'; readonly file: string };

/** The (path, value) pairs of a `.dtsConfig` file, in file order. */
function readDtsConfig(file: string): { path: string; value: string }[] {
  return readDtsConfigFile(file).configurations.map((e) => ({ path: e.path, value: e.configuredValue }));
}

/** What applying configurations needs from the host. */
export interface ConfigurationHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A variable of the parent package (Parent Package Variable configurations), by name. */
  readonly parentValue?: (name: string) => unknown;
  /** Maps a Windows path in a configuration string to a local path. */
  readonly mapPath?: (path: string) => string;
  /** A "registry" value of the version's settings (registry entry configurations), by key. */
  readonly registryValue?: (key: string) => string | undefined;
}

/** Splits a SQL Server configuration string `"conn";"[dbo].[SSIS Configurations]";"filter";` into its three parts. */
export function sqlConfigurationParts(text: string): { connection: string; table: string; filter: string } {
  const parts = [...text.matchAll(/"((?:[^"]|"")*)"|([^;"]+)/g)].map((m) => (m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!.trim()));
  if (parts.length < 3) {
    throw new SsisError('0xC0011008', 'DTS_E_SQLCONFIGURATIONSTRING', `The SQL Server configuration string "${text}" is not of the form "connection";"[dbo].[table]";"filter";.`);
  }
  return { connection: parts[0]!, table: parts[1]!, filter: parts[2]! };
}

/** The rows of a SQL Server configuration table for a filter: (PackagePath, ConfiguredValue) pairs. */
async function sqlConfigurationPairs(engine: Engine, configurationString: string): Promise<{ path: string; value: string }[]> {
  const { connection, table, filter } = sqlConfigurationParts(configurationString);
  const open = engine.options.openConnection;
  if (!open) throw new SsisError('0xC0011008', 'DTS_E_SQLCONFIGURATIONSTRING', 'SQL Server configurations need database access, which this host does not give.');
  const conn = await open(engine.connection(connection));
  try {
    const r = await conn.query(`SELECT PackagePath, ConfiguredValue FROM ${tableFor(table, conn.kind)} WHERE ConfigurationFilter = ?`, [filter]);
    return (r.resultSets[0]?.rows ?? []).map((row) => ({ path: String(row[0]), value: row[1] === null || row[1] === undefined ? '' : String(row[1]) }));
  } finally {
    await conn.close();
  }
}

async function applyPairs(engine: Engine, pairs: readonly { path: string; value: string }[]): Promise<void> {
  for (const p of pairs) await setPropertyPath(engine, p.path, p.value);
}

/** Applies the package's design-time configurations except parent-variable ones; problems become warnings, as SSIS does. */
async function applyDesignTime(engine: Engine, host: ConfigurationHost, warned: Set<string>): Promise<void> {
  const warn = async (key: string, code: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    await engine.raiseWarning(engine.root, code, message);
  };
  for (const c of engine.pkg.configurations) {
    try {
      switch (c.type) {
        case CT.ConfigFile:
        case CT.IndirectConfigFile: {
          const file = c.type === CT.IndirectConfigFile ? host.env[c.configurationString] ?? '' : c.configurationString;
          await applyPairs(engine, readDtsConfig(host.mapPath ? host.mapPath(file) : file));
          break;
        }
        case CT.EnvVariable: {
          const value = host.env[c.configurationString];
          if (value === undefined) {
            await warn(c.name, '0x80012016', `The configuration environment variable was not found. The environment variable was: "${c.configurationString}". This occurs when a package specifies an environment variable for a configuration setting but it cannot be found.`);
          } else if (c.configurationVariable) {
            await setPropertyPath(engine, c.configurationVariable, value);
          }
          break;
        }
        case CT.RegEntry:
        case CT.IndirectRegEntry: {
          const key = c.type === CT.IndirectRegEntry ? host.env[c.configurationString] ?? '' : c.configurationString;
          const value = host.registryValue?.(key) ?? host.registryValue?.(`${key}\\Value`);
          if (value === undefined) await warn(c.name, '0x80012015', `The configuration registry key "${key}" was not found in the version's settings (SSIS/settings.json "values"). The configuration was not applied.`);
          else if (c.configurationVariable) await setPropertyPath(engine, c.configurationVariable, value);
          break;
        }
        case CT.SqlServer:
        case CT.IndirectSqlServer:
          await applyPairs(engine, await sqlConfigurationPairs(engine, c.type === CT.IndirectSqlServer ? host.env[c.configurationString] ?? '' : c.configurationString));
          break;
        case CT.ParentVariable:
        case CT.IndirectParentVariable:
          break;
        default:
          await warn(c.name, '0x80012059', `The configuration "${c.name}" (type ${c.type}) is not supported yet by OpenDTS and was not applied.`);
      }
    } catch (error) {
      await warn(c.name, '0x80012059', `Failed to load the configuration "${c.name}": ${errorMessage(error)}`);
    }
  }
}

/**
 * Applies configurations and command-line settings in SSIS 2008+'s order: design-time
 * configurations, then /Set, /Conn and /ConfigFile in command-line order, then the design-time
 * configurations again, then parent package variables. A failing command-line setting throws.
 */
export async function applyConfigurations(engine: Engine, settings: readonly CommandLineSetting[], host: ConfigurationHost): Promise<void> {
  const enabled = engine.pkg.enableConfigurations !== false && engine.pkg.configurations.length > 0;
  const warned = new Set<string>();
  if (enabled) await applyDesignTime(engine, host, warned);
  for (const s of settings) {
    if (s.kind === 'set') await setPropertyPath(engine, s.path, s.value);
    else if (s.kind === 'conn') await setPropertyPath(engine, `\\Package.Connections[${s.connection}].Properties[ConnectionString]`, s.connectionString);
    else await applyPairs(engine, readDtsConfig(host.mapPath ? host.mapPath(s.file) : s.file));
  }
  if (!enabled) return;
  await applyDesignTime(engine, host, warned);
  for (const c of engine.pkg.configurations) {
    if ((c.type !== CT.ParentVariable && c.type !== CT.IndirectParentVariable) || !host.parentValue || !c.configurationVariable) continue;
    const name = c.type === CT.IndirectParentVariable ? host.env[c.configurationString] ?? '' : c.configurationString;
    const value = host.parentValue(name);
    if (value === undefined) {
      await engine.raiseWarning(engine.root, '0x80012018', `The parent package variable "${name}" of the configuration "${c.name}" was not found; the configuration was not applied.`);
    } else {
      await setPropertyPath(engine, c.configurationVariable, String(value));
    }
  }
}
