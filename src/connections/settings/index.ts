/** @module Typed settings of the non-database connection managers (FILE, FLATFILE, SMTP, FTP, HTTP, CACHE, EXCEL). */
export * from './file.ts';
export * from './flat-file.ts';
export * from './smtp.ts';
export * from './ftp.ts';
export * from './http.ts';
export * from './cache.ts';
export * from './excel.ts';
export { encodingForCodePage } from './code-pages.ts';
