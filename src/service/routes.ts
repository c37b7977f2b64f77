/** @module The service's HTTP API: each route, whether it needs a signed-in user and a CSRF token, and what it does. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ToolYear } from '../versions/index.ts';
import { isAdmin, requireAdmin, signIn } from './access.ts';
import { ApiError, pairsField, readJson, sendJson, stringField } from './http-kit.ts';
import type { ServiceJobs } from './jobs.ts';
import { packageDetails } from './package-details.ts';
import type { PackageOps } from './package-ops.ts';
import { rowsPerPath } from './rows-per-path.ts';
import type { Runner } from './runs.ts';
import type { ServiceConfig } from './service-config.ts';
import type { ExecutionStatus, ServiceDb } from './service-db.ts';
import type { Session, Sessions } from './sessions.ts';

/** Everything a route may use. */
export interface ServiceContext {
  readonly root: string;
  readonly year: ToolYear;
  readonly config: ServiceConfig;
  readonly db: ServiceDb;
  readonly sessions: Sessions;
  readonly runner: Runner;
  readonly ops: PackageOps;
  /** The session cookie's lifetime, in seconds, for its Max-Age. */
  readonly sessionSeconds: number;
  /** The Agent's jobs of the sign-in msdb instance. */
  readonly jobs: ServiceJobs;
}

/** What a route handler gets. */
export interface RouteCall {
  readonly ctx: ServiceContext;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly params: string[];
  /** The signed-in session (undefined only on routes open without sign-in). */
  readonly session: Session | undefined;
}

/** One route of the API. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly pattern: RegExp;
  /** Answers without a signed-in session (health, sign-in). */
  readonly open?: boolean;
  handle(call: RouteCall): Promise<void> | void;
}

const STATUSES: readonly ExecutionStatus[] = ['running', 'succeeded', 'failed', 'canceled', 'stopped'];

/** The header a package password comes in for reading a package's details (never in the URL, never stored). */
export const PACKAGE_PASSWORD_HEADER = 'x-package-password';

/** The cookie holding the session token. */
export const SESSION_COOKIE = 'opendts_session';

function query(url: URL, name: string): string {
  const v = url.searchParams.get(name);
  if (v === null || v === '') throw new ApiError(400, `The query parameter "${name}" is required.`);
  return v;
}

function user(call: RouteCall) {
  return call.session!.user;
}

function actor(call: RouteCall) {
  return user(call);
}

/** The optional package password of a body (import, copy, upgrade); kept for the request only. */
function packagePassword(body: Record<string, unknown>): string | undefined {
  const v = body.password;
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string') throw new ApiError(400, 'The field "password" must be a string.');
  return v;
}

function optionalBool(body: Record<string, unknown>, name: string): boolean {
  const v = body[name];
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new ApiError(400, `The field "${name}" must be true or false.`);
  return v;
}

function sessionView(ctx: ServiceContext, s: Session) {
  return { login: s.user.login, roles: s.user.roles, sysadmin: s.user.sysadmin, admin: isAdmin(s.user), csrfToken: s.csrf, version: ctx.year };
}

/** A folder or package name: refused when empty or holding a path separator. */
function validName(name: string): string {
  if (/[\\/]/.test(name) || name.trim() === '') throw new ApiError(400, `"${name}" is not a valid name: it must not be empty or contain \\ or /.`);
  return name;
}

function joinPath(folder: string, name: string): string {
  return `${folder.replace(/[\\/]+$/, '')}\\${validName(name)}`;
}

function executionView(ctx: ServiceContext, id: number) {
  const row = ctx.db.execution(id);
  if (!row) throw new ApiError(404, `There is no execution ${id}.`);
  return row;
}

