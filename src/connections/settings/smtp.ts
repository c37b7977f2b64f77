/** @module The SMTP connection manager: server, port, SSL and authentication from its connection string. */
import type { ConnectionManager } from '../../package/index.ts';
import { connectionStringValue, parseConnectionString } from '../connection-string.ts';
import { invalidConnectionError } from '../errors.ts';
import { ssisBoolean, ssisInteger } from './element-property.ts';

/** An SMTP connection manager's settings (`SmtpServer=…;UseWindowsAuthentication=…;EnableSsl=…;`). */
export interface SmtpConnectionSettings {
  readonly host: string;
  /**
   * SSIS's SMTP connection manager has no port setting (it always uses 25). OpenDTS also reads `SmtpServer=host:port`
   * and a `Port=` key, so a package can reach a relay on another port.
   */
  readonly port: number;
  readonly enableSsl: boolean;
  /** Windows authentication was asked for: not available here (the Send Mail task should say so if it matters). */
  readonly useWindowsAuthentication: boolean;
  readonly timeoutSeconds: number;
}

/** Reads an SMTP connection manager. */
export function smtpConnectionSettings(cm: Pick<ConnectionManager, 'name' | 'connectionString'>): SmtpConnectionSettings {
  const parsed = parseConnectionString(cm.connectionString ?? '');
  const server = connectionStringValue(parsed, 'SmtpServer') ?? '';
  if (!server) throw invalidConnectionError(`The SMTP connection manager "${cm.name}" names no SmtpServer.`);
  const m = /^(.*):(\d+)$/.exec(server);
  return {
    host: m ? m[1]! : server,
    port: m ? Number(m[2]) : ssisInteger(connectionStringValue(parsed, 'Port'), 25),
    enableSsl: ssisBoolean(connectionStringValue(parsed, 'EnableSsl'), false),
    useWindowsAuthentication: ssisBoolean(connectionStringValue(parsed, 'UseWindowsAuthentication'), false),
    timeoutSeconds: ssisInteger(connectionStringValue(parsed, 'Timeout'), 100),
  };
}
