/** @module PostgreSQL types (by OID and type modifier) mapped to SSIS DT_* types, and the readers that turn their text form into engine values. */
import type { MappedType } from '../type-names.ts';
import { readerFor, type ValueReader } from '../values.ts';

const BY_OID: Readonly<Record<number, MappedType>> = {
  16: { dataType: 'DT_BOOL' },
  17: { dataType: 'DT_IMAGE' },
  18: { dataType: 'DT_WSTR', length: 1 },
  19: { dataType: 'DT_WSTR', length: 64 },
  20: { dataType: 'DT_I8' },
  21: { dataType: 'DT_I2' },
  23: { dataType: 'DT_I4' },
  25: { dataType: 'DT_WSTR', length: 4000 },
  26: { dataType: 'DT_UI4' },
  114: { dataType: 'DT_NTEXT' },
  142: { dataType: 'DT_NTEXT' },
  700: { dataType: 'DT_R4' },
  701: { dataType: 'DT_R8' },
  790: { dataType: 'DT_CY' },
  1082: { dataType: 'DT_DBDATE' },
  2950: { dataType: 'DT_GUID' },
  3802: { dataType: 'DT_NTEXT' },
};

/**
 * The DT_* type of a PostgreSQL column. `varchar(n)`/`char(n)` → DT_WSTR(n), `text` → DT_WSTR(4000),
 * `numeric(p,s)` → DT_NUMERIC(p,s) (unconstrained numeric: precision 38, scale left open), `timestamp` →
 * DT_DBTIMESTAMP2, `timestamptz` → DT_DBTIMESTAMPOFFSET, `time` → DT_DBTIME2, `bytea` → DT_IMAGE; anything
 * else (intervals, arrays, enums, …) is read as its text, DT_WSTR(4000).
 */
export function mapPgType(oid: number, typmod: number): MappedType {
  switch (oid) {
    case 1043: case 1042: return { dataType: 'DT_WSTR', length: typmod > 4 ? typmod - 4 : 4000 };
    case 1700: return typmod > 4 ? { dataType: 'DT_NUMERIC', precision: ((typmod - 4) >> 16) & 0xffff, scale: (typmod - 4) & 0xffff } : { dataType: 'DT_NUMERIC', precision: 38 };
    case 1083: case 1266: return { dataType: 'DT_DBTIME2', scale: typmod >= 0 ? typmod : 6 };
    case 1114: return { dataType: 'DT_DBTIMESTAMP2', scale: typmod >= 0 ? typmod : 6 };
    case 1184: return { dataType: 'DT_DBTIMESTAMPOFFSET', scale: typmod >= 0 ? typmod : 6 };
    default: return BY_OID[oid] ?? { dataType: 'DT_WSTR', length: 4000 };
  }
}

/** bytea's hex text (`\x0102…`) as bytes. */
function readBytea(v: unknown): unknown {
  return typeof v === 'string' && v.startsWith('\\x') ? Buffer.from(v.slice(2), 'hex') : v;
}

/** The reader from PostgreSQL's text form to the engine value of a column. */
export function pgReader(oid: number, mapped: MappedType): ValueReader | undefined {
  if (oid === 17) return readBytea;
  return readerFor(mapped.dataType, mapped.scale);
}
