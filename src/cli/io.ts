/** @module What a command sees of the world: its output streams, environment and working folder, so tests can run commands in-process. */

/** The console and environment of one command run. */
export interface CliIo {
  /** Writes one line to standard output. */
  out(line: string): void;
  /** Writes one line to standard error. */
  err(line: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Raised when the user presses Ctrl-C; commands that run packages listen to it. */
  readonly signal?: AbortSignal;
}

/** The real process's console. A reader that goes away (`dtutil /? | head`) ends the output quietly. */
export function processIo(signal?: AbortSignal): CliIo {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  return {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    env: process.env,
    cwd: process.cwd(),
    signal,
  };
}

/** A console that records what a command printed, for tests. */
export function memoryIo(env: Record<string, string | undefined> = {}, cwd = process.cwd()): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => void stdout.push(l), err: (l) => void stderr.push(l), env, cwd };
}
