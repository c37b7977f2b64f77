/** @module MySQL/MariaDB types (column types as information_schema prints them, and result-set field metadata) mapped to SSIS DT_* types. */
import type { DataTypeName } from '../data-type-name.ts';
import { parseNativeType, type MappedType } from '../type-names.ts';

const INTEGERS: Readonly<Record<string, [DataTypeName, DataTypeName]>> = {
  TINYINT: ['DT_I1', 'DT_UI1'], SMALLINT: ['DT_I2', 'DT_UI2'], MEDIUMINT: ['DT_I4', 'DT_UI4'], INT: ['DT_I4', 'DT_UI4'],
  INTEGER: ['DT_I4', 'DT_UI4'], BIGINT: ['DT_I8', 'DT_UI8'], YEAR: ['DT_I2', 'DT_I2'],
};

const LONG_TEXT = new Set(['MEDIUMTEXT', 'LONGTEXT', 'JSON']);
const LONG_BLOB = new Set(['MEDIUMBLOB', 'LONGBLOB', 'GEOMETRY', 'POINT', 'LINESTRING', 'POLYGON']);

/**
 * Maps a column type as MySQL prints it (`int(11) unsigned`, `decimal(12,2)`, `varchar(40)`, `tinyint(1)`).
 * `tinyint(1)`/`bool`/`bit(1)` → DT_BOOL (as Connector/NET's "treat tiny as boolean"), strings → DT_WSTR(n),
 * longer than 4000 characters (TEXT and up) → DT_NTEXT, binary → DT_BYTES(n) or DT_IMAGE past 8000 bytes,
 * `datetime(p)`/`timestamp(p)` → DT_DBTIMESTAMP2(p), `time(p)` → DT_DBTIME2(p).
 */
export function mapMysqlType(columnType: string): MappedType {
  const t = parseNativeType(columnType);
  const [a, b] = t.args;
  const int = INTEGERS[t.base];
  if (t.base === 'TINYINT' && a === 1) return { dataType: 'DT_BOOL' };
  if (int) return { dataType: int[t.unsigned ? 1 : 0] };
  switch (t.base) {
    case 'BOOL': case 'BOOLEAN': return { dataType: 'DT_BOOL' };
    case 'BIT': return (a ?? 1) === 1 ? { dataType: 'DT_BOOL' } : { dataType: 'DT_BYTES', length: Math.ceil(a! / 8) };
    case 'FLOAT': return { dataType: 'DT_R4' };
    case 'DOUBLE': case 'REAL': case 'DOUBLE PRECISION': return { dataType: 'DT_R8' };
    case 'DECIMAL': case 'NUMERIC': case 'DEC': case 'FIXED': return { dataType: 'DT_NUMERIC', precision: a ?? 10, scale: b ?? 0 };
    case 'DATE': return { dataType: 'DT_DBDATE' };
    case 'DATETIME': case 'TIMESTAMP': return { dataType: 'DT_DBTIMESTAMP2', scale: a ?? 0 };
    case 'TIME': return { dataType: 'DT_DBTIME2', scale: a ?? 0 };
    case 'UUID': return { dataType: 'DT_GUID' };
    case 'CHAR': case 'VARCHAR': case 'NCHAR': case 'NVARCHAR': case 'ENUM': case 'SET': case 'INET4': case 'INET6':
      return (a ?? 255) > 4000 ? { dataType: 'DT_NTEXT' } : { dataType: 'DT_WSTR', length: t.base === 'ENUM' || t.base === 'SET' ? 255 : a ?? 255 };
    case 'TINYTEXT': return { dataType: 'DT_WSTR', length: 255 };
    case 'TEXT': return { dataType: 'DT_WSTR', length: 4000 };
    case 'BINARY': case 'VARBINARY': return (a ?? 255) > 8000 ? { dataType: 'DT_IMAGE' } : { dataType: 'DT_BYTES', length: a ?? 255 };
    case 'TINYBLOB': return { dataType: 'DT_BYTES', length: 255 };
    case 'BLOB': return { dataType: 'DT_IMAGE' };
    default:
      if (LONG_TEXT.has(t.base)) return { dataType: 'DT_NTEXT' };
      if (LONG_BLOB.has(t.base)) return { dataType: 'DT_IMAGE' };
      return { dataType: 'DT_WSTR', length: 4000 };
  }
}

/** What a result-set field tells (mysql2's FieldPacket). */
export interface MysqlField {
  readonly columnType?: number;
  readonly columnLength?: number;
  readonly decimals: number;
  readonly flags: number | string[];
  readonly characterSet?: number;
  /** MariaDB 10.5+ extended metadata: `uuid`, `inet4`, `inet6`, `json`, … */
  readonly extendedTypeName?: string;
}

const UNSIGNED = 32;
const BINARY_CHARSET = 63;
/** Character sets whose column lengths count 3 bytes per character (utf8mb3); other Unicode sets count 4. */
const UTF8MB3 = new Set([33, 83, 223, ...Array.from({ length: 24 }, (_, i) => 192 + i)]);
const SINGLE_BYTE = new Set([5, 8, 9, 31, 47, 48, 49, 94]);

/** The column type name a result-set field stands for (`int unsigned`, `decimal(12,2)`, `varchar(40)`…), for {@link mapMysqlType}. */
export function fieldTypeName(f: MysqlField): string {
  const unsigned = typeof f.flags === 'number' ? (f.flags & UNSIGNED) !== 0 : f.flags.includes('UNSIGNED');
  const u = unsigned ? ' unsigned' : '';
  const bytes = f.columnLength ?? 0;
  const binary = f.characterSet === BINARY_CHARSET;
  const perChar = SINGLE_BYTE.has(f.characterSet ?? 0) ? 1 : UTF8MB3.has(f.characterSet ?? 0) ? 3 : 4;
  const chars = Math.floor(bytes / perChar);
  if (f.extendedTypeName) return f.extendedTypeName.toLowerCase();
  switch (f.columnType) {
    case 1: return bytes === 1 ? 'tinyint(1)' : `tinyint${u}`;
    case 2: return `smallint${u}`;
    case 3: case 9: return `int${u}`;
    case 8: return `bigint${u}`;
    case 4: return 'float';
    case 5: return 'double';
    case 0: case 246: {
      const scale = f.decimals;
      return `decimal(${bytes - (scale > 0 ? 1 : 0) - (unsigned ? 0 : 1)},${scale})`;
    }
    case 7: case 12: return `datetime(${f.decimals})`;
    case 10: case 14: return 'date';
    case 11: return `time(${f.decimals})`;
    case 13: return 'year';
    case 16: return `bit(${bytes})`;
    case 245: return 'json';
    case 247: case 248: return 'varchar(255)';
    case 255: return 'geometry';
    case 249: case 250: case 251: case 252: return binary ? (bytes > 8000 ? 'longblob' : `varbinary(${bytes})`) : chars > 4000 ? 'longtext' : `varchar(${chars})`;
    default: return binary ? `varbinary(${bytes})` : `varchar(${chars || 1})`;
  }
}
