/** @module `opendts agent`: runs the SQL Server Agent scheduler of an msdb instance until Ctrl-C, or one pass with `--once`. */
import os from 'node:os';
import type { CliIo } from '../io.ts';
import { errorMessage, isSsisError } from '../../errors.ts';
import { parseArgs, saveSmtpSettings, serveAgent, type SmtpSettings } from '../../agent/index.ts';

const USAGE = [
  'Usage: opendts agent [--instance NAME | --db URL] [--root DIR] [--once] [--poll SECONDS] [--grace SECONDS] [--name NAME]',
  '                     [--smtp HOST:PORT --mail-from ADDRESS] [--history-max-rows N] [--history-max-rows-per-job N]',
  '  Runs the jobs of the instance\'s msdb on their schedules until Ctrl-C. --once runs what is due now, waits for it and exits.',
  '  --poll: seconds between passes (default 1). --grace: a run found later than this after its time was missed while no',
  '  Agent ran; it is recorded and not replayed (default 60). --name: this Agent\'s name when several share one msdb.',
  '  --smtp/--mail-from: the mail server for operator notifications (else the version settings\' Agent\\SMTP\\* values).',
  '  --history-max-rows/--history-max-rows-per-job: keep only the newest history rows (Agent\'s history log limits; default: keep all).',
  '',
  'Usage: opendts agent mail [--instance NAME] [--root DIR] --smtp HOST:PORT --mail-from ADDRESS [--smtp-user U --smtp-password P] [--smtp-secure]',
  '  Saves the mail server in the settings of the instance\'s version, for every Agent of that version.',
].join('\n');

function seconds(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${what} must be a number of seconds, not "${text}".`);
  return n * 1000;
}

function rows(text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new Error(`${what} must be a whole number of rows (1 or more), not "${text}".`);
  return Number(text);
}

function smtpOption(hostPort: string | undefined, from: string | undefined): SmtpSettings | undefined {
  if (hostPort === undefined) return undefined;
  const [host, port] = hostPort.split(':');
  if (!host || (port !== undefined && !/^\d+$/.test(port))) throw new Error(`--smtp must be HOST or HOST:PORT, not "${hostPort}".`);
  return { host, port: Number(port ?? 25), from: from ?? `opendts-agent@${os.hostname()}` };
}

/** Runs `opendts agent`. */
export async function run(args: string[], io: CliIo): Promise<number> {
  const p = parseArgs(args, ['--instance', '--db', '--root', '--poll', '--grace', '--name', '--smtp', '--mail-from', '--smtp-user', '--smtp-password', '--history-max-rows', '--history-max-rows-per-job'], ['--once', '--smtp-secure', '--help', '-h']);
  const mail = typeof p !== 'string' && p.positional[0] === 'mail';
  if (typeof p === 'string' || p.positional.length > (mail ? 1 : 0)) {
    io.err(`opendts agent: ${typeof p === 'string' ? p : `unexpected argument "${p.positional.at(-1)}".`}`);
    io.err(USAGE);
    return 1;
  }
  if (p.has('--help') || p.has('-h')) {
    io.out(USAGE);
    return 0;
  }
  try {
    if (mail) {
      const smtp = smtpOption(p.get('--smtp'), p.get('--mail-from'));
      if (!smtp) throw new Error('agent mail needs --smtp HOST:PORT.');
      const user = p.get('--smtp-user');
      const password = p.get('--smtp-password');
      const file = saveSmtpSettings(
        { env: io.env, ...(p.get('--root') ? { root: p.get('--root') } : {}), ...(p.get('--instance') ? { instance: p.get('--instance') } : {}) },
        { ...smtp, secure: p.has('--smtp-secure'), ...(user !== undefined ? { user } : {}), ...(password !== undefined ? { password } : {}) },
      );
      io.out(`The Agent mails through ${smtp.host}:${smtp.port} as ${smtp.from} (saved in ${file}).`);
      return 0;
    }
    const pollMs = seconds(p.get('--poll'), '--poll');
    const graceMs = seconds(p.get('--grace'), '--grace');
    const smtp = smtpOption(p.get('--smtp'), p.get('--mail-from'));
    const total = rows(p.get('--history-max-rows'), '--history-max-rows');
    const perJob = rows(p.get('--history-max-rows-per-job'), '--history-max-rows-per-job');
    const pick = (flag: string, key: string) => (p.get(flag) !== undefined ? { [key]: p.get(flag) } : {});
    await serveAgent({
      env: io.env,
      cwd: io.cwd,
      once: p.has('--once'),
      log: (line) => io.out(line),
      ...pick('--root', 'root'),
      ...pick('--instance', 'instance'),
      ...pick('--db', 'db'),
      ...pick('--name', 'name'),
      ...(pollMs !== undefined ? { pollMs } : {}),
      ...(graceMs !== undefined ? { graceMs } : {}),
      ...(smtp ? { smtp } : {}),
      ...(total !== undefined || perJob !== undefined ? { historyLimits: { ...(total !== undefined ? { total } : {}), ...(perJob !== undefined ? { perJob } : {}) } } : {}),
      ...(io.signal ? { signal: io.signal } : {}),
    });
    return 0;
  } catch (error) {
    io.err(`opendts agent: ${isSsisError(error) ? error.format() : errorMessage(error)}`);
    return 1;
  }
}
