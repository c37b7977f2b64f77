/** @module .dtsx readers and writers: `readPackage` (every format, upgraded in memory) and `writePackage` (formats 3, 6, 8). */
export { readPackage, liftPackage, formatOfRoot, type ReadOptions } from './read/read-package.ts';
export { INVALID_VERSION_MESSAGE, refuseNewerFormat } from './read/version-rules.ts';
export { writePackage, type WriteOptions } from './write/write-package.ts';
export { lineageRefsToRefIds } from './lineage-text.ts';
export { decodeXmlEscapes, encodeXmlEscapes } from './xml-escapes.ts';
export { readPackageFile, errorLines } from './read-file.ts';
export * from './build/index.ts';
export { packageOf } from './package-registry.ts';
