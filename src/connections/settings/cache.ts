/** @module The Cache connection manager (2008+): its columns with their index positions, and the cache file when it uses one. */
import type { ConnectionManager } from '../../package/index.ts';
import { dataTypeOfCode, type DataTypeName } from '../../types/index.ts';
import { childElements } from '../../xml/index.ts';
import { invalidConnectionError } from '../errors.ts';
import { mapWindowsPath, type PathMapRule } from '../windows-path.ts';
import { elementProperty, findElement, ssisBoolean, ssisInteger } from './element-property.ts';

/** A column of the cache. */
export interface CacheColumnSettings {
  readonly name: string;
  readonly dataType: DataTypeName;
  readonly length: number;
  readonly precision: number;
  readonly scale: number;
  readonly codePage: number;
  /** 1, 2, … for the columns the Lookup matches on (its key, in order); 0 for the others. */
  readonly indexPosition: number;
}

/** A Cache connection manager's settings. */
export interface CacheConnectionSettings {
  /** The cache is kept in a `.caw` file (UseFile) rather than filled by a Cache Transform in the same run. */
  readonly useFile: boolean;
  /** The Linux path of the cache file, when it uses one. */
  readonly path: string | undefined;
  readonly columns: readonly CacheColumnSettings[];
}

/** Reads a CACHE connection manager. */
export function cacheConnectionSettings(cm: Pick<ConnectionManager, 'name' | 'connectionString' | 'properties' | 'element'>, rules: readonly PathMapRule[] = []): CacheConnectionSettings {
  const holder = findElement(cm.element, 'CacheColumns');
  const columns = (holder ? childElements(holder).filter((c) => c.localName === 'CacheColumn') : []).map((c) => {
    const code = ssisInteger(elementProperty(c, 'DataType'), 130);
    const type = dataTypeOfCode(code);
    const name = elementProperty(c, 'ObjectName') ?? '';
    if (!type) throw invalidConnectionError(`The cache column "${name}" of "${cm.name}" has the unknown data type ${code}.`);
    return {
      name,
      dataType: type.name,
      length: ssisInteger(elementProperty(c, 'Length'), 0),
      precision: ssisInteger(elementProperty(c, 'Precision'), 0),
      scale: ssisInteger(elementProperty(c, 'Scale'), 0),
      codePage: ssisInteger(elementProperty(c, 'CodePage'), 0),
      indexPosition: ssisInteger(elementProperty(c, 'IndexPosition'), 0),
    };
  });
  const useFile = ssisBoolean(cm.properties.UseFile, false);
  const file = cm.properties.FileName || cm.connectionString || '';
  return { useFile, path: useFile && file ? mapWindowsPath(file, rules) : undefined, columns };
}
