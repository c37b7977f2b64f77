/** @module The console's files (`src/web/`), served as they are with safe headers. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The headers every console file is sent with: no framing, no sniffing, scripts and styles from the service only. */
export const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** The console's folder: `src/web` beside `src/service` (also when running from a `dist` build). */
export function webDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, '..', 'web'), path.join(here, '..', '..', 'src', 'web')]) {
    if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  }
  throw new Error('The console files (src/web/index.html) are missing from this installation.');
}

/** The console's files by URL path (`/` is `index.html`), read once. */
export function loadStaticFiles(dir: string): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of fs.readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type) files.set(`/${name}`, { type, body: fs.readFileSync(path.join(dir, name)) });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}

/** Sends a console file; false when there is none at that path. */
export function sendStatic(files: Map<string, { type: string; body: Buffer }>, pathname: string, res: ServerResponse): boolean {
  const f = files.get(pathname);
  if (!f) return false;
  res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-cache', ...SECURITY_HEADERS });
  res.end(f.body);
  return true;
}
