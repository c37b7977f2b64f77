/** @module E-mail to an operator when a job ends (on failure, success or always, as `notify_level_email` says), through SMTP with nodemailer. */
import nodemailer from 'nodemailer';

/** The SMTP connection the Agent mails through. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  user?: string;
  password?: string;
  /** The sender address. */
  from: string;
}

/** Sends one message; throws when it cannot. */
export interface Mailer {
  send(to: string, subject: string, body: string): Promise<void>;
}

/** A mailer over SMTP. */
export function smtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    ...(settings.user !== undefined ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    tls: { rejectUnauthorized: false },
  });
  return {
    async send(to, subject, body) {
      await transport.sendMail({ from: settings.from, to, subject, text: body });
    },
  };
}

/**
 * Reads SMTP settings from a version's registry values (`Agent\SMTP\Server`, `Agent\SMTP\Port`,
 * `Agent\SMTP\From`, `Agent\SMTP\User`, `Agent\SMTP\Password`, `Agent\SMTP\Secure`); undefined when no server is set.
 */
export function smtpFromValues(values: Readonly<Record<string, string>>): SmtpSettings | undefined {
  const host = values['Agent\\SMTP\\Server'];
  if (!host) return undefined;
  return {
    host,
    port: Number(values['Agent\\SMTP\\Port'] ?? 25),
    secure: values['Agent\\SMTP\\Secure'] === '1' || values['Agent\\SMTP\\Secure'] === 'true',
    from: values['Agent\\SMTP\\From'] ?? 'opendts-agent@localhost',
    ...(values['Agent\\SMTP\\User'] !== undefined ? { user: values['Agent\\SMTP\\User'] } : {}),
    ...(values['Agent\\SMTP\\Password'] !== undefined ? { password: values['Agent\\SMTP\\Password'] } : {}),
  };
}

/** The registry values that hold SMTP settings (the inverse of {@link smtpFromValues}). */
export function smtpToValues(settings: SmtpSettings): Record<string, string> {
  return {
    'Agent\\SMTP\\Server': settings.host,
    'Agent\\SMTP\\Port': String(settings.port),
    'Agent\\SMTP\\From': settings.from,
    'Agent\\SMTP\\Secure': settings.secure ? '1' : '0',
    ...(settings.user !== undefined ? { 'Agent\\SMTP\\User': settings.user } : {}),
    ...(settings.password !== undefined ? { 'Agent\\SMTP\\Password': settings.password } : {}),
  };
}
