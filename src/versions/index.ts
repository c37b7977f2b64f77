/** @module The product versions side by side, as data; the public face of `versions/`. */
export * from './product-versions.ts';
export * from './lookup.ts';
export * from './class-ids.ts';
