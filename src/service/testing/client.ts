/** @module A small API client for tests and the load benchmark: the version header, the session cookie and the CSRF token, as the console sends them. */

/** One answer of the API. */
export interface ApiAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

/** A client of one service, signed in or not. */
export class ApiClient {
  readonly base: string;
  version: string | undefined;
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(base: string, version: number | string | undefined) {
    this.base = base;
    this.version = version === undefined ? undefined : String(version);
  }

  /** Sends a request; `body` is sent as JSON. Headers can be overridden (tests of CSRF and content type). */
  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string | undefined> = {}): Promise<ApiAnswer<T>> {
    const h: Record<string, string> = {};
    if (this.version !== undefined) h['x-opendts-version'] = this.version;
    if (this.cookie !== undefined) h.cookie = this.cookie;
    if (this.csrf !== undefined && method !== 'GET') h['x-csrf-token'] = this.csrf;
    if (method !== 'GET') h['content-type'] = 'application/json';
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined) delete h[k];
      else h[k] = v;
    }
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') ?? '';
    const payload = type.startsWith('application/json') ? await res.json() : Buffer.from(await res.arrayBuffer());
    return { status: res.status, body: payload as T };
  }

  /** Signs in and keeps the cookie and CSRF token. */
  async signIn(user: string, password: string): Promise<ApiAnswer> {
    const a = await this.call('POST', '/api/session', { user, password });
    if (a.status === 200) this.csrf = String(a.body.csrfToken);
    return a;
  }

  /** Polls an execution until it is no longer running (or `timeoutMs` passes). */
  async waitForEnd(id: number, timeoutMs = 60_000): Promise<ApiAnswer> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const a = await this.call('GET', `/api/executions/${id}`);
      const status = (a.body.execution as { status?: string } | undefined)?.status;
      if (status !== 'running' || Date.now() > until) return a;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
