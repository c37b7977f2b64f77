/** @module The PostgreSQL driver's public face. */
export * from './driver.ts';
export * from './types.ts';
export * from './config.ts';
