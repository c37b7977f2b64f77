/** @module The HTTP connection manager: URL, credentials, timeout, chunk size and proxy. */
import type { ConnectionManager } from '../../package/index.ts';
import { invalidConnectionError } from '../errors.ts';
import { elementProperty, findElement, isEncryptedProperty, ssisBoolean, ssisInteger } from './element-property.ts';

/** An HTTP connection manager's settings (the `<DTS:HttpConnection>` element; defaults as SSIS's). */
export interface HttpConnectionSettings {
  readonly url: string;
  /** Use a user name and password (otherwise anonymous). */
  readonly useCredentials: boolean;
  readonly user: string | undefined;
  readonly domain: string | undefined;
  /** Undefined when absent or kept encrypted. */
  readonly password: string | undefined;
  /** Seconds (SSIS default 30, at most 300). */
  readonly timeoutSeconds: number;
  /** Kilobytes per chunk (SSIS default 1). */
  readonly chunkSizeKb: number;
  readonly proxy: { readonly url: string; readonly bypassOnLocal: boolean; readonly user: string | undefined } | undefined;
}

/** Reads an HTTP connection manager; the connection string is the URL when the element lacks ServerURL. */
export function httpConnectionSettings(cm: Pick<ConnectionManager, 'name' | 'connectionString' | 'element'>): HttpConnectionSettings {
  const el = findElement(cm.element, 'HttpConnection');
  const get = (n: string): string | undefined => (el ? elementProperty(el, n) : undefined);
  const url = get('ServerURL') ?? cm.connectionString ?? '';
  if (!url) throw invalidConnectionError(`The HTTP connection manager "${cm.name}" has no URL.`);
  const proxyUrl = get('ProxyURL');
  return {
    url,
    useCredentials: ssisBoolean(get('UseServerCredentials'), false),
    user: get('ServerUserName'),
    domain: get('ServerDomain'),
    password: el && isEncryptedProperty(el, 'ServerPassword') ? undefined : get('ServerPassword'),
    timeoutSeconds: ssisInteger(get('Timeout'), 30),
    chunkSizeKb: ssisInteger(get('ChunkSize'), 1),
    proxy: ssisBoolean(get('UseProxy'), false) && proxyUrl ? { url: proxyUrl, bypassOnLocal: ssisBoolean(get('ProxyBypassOnLocal'), false), user: get('ProxyUserName') } : undefined,
  };
}
