/** @module The `dtsserver` command: the Integration Services service of the version in force, until Ctrl-C or SIGTERM. */
import { isSsisError } from '../../errors.ts';
import { resolveRoot } from '../../installation/index.ts';
import { serviceName, startService } from '../../service/index.ts';
import { resolveToolYear } from '../../versions/index.ts';
import type { CliIo } from '../io.ts';

const USAGE = 'Usage: dtsserver [--root DIR] [--port N] [--host 127.0.0.1] [--product-version 2008|2012|2014] [--session-minutes N] [--max-runs N] [--agent]';

interface Options {
  root?: string;
  port: number;
  host: string;
  version?: string;
  sessionMinutes: number;
  maxRuns: number;
  agent?: boolean;
}

function parse(args: string[]): Options | 'help' {
  const o: Options = { port: 8080, host: '127.0.0.1', sessionMinutes: 30, maxRuns: 32 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => {
      const v = args[++i];
      if (v === undefined || v === '') throw new Error(`${a} needs a value.`);
      return v;
    };
    const number = (v: string, max: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`${a} must be a whole number from 0 to ${max}, not "${v}".`);
      return n;
    };
    if (a === '--root') o.root = value();
    else if (a === '--port') o.port = number(value(), 65535);
    else if (a === '--host') o.host = value();
    else if (a === '--product-version') o.version = value();
    else if (a === '--session-minutes') o.sessionMinutes = number(value(), 24 * 60);
    else if (a === '--max-runs') o.maxRuns = Math.max(1, number(value(), 1000));
    else if (a === '--agent') o.agent = true;
    else if (a === '--help' || a === '-h' || a === '/?') return 'help';
    else throw new Error(`unexpected argument "${a}".`);
  }
  return o;
}

/** Runs `dtsserver`: starts the service and keeps it until the command's abort signal (Ctrl-C) or SIGTERM. */
export async function runDtsserver(args: string[], io: CliIo): Promise<number> {
  let o: Options;
  let year;
  try {
    const parsed = parse(args);
    if (parsed === 'help') {
      io.out(USAGE);
      return 0;
    }
    o = parsed;
    year = resolveToolYear({ pinned: io.env.OPENDTS_PINNED_VERSION, flag: o.version, env: io.env.OPENDTS_PRODUCT_VERSION });
  } catch (error) {
    io.err(`dtsserver: ${(error as Error).message}`);
    io.err(USAGE);
    return 1;
  }
  const root = o.root ?? resolveRoot(io.env);
  let service;
  try {
    service = await startService({ root, year, host: o.host, port: o.port, sessionTtlMs: o.sessionMinutes * 60_000, maxRuns: o.maxRuns, cwd: io.cwd, env: io.env, log: (line) => io.err(line), ...(o.agent ? { agent: true } : {}) });
  } catch (error) {
    if (isSsisError(error)) {
      const at = error.location?.file ? ` (${error.location.file}${error.location.line ? `, line ${error.location.line}` : ''}${error.location.column ? `, column ${error.location.column}` : ''})` : '';
      io.err(`dtsserver: the service did not start: ${error.message}${at}`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      io.err(`dtsserver: the service did not start: cannot listen on ${o.host}:${o.port} (${code}).`);
      return 1;
    }
    throw error;
  }
  io.out(`${serviceName(year)} listening on ${service.url} (root ${root}).`);
  if (service.context.jobs.schedulerRunning) io.out('SQL Server Agent is running on the msdb instance.');
  io.out('Press Ctrl-C to stop.');
  await new Promise<void>((resolve) => {
    const onTerm = () => resolve();
    process.once('SIGTERM', onTerm);
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => {
      process.off('SIGTERM', onTerm);
      resolve();
    });
  });
  await service.close();
  io.out('The service stopped.');
  return 0;
}
