/** @module The `opendts` command: OpenDTS's own sub-commands (install, inspect, upgrade, expr, instance, job, agent, demo). */
import type { CliIo } from '../io.ts';

type Sub = { summary: string; load: () => Promise<(args: string[], io: CliIo) => Promise<number>> };

const SUBCOMMANDS: Record<string, Sub> = {
  install: { summary: 'lay out the 2008, 2012 and 2014 installations side by side', load: async () => (await import('./install.ts')).run },
  inspect: { summary: 'show a package: format, executables, connections, data flows, what cannot run', load: async () => (await import('./inspect.ts')).run },
  upgrade: { summary: 'upgrade a package permanently to a newer format', load: async () => (await import('./upgrade.ts')).run },
  expr: { summary: 'evaluate an SSIS expression and print its value and type', load: async () => (await import('./expr.ts')).run },
  instance: { summary: 'create, list and drop msdb instances', load: async () => (await import('./instance.ts')).run },
  job: { summary: 'manage Agent jobs', load: async () => (await import('./job.ts')).run },
  agent: { summary: 'run the Agent scheduler', load: async () => (await import('./agent.ts')).run },
  demo: { summary: 'install a root and run the demo package on SQLite', load: async () => (await import('./demo.ts')).run },
};

function usage(io: CliIo): void {
  io.out('Usage: opendts <command> [options]');
  io.out('');
  for (const [name, sub] of Object.entries(SUBCOMMANDS)) io.out(`  ${name.padEnd(10)} ${sub.summary}`);
  io.out('');
  io.out('Run "opendts <command> --help" for the options of a command.');
}

export async function runOpendts(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    usage(io);
    return name === undefined ? 1 : 0;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    io.err(`opendts: unknown command "${name}".`);
    usage(io);
    return 1;
  }
  return (await sub.load())(rest, io);
}
