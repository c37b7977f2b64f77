/** @module Generates the benchmark's orders file (`order_id,customer,country,amount,order_date`, CR LF, header row) deterministically. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const COUNTRIES = ['Germany', 'France', 'Italy', 'Spain', 'Portugal', 'Netherlands', 'Belgium', 'Austria', 'Switzerland', 'Poland', 'Sweden', 'Norway', 'Denmark', 'Finland', 'Ireland', 'United Kingdom', 'United States', 'Canada', 'Brazil', 'Japan'];

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `rows` orders to `path`; resolves with the file size in bytes. */
export async function generateOrders(path: string, rows: number, seed = 42): Promise<number> {
  const rnd = random(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let chunk = 'order_id,customer,country,amount,order_date\r\n';
  const base = Date.UTC(2015, 0, 1);
  for (let i = 1; i <= rows; i++) {
    const c = Math.floor(rnd() * 100_000);
    const pad = c % 7 === 0 ? '  ' : '';
    const amount = (Math.floor(rnd() * 50_000) + 1) / 100;
    const d = new Date(base + Math.floor(rnd() * 3650) * 86_400_000).toISOString().slice(0, 10);
    chunk += `${i},${pad}customer ${c}${pad},${COUNTRIES[c % COUNTRIES.length]},${amount.toFixed(2)},${d}\r\n`;
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk);
  out.end(chunk);
  await once(out, 'finish');
  return bytes;
}