/** Every route of the API, in matching order. */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET', pattern: /^\/api\/health$/, open: true,
    handle: ({ ctx, res }) => sendJson(res, 200, { status: 'ok', service: 'dtsserver', version: ctx.year, running: ctx.runner.running().length }),
  },
  {
    method: 'POST', pattern: /^\/api\/session$/, open: true,
    handle: async ({ ctx, req, res }) => {
      const body = await readJson(req);
      const u = await signIn(ctx.root, ctx.year, ctx.config.folders, stringField(body, 'user'), typeof body.password === 'string' ? body.password : '');
      const s = ctx.sessions.create(u);
      sendJson(res, 200, sessionView(ctx, s), {
        'set-cookie': `${SESSION_COOKIE}=${s.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${ctx.sessionSeconds}`,
      });
    },
  },
  { method: 'GET', pattern: /^\/api\/session$/, handle: ({ ctx, res, session }) => sendJson(res, 200, sessionView(ctx, session!)) },
  {
    method: 'DELETE', pattern: /^\/api\/session$/,
    handle: ({ ctx, res, session }) => {
      ctx.sessions.end(session!.token);
      sendJson(res, 200, { signedOut: true }, { 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    },
  },
  {
    method: 'GET', pattern: /^\/api\/store$/,
    handle: async (call) => {
      const path = call.url.searchParams.get('path') ?? '';
      if (path === '') return sendJson(call.res, 200, { path: '', folders: call.ctx.ops.topFolders() });
      sendJson(call.res, 200, { path, entries: await call.ctx.ops.list(path, actor(call)) });
    },
  },
  {
    method: 'POST', pattern: /^\/api\/store\/folders$/,
    handle: async (call) => {
      requireAdmin(user(call), 'create folders');
      const body = await readJson(call.req);
      const parent = stringField(body, 'parent');
      const name = validName(stringField(body, 'name'));
      await call.ctx.ops.createFolder(parent, name, actor(call));
      sendJson(call.res, 201, { path: joinPath(parent, name) });
    },
  },
  {
    method: 'POST', pattern: /^\/api\/store\/folders\/rename$/,
    handle: async (call) => {
      requireAdmin(user(call), 'rename folders');
      const body = await readJson(call.req);
      const name = validName(stringField(body, 'name'));
      await call.ctx.ops.renameFolder(stringField(body, 'path'), name, actor(call));
      sendJson(call.res, 200, { renamed: true });
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/store\/folders$/,
    handle: async (call) => {
      requireAdmin(user(call), 'delete folders');
      await call.ctx.ops.deleteFolder(query(call.url, 'path'), actor(call));
      sendJson(call.res, 200, { deleted: true });
    },
  },
  {
    method: 'POST', pattern: /^\/api\/packages\/import$/,
    handle: async (call) => {
      requireAdmin(user(call), 'import packages');
      const body = await readJson(call.req);
      const content = stringField(body, 'content');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw new ApiError(400, 'The field "content" must be the package file in base64.');
      const to = joinPath(stringField(body, 'folder'), stringField(body, 'name').replace(/\.dtsx$/i, ''));
      const r = await call.ctx.ops.store(to, Buffer.from(content, 'base64'), actor(call), { overwrite: optionalBool(body, 'overwrite'), password: packagePassword(body) });
      sendJson(call.res, 201, r);
    },
  },
  {
    method: 'GET', pattern: /^\/api\/packages\/export$/,
    handle: async (call) => {
      const path = query(call.url, 'path');
      const bytes = await call.ctx.ops.read(path, actor(call));
      const name = `${path.split('\\').pop()}.dtsx`.replace(/[^\w. -]/g, '_');
      call.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
      call.res.end(Buffer.from(bytes));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/packages\/copy$/,
    handle: async (call) => {
      requireAdmin(user(call), 'copy or export packages into a store');
      const body = await readJson(call.req);
      const from = stringField(body, 'from');
      const to = joinPath(stringField(body, 'folder'), typeof body.name === 'string' && body.name !== '' ? body.name : (from.split('\\').pop() ?? ''));
      sendJson(call.res, 201, await call.ctx.ops.copy(from, to, actor(call), { overwrite: optionalBool(body, 'overwrite'), password: packagePassword(body) }));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/packages\/rename$/,
    handle: async (call) => {
      requireAdmin(user(call), 'rename packages');
      const body = await readJson(call.req);
      const name = validName(stringField(body, 'name'));
      sendJson(call.res, 200, await call.ctx.ops.rename(stringField(body, 'path'), name, actor(call)));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/packages\/upgrade$/,
    handle: async (call) => {
      requireAdmin(user(call), 'upgrade packages');
      const body = await readJson(call.req);
      sendJson(call.res, 200, await call.ctx.ops.upgrade(stringField(body, 'path'), actor(call), optionalBool(body, 'backup'), packagePassword(body)));
    },
  },
  {
    method: 'DELETE', pattern: /^\/api\/packages$/,
    handle: async (call) => {
      requireAdmin(user(call), 'delete packages');
      await call.ctx.ops.remove(query(call.url, 'path'), actor(call));
      sendJson(call.res, 200, { deleted: true });
    },
  },
  {
    method: 'GET', pattern: /^\/api\/packages\/details$/,
    handle: async (call) => {
      const path = query(call.url, 'path');
      const password = call.req.headers[PACKAGE_PASSWORD_HEADER];
      if (Array.isArray(password)) throw new ApiError(400, 'Send one X-Package-Password header.');
      sendJson(call.res, 200, await packageDetails(path, await call.ctx.ops.read(path, actor(call)), call.ctx.year, password || undefined));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/executions$/,
    handle: async (call) => {
      const body = await readJson(call.req);
      const path = stringField(body, 'path');
      const bytes = await call.ctx.ops.read(path, actor(call));
      const id = call.ctx.runner.start(
        { packagePath: path, bytes, set: pairsField(body, 'set', 'name'), connections: pairsField(body, 'connections', 'name'), parameters: pairsField(body, 'parameters', 'name') },
        user(call).login,
      );
      sendJson(call.res, 202, { id });
    },
  },
  {
    method: 'GET', pattern: /^\/api\/executions$/,
    handle: ({ ctx, url, res }) => {
      const status = url.searchParams.get('status') ?? undefined;
      if (status !== undefined && !STATUSES.includes(status as ExecutionStatus)) throw new ApiError(400, `The status must be one of ${STATUSES.join(', ')}.`);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 200) || 200, 1000);
      sendJson(res, 200, { executions: ctx.db.executions(limit, status as ExecutionStatus | undefined) });
    },
  },
  {
    method: 'GET', pattern: /^\/api\/executions\/(\d+)$/,
    handle: ({ ctx, url, res, params }) => {
      const id = Number(params[0]);
      const execution = executionView(ctx, id);
      const after = Number(url.searchParams.get('after') ?? -1);
      const messages = ctx.db.messages(id, Number.isInteger(after) ? after : -1);
      const all = after >= 0 ? ctx.db.messages(id) : messages;
      sendJson(res, 200, { execution, messages, rowsPerPath: rowsPerPath(all.map((m) => m.text)) });
    },
  },
  {
    method: 'GET', pattern: /^\/api\/jobs$/,
    handle: async ({ ctx, res }) => sendJson(res, 200, { agentRunning: ctx.jobs.schedulerRunning, jobs: await ctx.jobs.list() }),
  },
  {
    method: 'GET', pattern: /^\/api\/jobs\/([^/]+)\/history$/,
    handle: async ({ ctx, url, res, params }) => {
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 100) || 100, 1000);
      sendJson(res, 200, await ctx.jobs.history(decodeURIComponent(params[0]!), limit));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/jobs\/([^/]+)\/run$/,
    handle: async ({ ctx, res, params, session }) => {
      // As with packages, every signed-in role may run; only admins change.
      sendJson(res, 202, await ctx.jobs.start(decodeURIComponent(params[0]!), session!.user.login));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/jobs\/([^/]+)\/enabled$/,
    handle: async (call) => {
      requireAdmin(user(call), 'enable or disable jobs');
      const body = await readJson(call.req);
      if (typeof body.enabled !== 'boolean') throw new ApiError(400, 'The field "enabled" must be true or false.');
      sendJson(call.res, 200, await call.ctx.jobs.setEnabled(decodeURIComponent(call.params[0]!), body.enabled));
    },
  },
  {
    method: 'POST', pattern: /^\/api\/executions\/(\d+)\/stop$/,
    handle: ({ ctx, res, params, session }) => {
      const id = Number(params[0]);
      const row = executionView(ctx, id);
      if (row.startedBy !== session!.user.login) requireAdmin(session!.user, "stop another user's run");
      if (!ctx.runner.stop(id)) throw new ApiError(409, `Execution ${id} is not running (${row.status}).`);
      sendJson(res, 202, { stopping: true });
    },
  },
];
