/** @module The FTP connection manager: server, port, user, password, passive mode, timeout, chunk size and retries. */
import type { ConnectionManager } from '../../package/index.ts';
import { invalidConnectionError } from '../errors.ts';
import { elementProperty, findElement, isEncryptedProperty, ssisBoolean, ssisInteger } from './element-property.ts';

/** An FTP connection manager's settings (the `<DTS:FtpConnection>` element; defaults as SSIS's). */
export interface FtpConnectionSettings {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** Undefined when the package has none, or keeps it encrypted (give it with /SET or a configuration). */
  readonly password: string | undefined;
  readonly passive: boolean;
  /** Seconds (SSIS default 60; 0 = none). */
  readonly timeoutSeconds: number;
  /** Kilobytes per transfer chunk (SSIS default 1). */
  readonly chunkSizeKb: number;
  readonly retries: number;
}

/** Reads an FTP connection manager; the connection string `host:port` fills in what the element lacks. */
export function ftpConnectionSettings(cm: Pick<ConnectionManager, 'name' | 'connectionString' | 'element'>): FtpConnectionSettings {
  const el = findElement(cm.element, 'FtpConnection');
  const fromString = /^([^:]*)(?::(\d+))?$/.exec((cm.connectionString ?? '').trim());
  const get = (n: string): string | undefined => (el ? elementProperty(el, n) : undefined);
  const host = get('ServerName') ?? fromString?.[1] ?? '';
  if (!host) throw invalidConnectionError(`The FTP connection manager "${cm.name}" names no server.`);
  return {
    host,
    port: ssisInteger(get('ServerPort') ?? fromString?.[2], 21),
    user: get('ServerUserName') ?? 'anonymous',
    password: el && isEncryptedProperty(el, 'ServerPassword') ? undefined : get('ServerPassword'),
    passive: ssisBoolean(get('UsePassiveMode'), false),
    timeoutSeconds: ssisInteger(get('Timeout'), 60),
    chunkSizeKb: ssisInteger(get('ChunkSize'), 1),
    retries: ssisInteger(get('Retries'), 5),
  };
}
