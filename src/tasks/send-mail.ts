/** @module The Send Mail task: sends a message through the SMTP connection manager's server with nodemailer. */
import { readFileSync } from 'node:fs';
import { SsisError, errorMessage } from '../errors.ts';
import { parseConnectionString, connectionStringValue } from '../connections/connection-string.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

const str = (ctx: TaskContext, name: string) => String(ctx.settings[name] ?? '');
const list = (text: string) => text.split(/[;,]/).map((s) => s.trim()).filter(Boolean);

/** Reads `SmtpServer=host;UseWindowsAuthentication=False;EnableSsl=False;` (plus OpenDTS's optional `Port=`). */
export function smtpSettings(connectionString: string): { host: string; port: number; secure: boolean } {
  const parsed = parseConnectionString(connectionString);
  const host = connectionStringValue(parsed, 'SmtpServer') ?? connectionStringValue(parsed, 'Server') ?? '';
  const port = Number(connectionStringValue(parsed, 'Port') ?? 25) || 25;
  const secure = /^true$/i.test(connectionStringValue(parsed, 'EnableSsl') ?? '') && port === 465;
  return { host, port, secure };
}

function messageBody(ctx: TaskContext): string {
  const type = str(ctx, 'messageSourceType').toLowerCase();
  const source = str(ctx, 'messageSource');
  if (type === 'variable' || type === '2') return String(ctx.variable(source).value ?? '');
  if (type === 'fileconnection' || type === '1') return readFileSync(ctx.filePath(source), 'utf8');
  return source;
}

const PRIORITY: Record<string, 'high' | 'normal' | 'low'> = { high: 'high', '1': 'high', low: 'low', '5': 'low' };

/** The Send Mail task. */
export const sendMailTask: TaskImplementation = {
  validate(ctx) {
    if (!str(ctx, 'smtpConnection')) throw new SsisError('0xC002F30B', 'DTS_E_SENDMAILTASK_NOSMTPCONNECTION', `The Send Mail task "${ctx.task.name}" has no SMTP connection manager.`);
    if (list(str(ctx, 'to')).length + list(str(ctx, 'cc')).length + list(str(ctx, 'bcc')).length === 0) {
      throw new SsisError('0xC002F30C', 'DTS_E_SENDMAILTASK_NORECIPIENTS', `The Send Mail task "${ctx.task.name}" has no recipient: To, Cc or Bcc must name one.`);
    }
  },
  async execute(ctx) {
    const cm = ctx.connection(str(ctx, 'smtpConnection'));
    const smtp = smtpSettings(cm.connectionString);
    const attachments = str(ctx, 'fileAttachments').split('|').map((s) => s.trim()).filter(Boolean).map((p) => ({ path: ctx.filePath(p, { isConnection: false }) }));
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure, ignoreTLS: !smtp.secure, connectionTimeout: 15000 });
    try {
      await transport.sendMail({
        from: str(ctx, 'from'),
        to: list(str(ctx, 'to')),
        cc: list(str(ctx, 'cc')),
        bcc: list(str(ctx, 'bcc')),
        subject: str(ctx, 'subject'),
        text: messageBody(ctx),
        priority: PRIORITY[str(ctx, 'priority').toLowerCase()] ?? 'normal',
        attachments,
      });
    } catch (error) {
      throw new SsisError('0xC002F304', 'DTS_E_SENDMAILTASK_FAILED', `An error occurred with the following error message: "${errorMessage(error)}".`);
    } finally {
      transport.close();
    }
  },
};
