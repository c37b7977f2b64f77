/** @module The SSIS data type names the drivers map native types to. */
export type { DataTypeName } from '../types/index.ts';
