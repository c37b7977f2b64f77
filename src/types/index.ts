/** @module The SSIS data types (DT_*): the type table, exact decimals, date/time values, conversions and the columnar buffer shape; the public face of `types/`. */
export * from './data-types.ts';
export * from './type-spec.ts';
export * from './decimal.ts';
export * from './date-time.ts';
export * from './format-value.ts';
export * from './convert.ts';
export * from './conversion-errors.ts';
export * from './variable-types.ts';
export * from './column-vector.ts';
export * from './fast-parse.ts';
export * from './code-pages.ts';
