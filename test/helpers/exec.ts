/**
 * Runs a program to its end, as a test looks at a command: exit code, standard output and
 * standard error, whether it succeeded or not (colours off).
 */
import { execFileSync } from 'node:child_process';

/** What a finished command printed, and its exit code. */
export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

/** `file args…` in `cwd` with `env` added to this process's environment. */
export function runProgram(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Finished {
  try {
    const stdout = execFileSync(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'pipe' }).toString();
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status: number; stdout: Buffer; stderr: Buffer };
    return { code: e.status, stdout: e.stdout.toString(), stderr: e.stderr.toString() };
  }
}
