/**
 * @module The Integration Services service of one version (`dtsserver`): its configuration, history
 * database, sessions and runs behind one HTTP server on loopback, serving the API and the console.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { installationOf, readSettings } from '../installation/index.ts';
import { versionOfYear, type ToolYear } from '../versions/index.ts';
import { csrfMatches, Sessions } from './sessions.ts';
import { cookie, sendJson, ApiError } from './http-kit.ts';
import { errorAnswer } from './http-errors.ts';
import { ServiceJobs } from './jobs.ts';
import { PackageOps } from './package-ops.ts';
import { ROUTES, SESSION_COOKIE, type ServiceContext } from './routes.ts';
import { Runner } from './runs.ts';
import { loadServiceConfig } from './service-config.ts';
import { ServiceDb } from './service-db.ts';
import { loadStaticFiles, sendStatic, webDir, SECURITY_HEADERS } from './static-files.ts';

/** The header a client names its version in; the service answers only clients of its own version. */
export const VERSION_HEADER = 'x-opendts-version';
/** The header a signed-in client sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';

/** Options of {@link startService}. */
export interface ServiceOptions {
  readonly root: string;
  readonly year: ToolYear;
  /** Default 127.0.0.1 (loopback). */
  readonly host?: string;
  /** Default 0 (any free port). */
  readonly port?: number;
  /** Sessions end after this long without a request (default 30 minutes). */
  readonly sessionTtlMs?: number;
  /** The clock sessions use (tests). */
  readonly now?: () => number;
  /** At most this many packages run at once (default 32); more are refused with 503. */
  readonly maxRuns?: number;
  /** Where unexpected errors are logged (default stderr). */
  readonly log?: (line: string) => void;
  /**
   * Runs the SQL Server Agent scheduler on the sign-in msdb instance while the service runs (default:
   * the version settings' `Service\\StartAgent` = "true", else false); `{ pollMs }` sets its pass interval.
   */
  readonly agent?: boolean | { readonly pollMs?: number };
  /** The working directory and environment of job steps (default: the process's). */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A running service. */
export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly context: ServiceContext;
  /** Stops the service: runs stopped when StopExecutingPackagesOnShutdown is true, else left running. */
  close(): Promise<void>;
}

function versionRefusal(year: ToolYear, sent: string | undefined): ApiError | undefined {
  if (sent === undefined || sent === '') return new ApiError(400, `Send the client's version in the X-OpenDTS-Version header: this is the SQL Server ${year} Integration Services service.`);
  if (sent.trim() === String(year)) return undefined;
  return new ApiError(
    409,
    `This is the SQL Server ${year} Integration Services service; a SQL Server ${sent.trim()} client cannot connect to it. ` +
      `Tools and consoles of one version connect only to the service of the same version: use the ${sent.trim()} service, or the ${year} tools.`,
  );
}

/**
 * Starts the service of `year` under `root`: reads `DTS/Binn/MsDtsSrvr.ini.xml` (a broken file
 * throws and nothing starts), opens the history database and listens on loopback.
 */
export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const inst = installationOf(opts.root, opts.year);
  const config = loadServiceConfig(inst);
  const files = loadStaticFiles(webDir());
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const db = new ServiceDb(inst);
  const ttl = opts.sessionTtlMs ?? 30 * 60 * 1000;
  const ctx: ServiceContext = {
    root: opts.root,
    year: opts.year,
    config,
    db,
    sessions: new Sessions(ttl, opts.now),
    runner: new Runner(db, opts.root, opts.year, path.join(inst.dts, 'Service', 'runs'), opts.maxRuns),
    ops: new PackageOps(opts.root, opts.year),
    sessionSeconds: Math.ceil(ttl / 1000),
    jobs: new ServiceJobs({
      root: opts.root, year: opts.year, instance: config.folders.find((f) => f.type === 'SqlServerFolder')?.serverName,
      cwd: opts.cwd ?? process.cwd(), env: opts.env ?? process.env, log,
    }),
  };
  const agent = opts.agent ?? /^(true|1)$/i.test(readSettings(inst).values['Service\\StartAgent'] ?? '');
  if (agent) ctx.jobs.startScheduler(typeof agent === 'object' ? agent.pollMs : undefined);

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method === 'GET' && sendStatic(files, url.pathname, res)) return;
      return sendJson(res, 404, { error: `Nothing at ${url.pathname}.` }, SECURITY_HEADERS);
    }
    const candidates = ROUTES.map((r) => ({ r, m: r.pattern.exec(url.pathname) })).filter((x) => x.m);
    if (candidates.length === 0) throw new ApiError(404, `No API at ${url.pathname}.`);
    const found = candidates.find((x) => x.r.method === req.method);
    if (!found) throw new ApiError(405, `${url.pathname} answers ${candidates.map((x) => x.r.method).join(', ')}, not ${req.method}.`);
    const { r: route, m } = found;
    if (route.pattern.source !== '^\\/api\\/health$') {
      const refusal = versionRefusal(opts.year, req.headers[VERSION_HEADER] as string | undefined);
      if (refusal) throw refusal;
    }
    if (req.method !== 'GET' && !/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      throw new ApiError(415, 'Requests that change something must send Content-Type: application/json.');
    }
    let session;
    if (!route.open) {
      session = ctx.sessions.touch(cookie(req, SESSION_COOKIE));
      if (!session) throw new ApiError(401, 'Sign in first: there is no session, or it has expired.');
      if (req.method !== 'GET' && !csrfMatches(session, req.headers[CSRF_HEADER] as string | undefined)) {
        throw new ApiError(403, 'The request has no valid X-CSRF-Token header (cross-site request forgery protection): reload the console and try again.');
      }
    }
    await route.handle({ ctx, req, res, url, params: m!.slice(1), session });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const a = errorAnswer(error, log);
      if (!res.headersSent) sendJson(res, a.status, a.body);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    context: ctx,
    close: () => {
      closed ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        if (config.stopExecutingPackagesOnShutdown) await ctx.runner.stopAll();
        else ctx.runner.detachAll();
        await stopped;
        await ctx.jobs.close();
        await ctx.ops.close();
        db.close();
      })();
      return closed;
    },
  };
}

/** The product name of a service version, for banners. */
export function serviceName(year: ToolYear): string {
  return `SQL Server ${versionOfYear(year).year} Integration Services service (OpenDTS)`;
}
