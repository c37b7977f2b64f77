/** @module The Execute Process task: runs a program with arguments, working folder, stdin/stdout/stderr variables, success value and timeout. */
import { spawn } from 'node:child_process';
import { SsisError } from '../errors.ts';
import type { TaskContext, TaskImplementation } from '../runtime/task-api.ts';

const str = (ctx: TaskContext, name: string) => String(ctx.settings[name] ?? '');
const flag = (ctx: TaskContext, name: string, dflt: boolean) => {
  const v = ctx.settings[name];
  return v === undefined || v === '' ? dflt : v === true || /^(true|-1|1)$/i.test(String(v));
};

/** Splits the Arguments text the way Windows does for simple cases: white space outside double quotes. */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.|"")*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!);
  return out;
}

/** The Execute Process task. */
export const executeProcessTask: TaskImplementation = {
  validate(ctx) {
    if (!str(ctx, 'executable').trim()) {
      throw new SsisError('0xC0029151', 'DTS_E_EXECPROCTASK_NOEXECUTABLE', `The Execute Process task "${ctx.task.name}" has no Executable.`);
    }
  },
  async execute(ctx) {
    const exe = ctx.filePath(str(ctx, 'executable'), { isConnection: true });
    const cwd = str(ctx, 'workingDirectory') ? ctx.filePath(str(ctx, 'workingDirectory'), { isConnection: false }) : undefined;
    const args = splitArguments(str(ctx, 'arguments'));
    const timeout = Number(ctx.settings['timeout'] ?? 0) || 0;
    const stdinVar = str(ctx, 'standardInputVariable');
    const child = spawn(exe, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], signal: ctx.signal });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    if (stdinVar) child.stdin.end(String(ctx.variable(stdinVar).value ?? ''));
    else child.stdin.end();
    let timedOut = false;
    const timer = timeout > 0 ? setTimeout(() => {
      timedOut = true;
      if (flag(ctx, 'terminateProcessAfterTimeout', true)) child.kill('SIGTERM');
    }, timeout * 1000) : undefined;
    const code = await new Promise<number>((resolve, reject) => {
      child.on('error', (e) => reject(new SsisError('0xC0029151', 'DTS_E_EXECPROCTASK_FILENOTFOUND', `In Executing "${exe}" "${args.join(' ')}" at "${cwd ?? ''}", The process could not be started: ${e.message}.`)));
      child.on('close', (c) => resolve(c ?? -1));
    }).finally(() => clearTimeout(timer));
    if (str(ctx, 'standardOutputVariable')) await ctx.variable(str(ctx, 'standardOutputVariable')).set(stdout);
    if (str(ctx, 'standardErrorVariable')) await ctx.variable(str(ctx, 'standardErrorVariable')).set(stderr);
    if (timedOut) {
      throw new SsisError('0xC0029155', 'DTS_E_EXECPROCTASK_TIMEOUT', `In Executing "${exe}" "${args.join(' ')}" at "${cwd ?? ''}", The process timed out after ${timeout} seconds.`);
    }
    const success = Number(ctx.settings['successValue'] ?? 0) || 0;
    if (flag(ctx, 'failTaskIfReturnCodeIsNotSuccessValue', true) && code !== success) {
      throw new SsisError('0xC0029151', 'DTS_E_EXECPROCTASK_PROCESSEXITCODEEXCEEDS', `In Executing "${exe}" "${args.join(' ')}" at "${cwd ?? ''}", The process exit code was "${code}" while the expected was "${success}".`);
    }
  },
};
